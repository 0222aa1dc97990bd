package io.orderchat.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.orderchat.conversations.ConversationHistory;
import io.orderchat.conversations.ConversationId;
import io.orderchat.conversations.HistoryPage;
import io.orderchat.conversations.Inbox;
import io.orderchat.conversations.Membership;
import io.orderchat.conversations.Message;
import io.orderchat.conversations.MessageType;
import io.orderchat.conversations.Messaging;
import io.orderchat.conversations.NewMessage;
import io.orderchat.conversations.Participant;
import io.orderchat.conversations.ReadReceipt;
import io.orderchat.conversations.SendResult;
import io.orderchat.conversations.Unread;
import io.orderchat.identity.Caller;
import io.orderchat.identity.Role;
import io.orderchat.shared.DomainException;
import io.orderchat.shared.Inputs;
import io.orderchat.shared.web.ApiResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Seed 003's support REST API, {@code /api/v1/chat/sessions} (DIALECTS.md §4.3), which is
 * also OrderChat's own support API (docs/rest.md): {@code /queue}, {@code /accept},
 * {@code /close}, JSON sends and internal notes are OrderChat's additions. Sending here
 * takes JSON; the multipart form of the same path (attachments) is served by the
 * attachments module. Errors come in the app's envelope ({@link SupportErrors}).
 */
@RestController
class SupportController {

	private static final String BASE = "/api/v1/chat/sessions";

	/** How far back a page may start: each 200 messages skipped cost a query. */
	static final int MAX_OFFSET = 10_000;

	private final SupportDesk desk;

	private final ConversationHistory history;

	private final Inbox inbox;

	private final Messaging messaging;

	private final Membership membership;

	SupportController(SupportDesk desk, ConversationHistory history, Inbox inbox, Messaging messaging,
			Membership membership) {
		this.desk = desk;
		this.history = history;
		this.inbox = inbox;
		this.messaging = messaging;
		this.membership = membership;
	}

