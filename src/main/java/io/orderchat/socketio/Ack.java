package io.orderchat.socketio;

/**
 * The acknowledgement the client may have asked for with an event.
 */
public interface Ack {

	/** An ack for an event that did not ask for one. */
	Ack NONE = new Ack() {

		@Override
		public boolean requested() {
			return false;
		}

		@Override
		public void send(Object... args) {
		}

	};

	/** Whether the client asked for an acknowledgement. */
	boolean requested();

	/**
	 * Sends the acknowledgement with {@code args}. Does nothing if none was requested;
	 * only the first call sends.
	 */
	void send(Object... args);

}
