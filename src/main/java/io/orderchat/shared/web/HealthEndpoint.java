package io.orderchat.shared.web;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/health}: answers while the server is up; needs no token. */
@RestController
class HealthEndpoint {

	@GetMapping("/api/health")
	ApiResponse<Map<String, String>> health() {
		return ApiResponse.ok(Map.of("status", "ok"));
	}

}
