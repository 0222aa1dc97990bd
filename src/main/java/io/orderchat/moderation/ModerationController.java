package io.orderchat.moderation;

import java.util.List;

import io.orderchat.conversations.Message;
import io.orderchat.identity.Caller;
import io.orderchat.orders.Order;
import io.orderchat.orders.OrderJson;
import io.orderchat.shared.web.ApiResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The moderation REST API (see docs/rest.md). {@code {ref}} is an order id, external id
 * or the order's conversation id.
 */
@RestController
class ModerationController {

	private final Moderation moderation;

	ModerationController(Moderation moderation) {
		this.moderation = moderation;
	}

	@GetMapping("/api/moderation/queue")
	ApiResponse<List<OrderJson>> queue(Caller caller) {
		return ApiResponse.ok(this.moderation.queue(caller).stream().map(OrderJson::of).toList());
	}

	@PostMapping("/api/orders/{ref}/accept")
	ApiResponse<OrderJson> accept(Caller caller, @PathVariable String ref) {
		Order accepted = this.moderation.accept(caller, ref);
		return ApiResponse.ok(OrderJson.of(accepted));
	}

	@PostMapping("/api/orders/{ref}/transfer")
	ResponseEntity<ApiResponse<Transfer>> initiate(Caller caller, @PathVariable String ref,
			@RequestBody TransferRequest request) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(ApiResponse.ok(this.moderation.initiateTransfer(caller, ref, request.toModeratorId())));
	}

	@GetMapping("/api/orders/{ref}/transfer")
	ApiResponse<Transfer> pending(Caller caller, @PathVariable String ref) {
		return ApiResponse.ok(this.moderation.pendingTransfer(caller, ref).orElse(null));
	}

	@PostMapping("/api/orders/{ref}/transfer/accept")
	ApiResponse<Transfer> acceptTransfer(Caller caller, @PathVariable String ref) {
		return ApiResponse.ok(this.moderation.acceptTransfer(caller, ref));
	}

	@PostMapping("/api/orders/{ref}/transfer/decline")
	ApiResponse<Transfer> declineTransfer(Caller caller, @PathVariable String ref) {
		return ApiResponse.ok(this.moderation.declineTransfer(caller, ref));
	}

	@PostMapping("/api/conversations/{id}/clean")
	ApiResponse<CleanReport> clean(Caller caller, @PathVariable String id) {
		return ApiResponse.ok(this.moderation.clean(caller, id));
	}

	@PostMapping("/api/conversations/{id}/notes")
	ResponseEntity<ApiResponse<Message>> note(Caller caller, @PathVariable String id,
			@RequestBody NoteRequest request) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(ApiResponse.ok(this.moderation.addNote(caller, id, request.content())));
	}

	record TransferRequest(String toModeratorId) {
	}

	record NoteRequest(String content) {
	}

}
