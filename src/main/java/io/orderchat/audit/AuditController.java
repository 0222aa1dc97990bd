package io.orderchat.audit;

import java.util.List;

import io.orderchat.identity.Caller;
import io.orderchat.shared.web.ApiResponse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/admin/audit}: the audit trail, for admins. */
@RestController
class AuditController {

	private final AuditTrail trail;

	AuditController(AuditTrail trail) {
		this.trail = trail;
	}

	@GetMapping("/api/admin/audit")
	ApiResponse<List<AuditEntry>> read(Caller caller, @RequestParam(required = false) String conversationId,
			@RequestParam(required = false) String actorId, @RequestParam(required = false) Integer limit) {
		return ApiResponse.ok(this.trail.read(caller, conversationId, actorId, limit));
	}

}
