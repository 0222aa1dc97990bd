package io.orderchat.conversations;

import java.util.List;

/**
 * One emoji's reactions to a message: how many and by whom, in the order they came.
 * Recipients tell their own reaction ({@code mine}) from {@code userIds}, so one payload
 * serves every reader.
 */
public record Reaction(String emoji, int count, List<String> userIds) {

	public Reaction {
		userIds = List.copyOf(userIds);
	}

	public Reaction(String emoji, List<String> userIds) {
		this(emoji, userIds.size(), userIds);
	}

}
