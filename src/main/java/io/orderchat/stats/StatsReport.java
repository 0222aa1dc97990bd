package io.orderchat.stats;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The statistics of {@code [from, to)} as the caller may see them: {@code scope} is
 * {@code all} for admins and {@code own} for a moderator (their orders and disputes) or a
 * support agent (their sessions); figures outside the caller's area are left out.
 * {@code queues} are now, whatever the range.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatsReport(Instant from, Instant to, String scope, List<Day> days, Times support, Times orders,
		Map<String, Queue> queues, List<StaffFigures> agents, List<StaffFigures> moderators) {

	/** First-response and resolution times of support sessions or moderated orders. */
	public record Times(Durations firstResponse, Durations resolution) {
	}

}
