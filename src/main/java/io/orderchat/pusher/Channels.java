package io.orderchat.pusher;

import java.util.regex.Pattern;

/** Pusher's channel names and their kinds, told apart by prefix. */
public final class Channels {

	/** The characters and length Pusher allows in a channel name. */
	private static final Pattern NAME = Pattern.compile("[-a-zA-Z0-9_=@,.;]{1,164}");

	private static final Pattern SOCKET_ID = Pattern.compile("\\d{1,19}\\.\\d{1,19}");

	private Channels() {
	}

	public static boolean isValidName(String channel) {
		return channel != null && NAME.matcher(channel).matches();
	}

	/**
	 * Whether the name is a socket id as {@code pusher:connection_established} gives it.
	 */
	public static boolean isValidSocketId(String socketId) {
		return socketId != null && SOCKET_ID.matcher(socketId).matches();
	}

	/** A {@code private-} channel: subscribed only with a signature. */
	public static boolean isPrivate(String channel) {
		return channel.startsWith("private-");
	}

	/** A {@code presence-} channel: not offered by this server. */
	public static boolean isPresence(String channel) {
		return channel.startsWith("presence-");
	}

}