	@PostMapping(BASE)
	ResponseEntity<ApiResponse<SessionJson>> create(Caller caller, @RequestBody NewSession request) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(ApiResponse.ok(SessionJson.of(this.desk.create(caller, request))));
	}

	@GetMapping(BASE)
	ApiResponse<List<SessionJson>> mine(Caller caller) {
		Unread unread = this.inbox.unread(caller);
		List<SupportSession> sessions = this.desk.mine(caller);
		Map<ConversationId, Message> last = this.inbox
			.lastMessages(sessions.stream().map(SupportSession::conversationId).toList());
		return ApiResponse.ok(sessions.stream()
			.map((s) -> SessionJson.of(s, unread.of(s.conversationId()), last.get(s.conversationId())))
			.toList());
	}

	@GetMapping(BASE + "/queue")
	ApiResponse<List<SessionJson>> queue(Caller caller) {
		return ApiResponse.ok(this.desk.queue(caller).stream().map(SessionJson::of).toList());
	}

	@GetMapping(BASE + "/{id}")
	ApiResponse<SessionJson> details(Caller caller, @PathVariable String id) {
		SupportSession session = this.desk.get(caller, id);
		List<Message> last = this.history.history(caller, session.conversationId(), null, null, 1).messages();
		return ApiResponse.ok(SessionJson.of(session, this.inbox.unreadCount(caller, session.conversationId()),
				last.isEmpty() ? null : last.getFirst()));
	}

	/**
	 * A page of the session's messages, newest first (as seed 003's app answers; its
	 * socket's {@code session_joined} lists them oldest first).
	 */
	@GetMapping(BASE + "/{id}/messages")
	ApiResponse<List<SupportMessageJson>> messages(Caller caller, @PathVariable String id,
			@RequestParam(defaultValue = "50") int limit, @RequestParam(defaultValue = "0") int offset) {
		SupportSession session = this.desk.get(caller, id);
		List<Participant> participants = this.membership.participants(session.conversationId());
		return ApiResponse.ok(newestFirst(caller, session.conversationId(), offset, limit).stream()
			.map((m) -> SupportMessageJson.of(id, m, participants))
			.toList());
	}

	private List<Message> newestFirst(Caller caller, ConversationId id, int offset, int limit) {
		if (limit < 1 || limit > ConversationHistory.MAX_PAGE) {
			throw DomainException.invalid("limit must be between 1 and " + ConversationHistory.MAX_PAGE);
		}
		if (offset < 0 || offset > MAX_OFFSET) {
			throw DomainException.invalid("offset must be between 0 and " + MAX_OFFSET);
		}
		List<Message> newest = new ArrayList<>();
		Long before = null;
		int wanted = offset + limit;
		while (newest.size() < wanted) {
			HistoryPage page = this.history.history(caller, id, before, null,
					Math.min(ConversationHistory.MAX_PAGE, wanted - newest.size()));
			newest.addAll(page.messages().reversed());
			if (!page.hasMore() || page.messages().isEmpty()) {
				break;
			}
			before = page.messages().getFirst().seq();
		}
		return newest.subList(Math.min(offset, newest.size()), Math.min(wanted, newest.size()));
	}

	@PostMapping(path = BASE + "/{id}/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<ApiResponse<SupportMessageJson>> send(Caller caller, @PathVariable String id,
			@RequestBody SendRequest request) {
		SupportSession session = this.desk.get(caller, id);
		MessageType type = (request.messageType() != null)
				? MessageType.parse(request.messageType())
					.orElseThrow(() -> DomainException.invalid("Unknown message_type '" + request.messageType() + "'"))
				: MessageType.TEXT;
		if (Boolean.TRUE.equals(request.internal())) {
			// only staff may write a note (the service refuses others); a note is text
			Message note = this.messaging.addNote(caller, session.conversationId(), request.content());
			return ResponseEntity.status(HttpStatus.CREATED)
				.body(ApiResponse.ok(SupportMessageJson.of(id, note, List.of())));
		}
		SendResult result = this.messaging.send(caller, session.conversationId(),
				new NewMessage(type, request.content(), request.tempId(), null));
		return ResponseEntity.status(result.duplicate() ? HttpStatus.OK : HttpStatus.CREATED)
			.body(ApiResponse.ok(SupportMessageJson.of(id, result.message(), List.of())));
	}

	@PostMapping(BASE + "/{id}/read")
	ReadAnswer read(Caller caller, @PathVariable String id, @RequestBody(required = false) ReadRequest request) {
		SupportSession session = this.desk.get(caller, id);
		List<UUID> ids = (request != null && request.messageIds() != null)
				? request.messageIds().stream().map(SupportController::messageId).toList() : null;
		ReadReceipt receipt = this.inbox.markReadMessages(caller, session.conversationId(), ids);
		return new ReadAnswer(true, "Messages marked as read", receipt);
	}

	@PostMapping(BASE + "/{id}/accept")
	ApiResponse<SessionJson> accept(Caller caller, @PathVariable String id) {
		return ApiResponse.ok(SessionJson.of(this.desk.accept(caller, id)));
	}

	@PostMapping(BASE + "/{id}/assign")
	ApiResponse<SessionJson> assign(Caller caller, @PathVariable String id,
			@RequestBody(required = false) AssignRequest request) {
		return ApiResponse
			.ok(SessionJson.of(this.desk.assign(caller, id, (request != null) ? request.agentId() : null)));
	}

	/**
	 * Seed 003's status change: support agents and admins only (the customer closes with
	 * {@code POST …/close}, OrderChat's own endpoint).
	 */
	@PatchMapping(BASE + "/{id}/status")
	ApiResponse<SessionJson> status(Caller caller, @PathVariable String id, @RequestBody StatusRequest request) {
		if (request.status() == null) {
			throw DomainException.invalid("Field 'status' is required; use waiting, active, resolved or closed");
		}
		SupportStatus to = SupportStatus.parse(request.status())
			.orElseThrow(() -> DomainException
				.invalid("Unknown status '" + request.status() + "'; use waiting, active, resolved or closed"));
		SupportSession session = this.desk.get(caller, id);
		if (!caller.is(Role.SUPPORT) && !caller.is(Role.ADMIN)) {
			throw DomainException.forbidden("Only support agents can change a session's status");
		}
		return ApiResponse.ok(SessionJson.of(this.desk.changeStatus(caller, session.id().toString(), to)));
	}

	@PostMapping(BASE + "/{id}/close")
	ApiResponse<SessionJson> close(Caller caller, @PathVariable String id) {
		return ApiResponse.ok(SessionJson.of(this.desk.close(caller, id)));
	}

	private static UUID messageId(String value) {
		return Inputs.parseUuid(value)
			.orElseThrow(() -> DomainException.invalid("message_ids must be message ids; '" + value + "' is not"));
	}

	/**
	 * {@code is_internal: true} asks for an internal note, which only staff may write.
	 */
	record SendRequest(String content, @JsonProperty("message_type") String messageType,
			@JsonProperty("temp_id") String tempId, @JsonProperty("is_internal") Boolean internal) {
	}

	record ReadRequest(@JsonProperty("message_ids") List<String> messageIds) {
	}

	record AssignRequest(@JsonProperty("agent_id") String agentId) {
	}

	record StatusRequest(String status) {
	}

	/** Seed 003's read answer: {@code {success, message}}, plus the receipt. */
	record ReadAnswer(boolean success, String message, ReadReceipt data) {
	}

}
