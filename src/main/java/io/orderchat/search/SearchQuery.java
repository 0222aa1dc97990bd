package io.orderchat.search;

import java.time.Instant;

import io.orderchat.conversations.ConversationId;
import io.orderchat.conversations.ConversationKind;

/**
 * A checked search: the text and the filters ({@code null} = not filtered), the page
 * size, and where the previous page ended ({@code null} on the first page).
 */
record SearchQuery(String text, ConversationId conversation, ConversationKind kind, String orderId, String senderId,
		Instant from, Instant to, int limit, SearchCursor after) {

	/**
	 * Whether the last word is also a prefix: not when the text ends with a closed quoted
	 * phrase or an exclusion ({@code -word}), where a prefix would change what was asked.
	 */
	boolean lastWordIsPrefix() {
		String last = this.text.substring(this.text.lastIndexOf(' ') + 1);
		return !this.text.endsWith("\"") && !last.startsWith("-");
	}

}
