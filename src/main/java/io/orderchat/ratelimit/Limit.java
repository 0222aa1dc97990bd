package io.orderchat.ratelimit;

/**
 * Every limit, named as in settings, docs and the {@code limit} tag of the
 * {@code orderchat.ratelimit.refused} counter. A rate refills over time; a cap bounds how
 * many of something are held at once.
 */
public enum Limit {

	/** Messages a user sends, over REST and every socket vocabulary together (rate). */
	MESSAGES("messages", "messages", null),

	/** Reactions a user adds or removes, over REST and the socket together (rate). */
	REACTIONS("reactions", "reactions", null),

	/** Orders a user creates (rate). */
	ORDERS("orders", "new orders", null),

	/** Upload requests of a user: pre-uploads, file messages, socket images (rate). */
	UPLOADS("uploads", "uploads", null),

	/** REST requests from one IP address (rate). */
	REQUESTS_PER_IP("requests-per-ip", "requests from this address", null),

	/** Socket.IO connections one user holds on a node (cap). */
	SOCKETS_PER_USER("sockets-per-user", "connections of this user", "close one to open another"),

	/** Conversations one socket has joined (cap). */
	JOINS_PER_SOCKET("joins-per-socket", "conversations joined on this connection", "leave one to join another");

	private final String tag;

	private final String noun;

	private final String release;

	Limit(String tag, String noun, String release) {
		this.tag = tag;
		this.noun = noun;
		this.release = release;
	}

	/** The name in the refusal counter's {@code limit} tag. */
	public String tag() {
		return this.tag;
	}

	String noun() {
		return this.noun;
	}

	/** What frees a place under a cap. */
	String release() {
		return this.release;
	}

}
