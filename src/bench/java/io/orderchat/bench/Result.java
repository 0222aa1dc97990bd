package io.orderchat.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a scenario found: table rows (one per server and step), the headline figures checked
 * against the targets, and notes a reader needs to judge them (e.g. the generator's own
 * CPU when it, not the server, is the limit).
 */
final class Result {

	final String scenario;

	final List<Map<String, Object>> rows = new ArrayList<>();

	final Map<String, Object> figures = new LinkedHashMap<>();

	final List<String> notes = new ArrayList<>();

	Result(String scenario) {
		this.scenario = scenario;
	}

	Map<String, Object> row(String server) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("server", server);
		this.rows.add(row);
		return row;
	}

	/** A headline figure and its target; {@code atMost} for costs, otherwise the figure must reach it. */
	void figure(String name, double value, String unit, double target, boolean atMost) {
		Map<String, Object> figure = new LinkedHashMap<>();
		figure.put("value", round(value));
		figure.put("unit", unit);
		figure.put("target", (atMost ? "<= " : ">= ") + round(target));
		figure.put("met", atMost ? value <= target : value >= target);
		this.figures.put(name, figure);
	}

	/** A figure without a target (the peer's, a ratio's parts). */
	void figure(String name, double value, String unit) {
		this.figures.put(name, Map.of("value", round(value), "unit", unit));
	}

	void note(String note) {
		this.notes.add(note);
	}

	static double round(double value) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			return value;
		}
		double scale = (Math.abs(value) >= 100) ? 1 : (Math.abs(value) >= 1) ? 100 : 10_000;
		return Math.round(value * scale) / scale;
	}

}
