package io.orderchat.realtime.protocol.dispatcher;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The dispatcher app's REST envelope ({@code response.types.ts}): {@code {status: <http
 * status>, success, message, data}}, a page adding {@code meta}; {@code data} is there
 * even when {@code null}.
 */
record DispatcherEnvelope<T>(int status, boolean success, String message,
		@JsonInclude(JsonInclude.Include.NON_NULL) Meta meta, @JsonInclude(JsonInclude.Include.ALWAYS) T data) {

	static <T> DispatcherEnvelope<T> success(int status, String message, T data) {
		return new DispatcherEnvelope<>(status, true, message, null, data);
	}

	static <T> DispatcherEnvelope<T> page(String message, T data, Meta meta) {
		return new DispatcherEnvelope<>(200, true, message, meta, data);
	}

	/** A page's position: {@code totalItems} counts every message ever sent. */
	record Meta(long totalItems, long totalPages, int currentPage, int itemsPerPage) {
	}

}
