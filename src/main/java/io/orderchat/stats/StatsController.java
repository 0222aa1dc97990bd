package io.orderchat.stats;

import io.orderchat.identity.Caller;
import io.orderchat.shared.web.ApiResponse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/admin/stats} (docs/rest.md, "Statistics"). */
@RestController
class StatsController {

	private final Statistics statistics;

	StatsController(Statistics statistics) {
		this.statistics = statistics;
	}

	@GetMapping("/api/admin/stats")
	ApiResponse<StatsReport> report(Caller caller, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		return ApiResponse.ok(this.statistics.report(caller, from, to));
	}

}
