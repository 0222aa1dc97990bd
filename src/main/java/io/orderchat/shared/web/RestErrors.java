package io.orderchat.shared.web;

import java.util.Collection;
import java.util.Map;

import io.orderchat.shared.DatabaseOutage;
import io.orderchat.shared.DomainException;
import io.orderchat.shared.ErrorCode;
import io.orderchat.shared.Inputs;
import io.orderchat.shared.RateLimited;
import io.orderchat.shared.web.StrictJson.NulInText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.exc.MismatchedInputException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure of a REST call into the JSON error envelope with the status its
 * code names. Messages are written for a person: they name fields and parameters, never
 * Java types or methods. A client's fault is logged at DEBUG without its stack trace (a
 * client must not be able to fill the log); only unexpected faults are logged at ERROR,
 * and answered as {@code INTERNAL} without their details. A rate limit's refusal also
 * says when to try again, in seconds, in {@code Retry-After}.
 */
@RestControllerAdvice
class RestErrors {

	private static final Logger log = LoggerFactory.getLogger(RestErrors.class);

	private static final int MAX_ECHO = 100;

	@ExceptionHandler(DomainException.class)
	ResponseEntity<ApiResponse<Void>> domain(DomainException ex) {
		ResponseEntity<ApiResponse<Void>> response = respond(ex.code(), ex.getMessage());
		if (ex instanceof RateLimited limited && limited.retryAfter().isPresent()) {
			long seconds = RateLimited.seconds(limited.retryAfter().get());
			return ResponseEntity.status(response.getStatusCode())
				.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
				.body(response.getBody());
		}
		return response;
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ApiResponse<Void>> unreadable(HttpMessageNotReadableException ex) {
		return respond(ErrorCode.VALIDATION_FAILED, unreadableBody(ex.getCause()));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ApiResponse<Void>> typeMismatch(MethodArgumentTypeMismatchException ex) {
		return respond(ErrorCode.VALIDATION_FAILED,
				"Parameter '" + ex.getName() + "' has an invalid value '" + echo(ex.getValue()) + "'");
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ResponseEntity<ApiResponse<Void>> missingParameter(MissingServletRequestParameterException ex) {
		return respond(ErrorCode.VALIDATION_FAILED, "Parameter '" + ex.getParameterName() + "' is required");
	}

	@ExceptionHandler(MissingRequestHeaderException.class)
	ResponseEntity<ApiResponse<Void>> missingHeader(MissingRequestHeaderException ex) {
		return respond(ErrorCode.VALIDATION_FAILED, "Header '" + ex.getHeaderName() + "' is required");
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ApiResponse<Void>> method(HttpRequestMethodNotSupportedException ex) {
		return respond(ErrorCode.METHOD_NOT_ALLOWED, "Method " + echo(ex.getMethod()) + " is not allowed here");
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ApiResponse<Void>> mediaType(HttpMediaTypeNotSupportedException ex) {
		return respond(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Content type " + echo(ex.getContentType())
				+ " is not supported here; supported: " + ex.getSupportedMediaTypes());
	}

	@ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
	ResponseEntity<ApiResponse<Void>> notAcceptable(HttpMediaTypeNotAcceptableException ex) {
		return respond(ErrorCode.VALIDATION_FAILED, "This endpoint answers with application/json only");
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<ApiResponse<Void>> uploadTooLarge(MaxUploadSizeExceededException ex) {
		String limit = (ex.getMaxUploadSize() > 0) ? " of " + ex.getMaxUploadSize() + " bytes" : "";
		return respond(ErrorCode.FILE_TOO_LARGE, "The upload is larger than the limit" + limit);
	}

	@ExceptionHandler(MissingServletRequestPartException.class)
	ResponseEntity<ApiResponse<Void>> missingPart(MissingServletRequestPartException ex) {
		return respond(ErrorCode.VALIDATION_FAILED, "Part '" + ex.getRequestPartName() + "' is required");
	}

	@ExceptionHandler(MultipartException.class)
	ResponseEntity<ApiResponse<Void>> multipart(MultipartException ex) {
		return respond(ErrorCode.VALIDATION_FAILED, "The request is not a complete multipart/form-data body");
	}

	@ExceptionHandler({ NoResourceFoundException.class, NoHandlerFoundException.class })
	ResponseEntity<ApiResponse<Void>> noRoute(Exception ex) {
		return respond(ErrorCode.NOT_FOUND, "No such endpoint");
	}

	/**
	 * Anything else. Spring MVC's other refusals of a request (a binding it cannot make,
	 * a missing path variable…) carry a 4xx status, which says it is the client's fault;
	 * the rest is the server's.
	 */
	@ExceptionHandler(Exception.class)
	ResponseEntity<ApiResponse<Void>> fault(Exception ex) {
		if (ex instanceof ErrorResponse refusal && refusal.getStatusCode().is4xxClientError()) {
			int status = refusal.getStatusCode().value();
			log.debug("REST request refused with {}: {}", status, ex.toString());
			return ResponseEntity.status(status)
				.body(ApiResponse.failure(ErrorEndpoint.codeOf(status),
						"The request was refused (HTTP status " + status + ")"));
		}
		if (DatabaseOutage.isOutage(ex)) {
			// a state of the server, not a bug: no stack trace per request
			log.warn("REST call failed, the database is unavailable: {}", ex.toString());
			return respond(ErrorCode.UNAVAILABLE, DatabaseOutage.unavailable(false).getMessage());
		}
		log.error("Unexpected failure of a REST call", ex);
		return respond(ErrorCode.INTERNAL, "Internal server error");
	}

	static ResponseEntity<ApiResponse<Void>> respond(ErrorCode code, String message) {
		if (log.isDebugEnabled() && code != ErrorCode.INTERNAL) {
			log.debug("REST request refused: {} {}", code, message);
		}
		return ResponseEntity.status(code.httpStatus()).body(ApiResponse.failure(code, message));
	}

	/**
	 * Why a body could not be read, in words: which field has the wrong type, or that the
	 * JSON is malformed. Jackson's own messages name Java types; these do not.
	 */
	static String unreadableBody(Throwable cause) {
		if (cause == null) {
			return "A JSON request body is required";
		}
		if (cause instanceof NulInText nul) {
			return Inputs.nulMessage(field(nul));
		}
		if (cause instanceof StreamConstraintsException) {
			return "The request body nests too deeply or holds a value that is too large";
		}
		if (cause instanceof MismatchedInputException mismatch) {
			String field = field(mismatch);
			if (field.isEmpty()) {
				return "The request body must be " + kind(mismatch.getTargetType());
			}
			return "Field '" + field + "' must be " + kind(mismatch.getTargetType());
		}
		if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
			return "Field '" + field(jackson) + "' has an invalid value";
		}
		return "The request body is not valid JSON";
	}

	/** The dotted path of the field an exception is about ({@code items[2].name}). */
	private static String field(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static String kind(Class<?> type) {
		if (type == null) {
			return "of another type";
		}
		if (type == String.class || type.isEnum() || CharSequence.class.isAssignableFrom(type)) {
			return "a string";
		}
		if (type == boolean.class || type == Boolean.class) {
			return "true or false";
		}
		if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
			return "a number";
		}
		if (type.isArray() || Collection.class.isAssignableFrom(type)) {
			return "a list";
		}
		if (Map.class.isAssignableFrom(type) || type.isRecord() || type == Object.class) {
			return "a JSON object";
		}
		return "of another type";
	}

	/** A client's value, shortened, for a message. */
	private static String echo(Object value) {
		String text = String.valueOf(value);
		return (text.length() > MAX_ECHO) ? text.substring(0, MAX_ECHO) + "…" : text;
	}

}
