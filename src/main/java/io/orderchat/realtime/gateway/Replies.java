package io.orderchat.realtime.gateway;

import java.util.LinkedHashMap;
import java.util.Map;

import io.orderchat.shared.DomainException;

/**
 * The canonical acknowledgement envelope: {@code {ok:true,data}} or
 * {@code {ok:false,error:{code,message}}}.
 */
public final class Replies {

	private Replies() {
	}

	public static Map<String, Object> ok(Object data) {
		Map<String, Object> reply = new LinkedHashMap<>();
		reply.put("ok", true);
		reply.put("data", (data != null) ? data : Map.of());
		return reply;
	}

	public static Map<String, Object> failure(DomainException ex) {
		return Map.of("ok", false, "error", error(ex));
	}

	public static Map<String, String> error(DomainException ex) {
		return Map.of("code", ex.code().name(), "message", ex.getMessage());
	}

}
