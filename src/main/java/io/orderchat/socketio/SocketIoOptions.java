package io.orderchat.socketio;

import java.time.Duration;
import java.util.List;

import io.orderchat.socketio.engine.EngineOptions;

/**
 * Settings of a {@link SocketIoServer}.
 *
 * @param pingInterval how often each connection is pinged
 * @param pingTimeout how long a ping may stay unanswered before the connection closes
 * @param upgradeTimeout how long a polling→WebSocket upgrade may take
 * @param connectTimeout how long a new connection may wait before joining a namespace
 * @param maxPayload the largest message or polling body accepted, in bytes
 * @param allowedOrigins browser origins allowed; empty means any (the origin is
 * reflected)
 * @param outboundQueueLimit how many Engine.IO packets may wait for one slow client
 * before it is disconnected (a binary event counts one per attachment plus one)
 * @param perMessageDeflate whether WebSocket compression may be negotiated
 * @param adapterFactory creates each namespace's {@link Adapter}
 * @param maxAttachments the most binary attachments one incoming packet may carry
 * @param writeSpacing the least time between two WebSocket writes to one client (zero in
 * production; the conformance configuration spaces writes, see {@code ConformanceServer})
 */
public record SocketIoOptions(Duration pingInterval, Duration pingTimeout, Duration upgradeTimeout,
		Duration connectTimeout, long maxPayload, List<String> allowedOrigins, int outboundQueueLimit,
		boolean perMessageDeflate, AdapterFactory adapterFactory, int maxAttachments, Duration writeSpacing) {

	public SocketIoOptions {
		allowedOrigins = List.copyOf(allowedOrigins);
	}

	/** The reference server's defaults: 25 s / 20 s / 10 s / 45 s, 1 MB, any origin. */
	public static SocketIoOptions defaults() {
		return new SocketIoOptions(Duration.ofSeconds(25), Duration.ofSeconds(20), Duration.ofSeconds(10),
				Duration.ofSeconds(45), 1_000_000, List.of(EngineOptions.ANY_ORIGIN), 1024, false, InMemoryAdapter::new,
				10, Duration.ZERO);
	}

	public SocketIoOptions withPingInterval(Duration value) {
		return new SocketIoOptions(value, this.pingTimeout, this.upgradeTimeout, this.connectTimeout, this.maxPayload,
				this.allowedOrigins, this.outboundQueueLimit, this.perMessageDeflate, this.adapterFactory,
				this.maxAttachments, this.writeSpacing);
	}

	public SocketIoOptions withPingTimeout(Duration value) {
		return new SocketIoOptions(this.pingInterval, value, this.upgradeTimeout, this.connectTimeout, this.maxPayload,
				this.allowedOrigins, this.outboundQueueLimit, this.perMessageDeflate, this.adapterFactory,
				this.maxAttachments, this.writeSpacing);
	}

	public SocketIoOptions withUpgradeTimeout(Duration value) {
		return new SocketIoOptions(this.pingInterval, this.pingTimeout, value, this.connectTimeout, this.maxPayload,
				this.allowedOrigins, this.outboundQueueLimit, this.perMessageDeflate, this.adapterFactory,
				this.maxAttachments, this.writeSpacing);
	}

	public SocketIoOptions withConnectTimeout(Duration value) {
		return new SocketIoOptions(this.pingInterval, this.pingTimeout, this.upgradeTimeout, value, this.maxPayload,
				this.allowedOrigins, this.outboundQueueLimit, this.perMessageDeflate, this.adapterFactory,
				this.maxAttachments, this.writeSpacing);
	}

	public SocketIoOptions withMaxPayload(long value) {
		return new SocketIoOptions(this.pingInterval, this.pingTimeout, this.upgradeTimeout, this.connectTimeout, value,
				this.allowedOrigins, this.outboundQueueLimit, this.perMessageDeflate, this.adapterFactory,
				this.maxAttachments, this.writeSpacing);
	}

	public SocketIoOptions withAllowedOrigins(List<String> value) {
		return new SocketIoOptions(this.pingInterval, this.pingTimeout, this.upgradeTimeout, this.connectTimeout,
				this.maxPayload, value, this.outboundQueueLimit, this.perMessageDeflate, this.adapterFactory,
				this.maxAttachments, this.writeSpacing);
	}

	public SocketIoOptions withOutboundQueueLimit(int value) {
		return new SocketIoOptions(this.pingInterval, this.pingTimeout, this.upgradeTimeout, this.connectTimeout,
				this.maxPayload, this.allowedOrigins, value, this.perMessageDeflate, this.adapterFactory,
				this.maxAttachments, this.writeSpacing);
	}

	public SocketIoOptions withPerMessageDeflate(boolean value) {
		return new SocketIoOptions(this.pingInterval, this.pingTimeout, this.upgradeTimeout, this.connectTimeout,
				this.maxPayload, this.allowedOrigins, this.outboundQueueLimit, value, this.adapterFactory,
				this.maxAttachments, this.writeSpacing);
	}

	public SocketIoOptions withAdapterFactory(AdapterFactory value) {
		return new SocketIoOptions(this.pingInterval, this.pingTimeout, this.upgradeTimeout, this.connectTimeout,
				this.maxPayload, this.allowedOrigins, this.outboundQueueLimit, this.perMessageDeflate, value,
				this.maxAttachments, this.writeSpacing);
	}

	public SocketIoOptions withMaxAttachments(int value) {
		return new SocketIoOptions(this.pingInterval, this.pingTimeout, this.upgradeTimeout, this.connectTimeout,
				this.maxPayload, this.allowedOrigins, this.outboundQueueLimit, this.perMessageDeflate,
				this.adapterFactory, value, this.writeSpacing);
	}

	public SocketIoOptions withWriteSpacing(Duration value) {
		return new SocketIoOptions(this.pingInterval, this.pingTimeout, this.upgradeTimeout, this.connectTimeout,
				this.maxPayload, this.allowedOrigins, this.outboundQueueLimit, this.perMessageDeflate,
				this.adapterFactory, this.maxAttachments, value);
	}

	EngineOptions engineOptions() {
		return new EngineOptions(this.pingInterval, this.pingTimeout, this.upgradeTimeout, this.maxPayload,
				this.outboundQueueLimit, this.allowedOrigins, this.perMessageDeflate, this.writeSpacing);
	}

}
