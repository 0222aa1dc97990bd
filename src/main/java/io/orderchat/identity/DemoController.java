package io.orderchat.identity;

import java.util.List;

import io.orderchat.identity.DemoIssuer.IssuedToken;
import io.orderchat.identity.DemoUsers.DemoUser;
import io.orderchat.shared.web.ApiResponse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/demo/*}: lists the demo users and issues tokens for them; needs no token.
 */
@RestController
class DemoController {

	private final DemoIssuer issuer;

	DemoController(DemoIssuer issuer) {
		this.issuer = issuer;
	}

	@GetMapping("/api/demo/users")
	ApiResponse<List<DemoUser>> users() {
		this.issuer.requireEnabled();
		return ApiResponse.ok(DemoUsers.ALL);
	}

	@PostMapping("/api/demo/token")
	ApiResponse<IssuedToken> token(@RequestBody TokenRequest request) {
		return ApiResponse.ok(this.issuer.issue(request.userId()));
	}

	record TokenRequest(String userId) {
	}

}
