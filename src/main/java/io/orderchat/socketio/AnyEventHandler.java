package io.orderchat.socketio;

import tools.jackson.databind.JsonNode;

/** Handles events that have no handler of their own. */
@FunctionalInterface
public interface AnyEventHandler {

	void handle(String event, JsonNode[] args, Ack ack) throws Exception;

}
