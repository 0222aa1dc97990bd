package io.orderchat.attachments;

import java.nio.charset.StandardCharsets;

import io.orderchat.identity.Caller;
import io.orderchat.identity.TokenVerifier;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Downloads at seed 003's {@code file_url}: {@code /uploads/chat-attachments/{id}/{name}}
 * and {@code .../{id}/thumbnail}. Outside {@code /api}, so it checks its own permission:
 * a bearer token in the header or in {@code ?token=} (an {@code <img>} cannot send
 * headers), or a signed link ({@code ?expires=&signature=}). Files are sent with their
 * detected type, {@code nosniff} and a sandboxing CSP; only images are shown in place.
 */
@RestController
class DownloadController {

	private final AttachmentService attachments;

	private final TokenVerifier verifier;

	DownloadController(AttachmentService attachments, TokenVerifier verifier) {
		this.attachments = attachments;
		this.verifier = verifier;
	}

	@GetMapping("/uploads/chat-attachments/{id}/thumbnail")
	ResponseEntity<InputStreamResource> thumbnail(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@RequestParam(required = false) String token,
			@RequestParam(name = "access_token", required = false) String accessToken,
			@RequestParam(required = false) Long expires, @RequestParam(required = false) String signature) {
		return send(download(id, true,
				new Access(authorization, (token != null) ? token : accessToken, expires, signature)));
	}

	@GetMapping({ "/uploads/chat-attachments/{id}", "/uploads/chat-attachments/{id}/{name}" })
	ResponseEntity<InputStreamResource> file(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@RequestParam(required = false) String token,
			@RequestParam(name = "access_token", required = false) String accessToken,
			@RequestParam(required = false) Long expires, @RequestParam(required = false) String signature) {
		return send(download(id, false,
				new Access(authorization, (token != null) ? token : accessToken, expires, signature)));
	}

	private AttachmentService.Download download(String id, boolean thumbnail, Access access) {
		var attachmentId = AttachmentController.attachmentId(id);
		if (access.signature() != null) {
			long expires = (access.expires() != null) ? access.expires() : 0;
			return this.attachments.downloadSigned(attachmentId, thumbnail, expires, access.signature());
		}
		Caller caller = this.verifier
			.verify((access.authorization() != null) ? access.authorization() : access.token());
		return this.attachments.download(caller, attachmentId, thumbnail);
	}

	private static ResponseEntity<InputStreamResource> send(AttachmentService.Download download) {
		ContentDisposition disposition = (download.inline() ? ContentDisposition.inline()
				: ContentDisposition.attachment())
			.filename(download.fileName(), StandardCharsets.UTF_8)
			.build();
		ResponseEntity.BodyBuilder response = ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(download.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", "default-src 'none'; sandbox")
			.cacheControl(CacheControl.noCache().cachePrivate());
		if (download.size() >= 0) {
			response.contentLength(download.size());
		}
		return response.body(new InputStreamResource(download.content()));
	}

	/** The ways a download may prove its permission. */
	private record Access(String authorization, String token, Long expires, String signature) {
	}

}
