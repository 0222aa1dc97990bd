package io.orderchat.transcripts;

import java.io.IOException;

import io.orderchat.conversations.ConversationId;
import io.orderchat.conversations.Transcript;
import io.orderchat.identity.Caller;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code GET /api/conversations/{id}/export?format=json|csv|html} (docs/rest.md,
 * "Transcript export"). Refusals come before the first byte; the transcript is then
 * written straight to the servlet stream, page by page, on the request's thread (no async
 * timeout to cut a long export short).
 */
@RestController
class TranscriptController {

	private final TranscriptExport export;

	TranscriptController(TranscriptExport export) {
		this.export = export;
	}

	@GetMapping("/api/conversations/{id}/export")
	void export(Caller caller, @PathVariable String id, @RequestParam(defaultValue = "json") String format,
			HttpServletResponse response) throws IOException {
		ExportFormat chosen = ExportFormat.parse(format);
		ConversationId conversation = ConversationId.parse(id);
		Transcript transcript = this.export.open(caller, conversation);
		response.setContentType(chosen.contentType());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment()
					.filename("conversation-" + conversation + "." + chosen.extension())
					.build()
					.toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		if (chosen == ExportFormat.HTML) {
			response.setHeader("Content-Security-Policy", HtmlTranscript.CONTENT_SECURITY_POLICY);
		}
		String baseUrl = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
		this.export.write(caller, transcript, chosen, baseUrl, response.getOutputStream());
	}

}
