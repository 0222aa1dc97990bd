package io.orderchat.conversations;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.orderchat.identity.Caller;
import io.orderchat.shared.DomainException;
import io.orderchat.shared.Inputs;
import io.orderchat.shared.web.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The canonical conversations REST API (see docs/rest.md). */
@RestController
class ConversationController {

	private final ConversationHistory history;

	private final Inbox inbox;

	private final Messaging messaging;

	private final HistoryJson historyJson;

	ConversationController(ConversationHistory history, Inbox inbox, Messaging messaging, HistoryJson historyJson) {
		this.history = history;
		this.inbox = inbox;
		this.messaging = messaging;
		this.historyJson = historyJson;
	}

	/** A page of the caller's conversations: {@code limit} 1..200 (default 50). */
	@GetMapping("/api/conversations")
	ApiResponse<List<ConversationSummary>> mine(Caller caller, @RequestParam(defaultValue = "0") long offset,
			@RequestParam(defaultValue = "50") int limit) {
		return ApiResponse.ok(this.inbox.mine(caller, offset, limit));
	}

	@GetMapping("/api/conversations/{id}")
	ApiResponse<ConversationView> open(Caller caller, @PathVariable String id) {
		return ApiResponse.ok(this.inbox.open(caller, ConversationId.parse(id)));
	}

	/**
	 * The page rendered by {@link HistoryJson} and written straight to the response,
	 * skipping the message converters' negotiation: the busiest read, see HistoryJson.
	 */
	@GetMapping("/api/conversations/{id}/messages")
	void history(Caller caller, @PathVariable String id, @RequestParam(required = false) Long before,
			@RequestParam(required = false) Long after, @RequestParam(required = false) Integer limit,
			HttpServletResponse response) throws IOException {
		HistoryPage page = this.history.history(caller, ConversationId.parse(id), before, after, limit);
		byte[] json = this.historyJson.render(page);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setContentLength(json.length);
		response.getOutputStream().write(json);
	}

	@PostMapping("/api/conversations/{id}/messages")
	ResponseEntity<ApiResponse<SendResult>> send(Caller caller, @PathVariable String id,
			@RequestBody SendRequest request) {
		MessageType type = (request.type() != null) ? MessageType.parse(request.type())
			.orElseThrow(() -> DomainException.invalid("Unknown message type '" + request.type() + "'")) : null;
		SendResult result = this.messaging.send(caller, ConversationId.parse(id),
				new NewMessage(type, request.content(), request.clientId(), request.metadata(), request.replyTo()));
		return ResponseEntity.status(result.duplicate() ? HttpStatus.OK : HttpStatus.CREATED)
			.body(ApiResponse.ok(result));
	}

	@PostMapping("/api/conversations/{id}/read")
	ApiResponse<ReadReceipt> read(Caller caller, @PathVariable String id,
			@RequestBody(required = false) ReadRequest request) {
		Long seq = (request != null) ? request.seq() : null;
		return ApiResponse.ok(this.inbox.markRead(caller, ConversationId.parse(id), seq));
	}

	@DeleteMapping("/api/messages/{messageId}")
	ApiResponse<Deleted> delete(Caller caller, @PathVariable String messageId) {
		MessageDeleted deleted = this.messaging.delete(caller, Inputs.uuid(messageId, "message"));
		return ApiResponse.ok(new Deleted(deleted.conversationId(), deleted.messageId(), deleted.seq(), deleted.at()));
	}

	@GetMapping("/api/unread")
	ApiResponse<Unread> unread(Caller caller) {
		return ApiResponse.ok(this.inbox.unread(caller));
	}

	record SendRequest(String content, String clientId, String type, Map<String, Object> metadata, Long replyTo) {
	}

	record ReadRequest(Long seq) {
	}

	record Deleted(ConversationId conversationId, UUID messageId, long seq, Instant deletedAt) {
	}

}
