package io.orderchat.socketio.engine;

import java.time.Duration;
import java.util.List;

/**
 * Settings of an Engine.IO server.
 *
 * @param pingInterval how often the server pings each session
 * @param pingTimeout how long a ping may stay unanswered before the session is closed
 * @param upgradeTimeout how long a probed WebSocket may take to complete the upgrade
 * @param maxPayload the largest message or polling body accepted, in bytes; also sent to
 * the client in the handshake
 * @param outboundQueueLimit how many packets may wait for one session's transport before
 * that session is closed as too slow
 * @param allowedOrigins browser origins allowed to connect besides the server's own (CORS
 * and WebSocket origin check): listed ones may send credentials, {@code *} admits any
 * origin without credentials; empty means same origin only
 * @param perMessageDeflate whether WebSocket permessage-deflate may be negotiated
 */
public record EngineOptions(Duration pingInterval, Duration pingTimeout, Duration upgradeTimeout, long maxPayload,
		int outboundQueueLimit, List<String> allowedOrigins, boolean perMessageDeflate, Duration writeSpacing) {

	public EngineOptions {
		allowedOrigins = List.copyOf(allowedOrigins);
		if (outboundQueueLimit < 1) {
			throw new IllegalArgumentException("outboundQueueLimit must be positive");
		}
	}

	/** The allowed-origins entry that admits every origin (never with credentials). */
	public static final String ANY_ORIGIN = "*";

	/**
	 * Whether a browser on {@code origin} may use the server reached as {@code host}; a
	 * request without an origin is no browser's and always may.
	 */
	public boolean allowsOrigin(String origin, String host) {
		return origin == null || this.allowedOrigins.contains(ANY_ORIGIN) || trustsOrigin(origin, host);
	}

	/**
	 * Whether {@code origin} is allowed by name or is the server's own: only such pages
	 * are answered with their origin and credentials, any other allowed one with a
	 * wildcard.
	 */
	public boolean trustsOrigin(String origin, String host) {
		if (origin == null) {
			return false;
		}
		if (this.allowedOrigins.contains(origin)) {
			return true;
		}
		// A same-origin page is always allowed, whatever the list says.
		int schemeEnd = origin.indexOf("://");
		return host != null && schemeEnd > 0 && origin.substring(schemeEnd + 3).equalsIgnoreCase(host);
	}

}
