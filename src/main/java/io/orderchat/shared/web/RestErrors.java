package io.orderchat.shared.web;

import io.orderchat.shared.DomainException;
import io.orderchat.shared.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
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
 * code names. Unexpected faults are logged and answered as {@code INTERNAL} without their
 * details.
 */
@RestControllerAdvice
class RestErrors {

	private static final Logger log = LoggerFactory.getLogger(RestErrors.class);

	@ExceptionHandler(DomainException.class)
	ResponseEntity<ApiResponse<Void>> domain(DomainException ex) {
		return respond(ex.code(), ex.getMessage());
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ApiResponse<Void>> unreadable(HttpMessageNotReadableException ex) {
		return respond(ErrorCode.VALIDATION_FAILED, "The request body is not valid JSON of the expected shape: "
				+ firstLine(ex.getMostSpecificCause().getMessage()));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ApiResponse<Void>> typeMismatch(MethodArgumentTypeMismatchException ex) {
		return respond(ErrorCode.VALIDATION_FAILED,
				"Parameter '" + ex.getName() + "' has an invalid value '" + ex.getValue() + "'");
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
		return respond(ErrorCode.METHOD_NOT_ALLOWED, "Method " + ex.getMethod() + " is not allowed here");
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ApiResponse<Void>> mediaType(HttpMediaTypeNotSupportedException ex) {
		return respond(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Content type " + ex.getContentType()
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

	@ExceptionHandler(Exception.class)
	ResponseEntity<ApiResponse<Void>> fault(Exception ex) {
		log.error("Unexpected failure of a REST call", ex);
		return respond(ErrorCode.INTERNAL, "Internal server error");
	}

	static ResponseEntity<ApiResponse<Void>> respond(ErrorCode code, String message) {
		return ResponseEntity.status(code.httpStatus()).body(ApiResponse.failure(code, message));
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "unreadable";
		}
		int newline = message.indexOf('\n');
		String line = (newline < 0) ? message : message.substring(0, newline);
		return (line.length() > 200) ? line.substring(0, 200) + "…" : line;
	}

}
