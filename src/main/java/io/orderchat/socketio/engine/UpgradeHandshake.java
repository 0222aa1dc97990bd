package io.orderchat.socketio.engine;

/**
 * The frames of a WebSocket that wants to take a polling session over: a {@code ping}
 * probe, answered with a {@code pong}, then UPGRADE, after which the WebSocket is the
 * session's transport and its frames go there. Anything else, or the WebSocket closing
 * first, abandons the upgrade and the session goes on polling. The session decides
 * ({@link EngineSocket#startUpgrade}); this only reads the exchange.
 */
final class UpgradeHandshake implements WebSocketHandler {

	/** For the probe's answer, whose write nobody waits for. */
	static final WebSocketChannel.WriteCallback NO_CALLBACK = new WebSocketChannel.WriteCallback() {

		@Override
		public void succeeded() {
		}

		@Override
		public void failed(Throwable cause) {
		}

	};

	private final EngineSocket session;

	private final WebSocketChannel channel;

	/** The session's transport once the upgrade completed. */
	private WebSocketHandler upgraded;

	UpgradeHandshake(EngineSocket session, WebSocketChannel channel) {
		this.session = session;
		this.channel = channel;
	}

	@Override
	public void onText(String text) {
		if (this.upgraded != null) {
			this.upgraded.onText(text);
			return;
		}
		EnginePacket packet;
		try {
			packet = EnginePacket.decode(text);
		}
		catch (InvalidPacketException ex) {
			this.session.abortUpgrade(this.channel);
			return;
		}
		if (packet.type() == EnginePacketType.PING && "probe".equals(packet.text())) {
			this.session.onProbe(this.channel);
		}
		else if (packet.type() == EnginePacketType.UPGRADE) {
			this.upgraded = this.session.completeUpgrade(this.channel);
			if (this.upgraded == null) {
				this.session.abortUpgrade(this.channel);
			}
		}
		else {
			this.session.abortUpgrade(this.channel);
		}
	}

	@Override
	public void onBinary(byte[] data) {
		if (this.upgraded != null) {
			this.upgraded.onBinary(data);
		}
		else {
			this.session.abortUpgrade(this.channel);
		}
	}

	@Override
	public void onClose() {
		if (this.upgraded != null) {
			this.upgraded.onClose();
		}
		else {
			this.session.abortUpgrade(this.channel);
		}
	}

}
