package io.orderchat.stats;

/**
 * One support agent's sessions or one moderator's orders created in the range:
 * {@code handled} assigned to them, {@code resolved} of those finished, their
 * first-response and resolution times; {@code openNow} assigned to them and still open.
 */
public record StaffFigures(String userId, String name, String role, long handled, long resolved,
		Durations firstResponse, Durations resolution, long openNow) {
}
