package io.orderchat.realtime.gateway;

/**
 * One named event of a vocabulary's wire. Each vocabulary lists all of its events in one
 * enum, its catalogue: the commands its clients send and the events they receive, which
 * docs/protocol.md is checked against.
 */
public interface WireEvent {

	/** The event's name on the wire. */
	String wireName();

	/** Which way it travels. */
	Direction direction();

	/** Client to server (a command) or server to client (an event). */
	enum Direction {

		COMMAND, EVENT

	}

}
