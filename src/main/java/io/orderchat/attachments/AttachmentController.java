package io.orderchat.attachments;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.orderchat.conversations.AttachedFile;
import io.orderchat.conversations.ConversationId;
import io.orderchat.conversations.ConversationKind;
import io.orderchat.conversations.ConversationManagement;
import io.orderchat.conversations.Message;
import io.orderchat.conversations.Messaging;
import io.orderchat.conversations.NewMessage;
import io.orderchat.conversations.SendResult;
import io.orderchat.identity.Caller;
import io.orderchat.shared.DomainException;
import io.orderchat.shared.Inputs;
import io.orderchat.shared.web.ApiResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * Uploads over REST (see docs/rest.md): the canonical endpoints and seed 003's
 * {@code /api/v1/chat/upload} and multipart session message. Files may come in any file
 * field ({@code attachments} in the seeds); Spring keeps parts on disk while the request
 * is read, the service streams them from there.
 */
@RestController
class AttachmentController {

	private static final String MULTIPART = MediaType.MULTIPART_FORM_DATA_VALUE;

	private final AttachmentService attachments;

	private final ConversationManagement conversations;

	private final Messaging messaging;

	AttachmentController(AttachmentService attachments, ConversationManagement conversations, Messaging messaging) {
		this.attachments = attachments;
		this.conversations = conversations;
		this.messaging = messaging;
	}

	@PostMapping(path = "/api/attachments", consumes = MULTIPART)
	ResponseEntity<ApiResponse<List<AttachedFile>>> upload(Caller caller, MultipartHttpServletRequest request) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(ApiResponse.ok(this.attachments.upload(caller, files(request))));
	}

	/** Seed 003's upload: the same, answered 200 as the app did (DIALECTS.md §4.3). */
	@PostMapping(path = "/api/v1/chat/upload", consumes = MULTIPART)
	ApiResponse<List<AttachedFile>> uploadForSupport(Caller caller, MultipartHttpServletRequest request) {
		return ApiResponse.ok(this.attachments.upload(caller, files(request)));
	}

	@GetMapping("/api/attachments/{id}")
	ApiResponse<AttachmentService.Links> links(Caller caller, @PathVariable String id) {
		return ApiResponse.ok(this.attachments.links(caller, attachmentId(id)));
	}

	@PostMapping(path = "/api/conversations/{id}/attachments", consumes = MULTIPART)
	ResponseEntity<ApiResponse<SendResult>> sendFiles(Caller caller, @PathVariable String id,
			MultipartHttpServletRequest request) {
		SendResult result = this.attachments.sendFiles(caller, ConversationId.parse(id),
				request.getParameter("content"), clientId(request), files(request));
		return answer(result, result);
	}

	@PostMapping(path = "/api/conversations/{id}/attachments", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<ApiResponse<SendResult>> sendUploaded(Caller caller, @PathVariable String id,
			@RequestBody UploadedRequest request) {
		SendResult result = this.attachments.sendUploaded(caller, ConversationId.parse(id), request.content(),
				request.clientId(), request.attachments());
		return answer(result, result);
	}

	/**
	 * Seed 003's message form: text, files or both (DIALECTS.md §4.3). The session's
	 * conversation is the support conversation whose subject is the session id (a
	 * conversation id works too).
	 */
	@PostMapping(path = "/api/v1/chat/sessions/{sessionId}/messages", consumes = MULTIPART)
	ResponseEntity<ApiResponse<SessionMessage>> sendToSession(Caller caller, @PathVariable String sessionId,
			MultipartHttpServletRequest request) {
		ConversationId conversation = this.conversations.forSubject(ConversationKind.SUPPORT, sessionId)
			.orElseGet(() -> ConversationId.parse(sessionId));
		List<IncomingFile> files = files(request);
		String content = request.getParameter("content");
		SendResult result = (files.isEmpty() && content != null && !content.isBlank())
				? this.messaging.send(caller, conversation, NewMessage.text(content, clientId(request)))
				: this.attachments.sendFiles(caller, conversation, content, clientId(request), files);
		return answer(result, SessionMessage.of(sessionId, result.message(), clientId(request)));
	}

	private static <T> ResponseEntity<ApiResponse<T>> answer(SendResult result, T body) {
		return ResponseEntity.status(result.duplicate() ? HttpStatus.OK : HttpStatus.CREATED)
			.body(ApiResponse.ok(body));
	}

	/** Every file part, whatever its field; browsers send an empty part for no file. */
	private static List<IncomingFile> files(MultipartHttpServletRequest request) {
		List<IncomingFile> files = new ArrayList<>();
		for (List<MultipartFile> field : request.getMultiFileMap().values()) {
			for (MultipartFile file : field) {
				boolean unnamed = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank();
				if (unnamed && file.isEmpty()) {
					continue;
				}
				files.add(new IncomingFile(file.getOriginalFilename(), file.getSize(), file::getInputStream));
			}
		}
		return files;
	}

	private static String clientId(MultipartHttpServletRequest request) {
		for (String name : List.of("clientId", "client_id", "temp_id")) {
			String value = request.getParameter(name);
			if (value != null && !value.isBlank()) {
				return value;
			}
		}
		return null;
	}

	static UUID attachmentId(String value) {
		return Inputs.uuid(value, "attachment");
	}

	record UploadedRequest(String content, String clientId, List<UUID> attachments) {
	}

	/**
	 * A new message in seed 003's shape (DIALECTS.md §4.2); nobody has read it yet.
	 */
	record SessionMessage(String id, @JsonProperty("session_id") String sessionId, String content,
			@JsonProperty("message_type") String messageType, @JsonProperty("sender_id") String senderId,
			@JsonProperty("sender_role") String senderRole, @JsonProperty("sender_name") String senderName,
			@JsonProperty("is_system_message") boolean systemMessage, @JsonProperty("temp_id") String tempId,
			@JsonProperty("created_at") Instant createdAt, @JsonProperty("updated_at") Instant updatedAt,
			List<Object> attachments, @JsonProperty("read_by") List<Object> readBy) {

		static SessionMessage of(String sessionId, Message message, String tempId) {
			Object files = (message.metadata() != null) ? message.metadata().get(AttachedFile.METADATA_KEY) : null;
			List<Object> attachments = (files instanceof List<?> list) ? List.copyOf(list) : List.of();
			return new SessionMessage(message.id().toString(), sessionId, message.content(), message.type().wire(),
					message.senderId(), (message.senderRole() != null) ? message.senderRole().wire() : null,
					message.senderName(), false, tempId, message.createdAt(), message.createdAt(), attachments,
					List.of());
		}

	}

}
