package io.orderchat.realtime.protocol.busy2shop;

import io.orderchat.shared.DomainException;
import io.orderchat.shared.ErrorCode;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Busy2Shop's error envelope for its REST paths (DIALECTS.md §2.3): {@code {status:
 * "error", error: true, message, code}} with the status the code names — 401 without a
 * valid token, 403 for someone who is not a party to the order, 404 for an unknown order.
 * Other failures keep the common envelope.
 */
@RestControllerAdvice(assignableTypes = BusyToShopChatController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class BusyToShopErrors {

	@ExceptionHandler(DomainException.class)
	ResponseEntity<Refusal> refused(DomainException ex) {
		return ResponseEntity.status(ex.code().httpStatus()).body(new Refusal(ex.code(), ex.getMessage()));
	}

	record Refusal(String status, boolean error, String message, ErrorCode code) {

		Refusal(ErrorCode code, String message) {
			this("error", true, message, code);
		}

	}

}
