package io.orderchat.support;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.orderchat.shared.ErrorCode;
import io.orderchat.shared.web.ApiResponse;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Seed 003's error envelope on every {@code /api/v1/chat} path, whoever refused the call
 * (the controllers, the token check, the upload limits): {@code {success: false, error:
 * <text>, message: <same text>, code}} (DIALECTS.md §4.3) instead of OrderChat's
 * {@code error: {code, message}}. The app answers 400, 401, 403, 404 and 413 only: a
 * conflict (a session in the wrong status, a closed chat) and a file type it does not
 * take (415) are 400s, with their own {@code code}.
 */
@RestControllerAdvice
class SupportErrors implements ResponseBodyAdvice<Object> {

	static final String PREFIX = "/api/v1/chat/";

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
			Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
			ServerHttpResponse response) {
		if (!(body instanceof ApiResponse<?> answer) || answer.success() || answer.error() == null
				|| !request.getURI().getPath().startsWith(PREFIX)) {
			return body;
		}
		ErrorCode code = ErrorCode.valueOf(answer.error().code());
		if (code.httpStatus() == HttpStatus.CONFLICT.value()
				|| code.httpStatus() == HttpStatus.UNSUPPORTED_MEDIA_TYPE.value()) {
			response.setStatusCode(HttpStatus.BAD_REQUEST);
		}
		return new Failure(false, answer.error().message(), answer.error().message(), answer.error().code());
	}

	/** The app's error envelope; {@code code} is OrderChat's stable error code. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Failure(boolean success, String error, String message, String code) {
	}

}
