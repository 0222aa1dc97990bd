package io.orderchat.shared.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the browser-facing web ({@code orderchat.web.*}), shared by REST and the
 * Socket.IO endpoint.
 *
 * @param allowedOrigins browser origins besides the server's own that may call REST and
 * connect a socket. Empty (the default): same origin only. Listed origins may send
 * credentials; {@code *} admits every origin, answered with a wildcard and never with
 * credentials (tokens travel in headers, so clients need none).
 */
@ConfigurationProperties("orderchat.web")
public record WebProperties(@DefaultValue List<String> allowedOrigins) {

	/** The entry that admits every origin. */
	public static final String ANY_ORIGIN = "*";

	public WebProperties {
		allowedOrigins = List.copyOf(allowedOrigins);
	}

	public boolean anyOrigin() {
		return this.allowedOrigins.contains(ANY_ORIGIN);
	}

}
