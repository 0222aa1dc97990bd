package io.orderchat.realtime.events;

/**
 * An event about one conversation. The pipeline delivers the events of one conversation
 * in the order they were published.
 */
public interface InConversation {

	Subject subject();

}
