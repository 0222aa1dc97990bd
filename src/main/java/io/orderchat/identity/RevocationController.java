package io.orderchat.identity;

import io.orderchat.identity.TokenRevocations.Revocation;
import io.orderchat.shared.web.ApiResponse;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/admin/users/{userId}/sign-out}: an admin, or the host app's service
 * token (an admin's), signs a user out everywhere.
 */
@RestController
class RevocationController {

	private final TokenRevocations revocations;

	RevocationController(TokenRevocations revocations) {
		this.revocations = revocations;
	}

	@PostMapping("/api/admin/users/{userId}/sign-out")
	ApiResponse<Revocation> signOut(Caller caller, @PathVariable String userId,
			@RequestBody(required = false) SignOut body) {
		return ApiResponse.ok(this.revocations.revoke(caller, userId, (body != null) ? body.reason() : null));
	}

	record SignOut(String reason) {
	}

}
