package io.orderchat.stats;

import java.time.LocalDate;

/**
 * One UTC day: conversations opened and closed (by kind) and messages people sent in them
 * (system messages and staff notes not counted).
 */
public record Day(LocalDate day, ByKind opened, ByKind closed, long messages) {

	/** Counts of order, dispute and support conversations. */
	public record ByKind(long order, long dispute, long support) {

		static final ByKind NONE = new ByKind(0, 0, 0);

		ByKind plus(String kind, long count) {
			return switch (kind) {
				case "order" -> new ByKind(this.order + count, this.dispute, this.support);
				case "dispute" -> new ByKind(this.order, this.dispute + count, this.support);
				default -> new ByKind(this.order, this.dispute, this.support + count);
			};
		}

	}

}
