package io.orderchat.stats;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.orderchat.identity.Caller;
import io.orderchat.identity.Role;
import io.orderchat.shared.DomainException;
import io.orderchat.shared.Timestamps;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The statistics module's entry point. Admins see everything; a moderator the orders and
 * disputes assigned to them now, with the moderation queues; a support agent the sessions
 * assigned to them, with the support queue. Customers and performers are refused.
 */
@Service
public class Statistics {

	/** The longest range one report covers. */
	public static final int MAX_DAYS = 366;

	private final StatsQueries queries;

	private final Clock clock;

	Statistics(StatsQueries queries, Clock clock) {
		this.queries = queries;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public StatsReport report(Caller caller, String fromValue, String toValue) {
		Scope scope = switch (caller.role()) {
			case ADMIN -> Scope.all();
			case MODERATOR -> Scope.moderator(caller.userId());
			case SUPPORT -> Scope.agent(caller.userId());
			default -> throw DomainException.forbidden("Statistics are for staff");
		};
		Instant from = bound(fromValue, "from");
		Instant to = bound(toValue, "to");
		if (!to.isAfter(from)) {
			throw DomainException.invalid("to must be after from");
		}
		if (Duration.between(from, to).compareTo(Duration.ofDays(MAX_DAYS)) > 0) {
			throw DomainException.invalid("The range may span at most " + MAX_DAYS + " days");
		}
		Instant now = Timestamps.now(this.clock);
		StatsReport.Times support = scope.support()
				? new StatsReport.Times(this.queries.durations(this.queries.supportFirstResponses(), scope, from, to),
						this.queries.durations(this.queries.supportResolutions(), scope, from, to))
				: null;
		StatsReport.Times orders = scope.orders()
				? new StatsReport.Times(this.queries.durations(this.queries.orderFirstResponses(), scope, from, to),
						this.queries.durations(this.queries.orderResolutions(), scope, from, to))
				: null;
		List<StaffFigures> agents = scope.support()
				? staff(this.queries.agentWorkloads(scope, from, to), Role.SUPPORT,
						this.queries.supportFirstResponses(), this.queries.supportResolutions(), scope, from, to)
				: null;
		List<StaffFigures> moderators = scope.orders() ? staff(this.queries.moderatorWorkloads(scope, from, to),
				Role.MODERATOR, this.queries.orderFirstResponses(), this.queries.orderResolutions(), scope, from, to)
				: null;
		return new StatsReport(from, to, scope.isAll() ? "all" : "own", days(scope, from, to), support, orders,
				queues(scope, now), agents, moderators);
	}

	private List<Day> days(Scope scope, Instant from, Instant to) {
		Map<LocalDate, Day.ByKind> opened = new LinkedHashMap<>();
		Map<LocalDate, Day.ByKind> closed = new LinkedHashMap<>();
		String finalOrder = "status IN ('completed', 'cancelled', 'rejected')";
		if (scope.orders()) {
			add(opened, "order", this.queries.perDay("orders", "created_at", "1 = 1", "moderator_id", scope, from, to));
			add(closed, "order",
					this.queries.perDay("orders", "updated_at", finalOrder, "moderator_id", scope, from, to));
		}
		if (scope.disputes()) {
			add(opened, "dispute",
					this.queries.perDay("disputes", "created_at", "1 = 1", "moderator_id", scope, from, to));
			add(closed, "dispute", this.queries.perDay("disputes", "updated_at", "status IN ('resolved', 'rejected')",
					"moderator_id", scope, from, to));
		}
		if (scope.support()) {
			add(opened, "support",
					this.queries.perDay("support_sessions", "created_at", "1 = 1", "agent_id", scope, from, to));
			add(closed, "support", this.queries.perDay("support_sessions", "COALESCE(resolved_at, closed_at)", "1 = 1",
					"agent_id", scope, from, to));
		}
		Map<LocalDate, Long> messages = this.queries.messagesPerDay(scope, from, to);
		List<Day> days = new ArrayList<>();
		LocalDate last = to.minusNanos(1000).atOffset(ZoneOffset.UTC).toLocalDate();
		for (LocalDate day = from.atOffset(ZoneOffset.UTC).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
			days.add(new Day(day, opened.getOrDefault(day, Day.ByKind.NONE), closed.getOrDefault(day, Day.ByKind.NONE),
					messages.getOrDefault(day, 0L)));
		}
		return days;
	}

	private static void add(Map<LocalDate, Day.ByKind> into, String kind, Map<LocalDate, Long> counts) {
		counts
			.forEach((day, count) -> into.merge(day, Day.ByKind.NONE.plus(kind, count), (a, b) -> a.plus(kind, count)));
	}

	private Map<String, Queue> queues(Scope scope, Instant now) {
		Map<String, Queue> queues = new LinkedHashMap<>();
		if (scope.orders()) {
			queues.put("ordersPending", queue(this.queries.waiting("orders", "pending"), now));
		}
		if (scope.disputes()) {
			queues.put("disputesOpen", queue(this.queries.waiting("disputes", "open"), now));
		}
		if (scope.support()) {
			queues.put("supportWaiting", queue(this.queries.waiting("support_sessions", "waiting"), now));
		}
		return queues;
	}

	private static Queue queue(StatsQueries.Waiting waiting, Instant now) {
		return new Queue(waiting.size(),
				(waiting.oldest() != null) ? Math.max(0, Duration.between(waiting.oldest(), now).toSeconds()) : null);
	}

	private List<StaffFigures> staff(List<StatsQueries.Workload> workloads, Role role, String firstResponses,
			String resolutions, Scope scope, Instant from, Instant to) {
		Map<String, Durations> first = this.queries.durationsPerPerson(firstResponses, scope, from, to);
		Map<String, Durations> resolved = this.queries.durationsPerPerson(resolutions, scope, from, to);
		return workloads.stream()
			.map((w) -> new StaffFigures(w.userId(), w.name(), role.wire(), w.handled(), w.resolved(),
					first.getOrDefault(w.userId(), Durations.NONE), resolved.getOrDefault(w.userId(), Durations.NONE),
					w.openNow()))
			.toList();
	}

	/** An ISO-8601 instant, or a date for the start of that UTC day; required. */
	private static Instant bound(String value, String field) {
		if (value == null || value.isBlank()) {
			throw DomainException.invalid(field + " is required (an ISO-8601 date or instant)");
		}
		String text = value.strip();
		try {
			return (text.length() == 10) ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
					: Instant.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw DomainException.invalid(field + " must be an ISO-8601 date or instant, e.g. 2026-01-31");
		}
	}

}
