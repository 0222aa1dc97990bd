package io.orderchat.shared.web;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.orderchat.shared.ErrorCode;

/**
 * The seeds' REST envelope: {@code {"success": true, "data": ...}} or {@code {"success":
 * false, "message", "error": {"code", "message"}}} — the message also at the top, where
 * seed 000's clients read it (DIALECTS.md §1.1).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiResponse<T>(boolean success, T data, String message, Error error) {

	public static <T> ApiResponse<T> ok(T data) {
		return new ApiResponse<>(true, data, null, null);
	}

	public static ApiResponse<Void> failure(ErrorCode code, String message) {
		return new ApiResponse<>(false, null, message, new Error(code.name(), message));
	}

	/** A failure: a stable code and a message for a person. */
	public record Error(String code, String message) {
	}

}
