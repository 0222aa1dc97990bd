package io.orderchat.shared.web;

import io.orderchat.shared.ErrorCode;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers errors raised outside Spring MVC (the servlet container's own, or a filter's)
 * in the same envelope as every other REST error, instead of Boot's default error page.
 */
@RestController
class ErrorEndpoint implements ErrorController {

	/**
	 * The error the container forwarded here; asked for directly (no error to describe),
	 * there is nothing here: 404.
	 */
	@RequestMapping("${server.error.path:/error}")
	ResponseEntity<byte[]> error(HttpServletRequest request) {
		Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int code = (status instanceof Integer value) ? value : 404;
		return ResponseEntity.status(code).contentType(MediaType.APPLICATION_JSON).body(JettyErrors.envelope(code));
	}

	/** The error code of an HTTP status the container or Spring chose. */
	static ErrorCode codeOf(int status) {
		return switch (status) {
			case 400 -> ErrorCode.VALIDATION_FAILED;
			case 401 -> ErrorCode.UNAUTHENTICATED;
			case 403 -> ErrorCode.FORBIDDEN;
			case 404 -> ErrorCode.NOT_FOUND;
			case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
			case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
			case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
			case 429 -> ErrorCode.RATE_LIMITED;
			default -> (status >= 500) ? ErrorCode.INTERNAL : ErrorCode.VALIDATION_FAILED;
		};
	}

}
