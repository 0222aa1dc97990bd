package io.orderchat.bench;

import java.util.LinkedHashMap;
import java.util.Map;

import org.HdrHistogram.Histogram;

/** Percentiles of a latency histogram recorded in microseconds, reported in milliseconds. */
record Latency(long count, double p50, double p90, double p99, double p999, double max) {

	static Latency of(Histogram micros) {
		return new Latency(micros.getTotalCount(), ms(micros.getValueAtPercentile(50)),
				ms(micros.getValueAtPercentile(90)), ms(micros.getValueAtPercentile(99)),
				ms(micros.getValueAtPercentile(99.9)), ms(micros.getMaxValue()));
	}

	private static double ms(long micros) {
		return Math.round(micros / 10.0) / 100.0;
	}

	/** Adds {@code <prefix>p50_ms}, p99 and max columns to a result row. */
	void into(Map<String, Object> row, String prefix) {
		row.put(prefix + "p50_ms", this.p50);
		row.put(prefix + "p99_ms", this.p99);
		row.put(prefix + "max_ms", this.max);
	}

	Map<String, Object> json() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("count", this.count);
		json.put("p50_ms", this.p50);
		json.put("p90_ms", this.p90);
		json.put("p99_ms", this.p99);
		json.put("p99.9_ms", this.p999);
		json.put("max_ms", this.max);
		return json;
	}

}
