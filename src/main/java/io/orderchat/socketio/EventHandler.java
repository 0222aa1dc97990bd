package io.orderchat.socketio;

import tools.jackson.databind.JsonNode;

/** Handles one named event; see {@link SocketIoSocket} for the threading contract. */
@FunctionalInterface
public interface EventHandler {

	void handle(JsonNode[] args, Ack ack) throws Exception;

}
