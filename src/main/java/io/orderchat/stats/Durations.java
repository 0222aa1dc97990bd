package io.orderchat.stats;

/**
 * How long something took over {@code count} cases, in seconds: the median and the 90th
 * percentile (continuous, interpolated between neighbours as PostgreSQL's
 * {@code percentile_cont}); {@code null} when there was no case.
 */
public record Durations(long count, Double medianSeconds, Double p90Seconds) {

	static final Durations NONE = new Durations(0, null, null);

}
