package io.orderchat.search;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchQueryTest {

	@Test
	void theLastWordIsAPrefixUnlessAPhraseOrAnExclusionEndsTheText() {
		assertThat(query("замовл").lastWordIsPrefix()).isTrue();
		assertThat(query("parcel or дост").lastWordIsPrefix()).isTrue();
		assertThat(query("\"parcel is ready\"").lastWordIsPrefix()).isFalse();
		assertThat(query("ready -parcel").lastWordIsPrefix()).isFalse();
	}

	@Test
	void aCursorComesBackAsItWasAndAForeignOneIsRefused() {
		SearchCursor cursor = new SearchCursor("0.0607927", UUID.randomUUID());
		assertThat(SearchCursor.decode(cursor.encode())).contains(cursor);
		assertThat(SearchCursor.decode("bm9wZQ")).isEmpty();
		assertThat(SearchCursor.decode("%%%")).isEmpty();
	}

	@Test
	void anH2SnippetIsEscapedAndMarked() {
		assertThat(LikeMatches.snippet("<b>Замовлення</b> & co", "замовлення"))
			.isEqualTo("&lt;b&gt;«Замовлення»&lt;/b&gt; &amp; co");
	}

	private static SearchQuery query(String text) {
		return new SearchQuery(text, null, null, null, null, null, null, 20, null);
	}

}
