package io.orderchat.realtime.events;

/**
 * An event and who must hear of it: what the pipeline publishes once and every node
 * delivers to its own sockets.
 */
public record Delivery(Audience audience, RealtimeEvent event) {

	/**
	 * What orders this delivery among others: the events of one conversation keep their
	 * order, whatever their audience.
	 */
	public String orderingKey() {
		if (this.event instanceof InConversation about) {
			return about.subject().conversationId();
		}
		return this.audience.firstKey();
	}

}
