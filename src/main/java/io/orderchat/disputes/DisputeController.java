package io.orderchat.disputes;

import java.util.List;

import io.orderchat.conversations.Message;
import io.orderchat.identity.Caller;
import io.orderchat.shared.DomainException;
import io.orderchat.shared.web.ApiResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The canonical disputes REST API (see docs/rest.md). */
@RestController
class DisputeController {

	private final DisputeManagement disputes;

	DisputeController(DisputeManagement disputes) {
		this.disputes = disputes;
	}

	@PostMapping("/api/orders/{orderId}/disputes")
	ResponseEntity<ApiResponse<Dispute>> open(Caller caller, @PathVariable String orderId,
			@RequestBody OpenRequest request) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(ApiResponse.ok(this.disputes.open(caller, orderId, request.reason())));
	}

	@GetMapping("/api/orders/{orderId}/disputes")
	ApiResponse<List<Dispute>> ofOrder(Caller caller, @PathVariable String orderId) {
		return ApiResponse.ok(this.disputes.ofOrder(caller, orderId));
	}

	@GetMapping("/api/disputes")
	ApiResponse<List<Dispute>> list(Caller caller, @RequestParam(required = false) String status) {
		return ApiResponse.ok(this.disputes.list(caller, (status != null) ? status(status) : null));
	}

	@GetMapping("/api/disputes/{id}")
	ApiResponse<Dispute> get(Caller caller, @PathVariable String id) {
		return ApiResponse.ok(this.disputes.get(caller, id));
	}

	@PatchMapping("/api/disputes/{id}/status")
	ApiResponse<Dispute> changeStatus(Caller caller, @PathVariable String id, @RequestBody StatusRequest request) {
		return ApiResponse
			.ok(this.disputes.changeStatus(caller, id, request.status(), request.resolution(), request.updatedBy()));
	}

	@PostMapping("/api/disputes/{id}/evidence")
	ApiResponse<List<Message>> cite(Caller caller, @PathVariable String id, @RequestBody EvidenceRequest request) {
		return ApiResponse.ok(this.disputes.cite(caller, id, request.messageIds(), request.note()));
	}

	@GetMapping("/api/disputes/{id}/evidence")
	ApiResponse<List<Message>> evidence(Caller caller, @PathVariable String id) {
		return ApiResponse.ok(this.disputes.evidence(caller, id));
	}

	static DisputeStatus status(String value) {
		return DisputeStatus.parse(value)
			.orElseThrow(() -> DomainException
				.invalid("Unknown dispute status '" + value + "'; use open, in_review, resolved or rejected"));
	}

	record OpenRequest(String reason) {
	}

	/**
	 * {@code status}: OrderChat's name or a host app's alias of it; {@code updatedBy}:
	 * who made the change, when an admin (the host's service token) reports it.
	 */
	record StatusRequest(String status, String resolution, String updatedBy) {
	}

	record EvidenceRequest(List<String> messageIds, String note) {
	}

}
