package io.orderchat.conversations;

import java.util.List;
import java.util.regex.Pattern;

import io.orderchat.shared.DomainException;
import io.orderchat.shared.ErrorCode;

/**
 * What a reaction may be: one of the quick set the UI offers, or any other single emoji —
 * one grapheme cluster (flags, skin tones, ZWJ families and keycaps are one) that is
 * pictographic or presented as an emoji. Plain letters, digits and words are refused with
 * {@code EMOJI_INVALID}.
 */
public final class ReactionEmoji {

	/** The quick set, in the order a picker shows it. */
	public static final List<String> QUICK = List.of("👍", "❤️", "😂", "😮", "😢", "🙏");

	/**
	 * Longest accepted cluster in UTF-16 units (a ZWJ family of four with tones fits).
	 */
	static final int MAX_LENGTH = 32;

	private static final Pattern ONE_GRAPHEME = Pattern.compile("\\X");

	private static final int VARIATION_SELECTOR_16 = 0xFE0F;

	private ReactionEmoji() {
	}

	/** The emoji, or {@code EMOJI_INVALID}. */
	public static String checked(String emoji) {
		if (emoji == null) {
			throw invalid("");
		}
		if (QUICK.contains(emoji)) {
			return emoji;
		}
		if (emoji.isEmpty() || emoji.length() > MAX_LENGTH || !ONE_GRAPHEME.matcher(emoji).matches()
				|| !pictographic(emoji)) {
			throw invalid(emoji);
		}
		return emoji;
	}

	private static boolean pictographic(String emoji) {
		return emoji.codePoints()
			.anyMatch((cp) -> Character.isEmojiPresentation(cp) || Character.isExtendedPictographic(cp)
					|| cp == VARIATION_SELECTOR_16 || Character.isEmojiModifier(cp));
	}

	private static DomainException invalid(String emoji) {
		return new DomainException(ErrorCode.EMOJI_INVALID, "A reaction is one emoji (for example "
				+ String.join(" ", QUICK) + "); got '" + ((emoji != null) ? emoji : "") + "'");
	}

}
