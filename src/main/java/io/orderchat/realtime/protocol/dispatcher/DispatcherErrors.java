package io.orderchat.realtime.protocol.dispatcher;

import java.util.Map;

import io.orderchat.shared.DomainException;
import io.orderchat.shared.ErrorCode;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The dispatcher app's error envelope for its REST paths (DIALECTS.md §3.3):
 * {@code {status: <http status>, success: false, message, data: {}, code}} — 400, 401,
 * 403 (someone who is not a party to the order, which DIALECTS.md accepts beside the
 * original's 404) and 404. Other failures keep the common envelope.
 */
@RestControllerAdvice(assignableTypes = DispatcherChatController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DispatcherErrors {

	@ExceptionHandler(DomainException.class)
	ResponseEntity<Refusal> refused(DomainException ex) {
		int status = ex.code().httpStatus();
		return ResponseEntity.status(status).body(new Refusal(status, false, ex.getMessage(), Map.of(), ex.code()));
	}

	record Refusal(int status, boolean success, String message, Map<String, Object> data, ErrorCode code) {
	}

}
