package io.orderchat.conversations;

/**
 * The message a reply quotes, as readers see it now: its seq, its sender's name and the
 * start of its text. A quoted message deleted since shows as {@code deleted}, without its
 * sender or text.
 */
public record Quote(long seq, String senderName, String excerpt, boolean deleted) {

	/** Characters of the quoted text a reply carries. */
	static final int EXCERPT_LENGTH = 140;

	static Quote of(Message original) {
		if (original.deleted()) {
			return deletedAt(original.seq());
		}
		return new Quote(original.seq(), original.senderName(), excerpt(original.content()), false);
	}

	static Quote deletedAt(long seq) {
		return new Quote(seq, null, null, true);
	}

	/** A quote read from a row, before {@link Messages} looks its original up. */
	static Quote unresolved(long seq) {
		return new Quote(seq, null, null, false);
	}

	static String excerpt(String content) {
		if (content == null || content.length() <= EXCERPT_LENGTH) {
			return (content != null) ? content : "";
		}
		// never cut a surrogate pair in half
		int end = Character.isHighSurrogate(content.charAt(EXCERPT_LENGTH - 1)) ? EXCERPT_LENGTH - 1 : EXCERPT_LENGTH;
		return content.substring(0, end) + "…";
	}

}
