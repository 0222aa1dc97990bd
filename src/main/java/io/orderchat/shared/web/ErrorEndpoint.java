package io.orderchat.shared.web;

import io.orderchat.shared.ErrorCode;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers errors raised outside Spring MVC (the servlet container's own, or a filter's)
 * in the same envelope as every other REST error, instead of Boot's default error page.
 */
@RestController
class ErrorEndpoint implements ErrorController {

	@RequestMapping("${server.error.path:/error}")
	ResponseEntity<ApiResponse<Void>> error(HttpServletRequest request) {
		Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int code = (status instanceof Integer value) ? value : 500;
		ErrorCode errorCode = switch (code) {
			case 400 -> ErrorCode.VALIDATION_FAILED;
			case 401 -> ErrorCode.UNAUTHENTICATED;
			case 403 -> ErrorCode.FORBIDDEN;
			case 404 -> ErrorCode.NOT_FOUND;
			case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
			case 413 -> ErrorCode.CONTENT_TOO_LONG;
			case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
			case 429 -> ErrorCode.RATE_LIMITED;
			default -> (code >= 500) ? ErrorCode.INTERNAL : ErrorCode.VALIDATION_FAILED;
		};
		String message = (code == 404) ? "No such endpoint" : "Request failed with HTTP status " + code;
		return ResponseEntity.status(code).body(ApiResponse.failure(errorCode, message));
	}

}
