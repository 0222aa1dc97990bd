package io.orderchat.conversations;

import io.orderchat.shared.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReactionEmojiTest {

	@ParameterizedTest
	@ValueSource(strings = { "👍", "❤️", "🎉", "👍🏽", "🇺🇦", "👨‍👩‍👧‍👦", "1️⃣", "☕" })
	void takesTheQuickSetAndAnyOtherSingleEmoji(String emoji) {
		assertThat(ReactionEmoji.checked(emoji)).isEqualTo(emoji);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "a", "1", "ok", "👍👍", "👍 ", "<b>" })
	void refusesTextAndMoreThanOneEmoji(String text) {
		assertThatThrownBy(() -> ReactionEmoji.checked(text)).isInstanceOf(DomainException.class)
			.hasMessageContaining("one emoji");
	}

	@Test
	void refusesNothing() {
		assertThatThrownBy(() -> ReactionEmoji.checked(null)).isInstanceOf(DomainException.class);
	}

}
