package io.orderchat.stats;

/**
 * Whose figures a caller sees: {@code owner} {@code null} for all, or the one moderator
 * or agent they are about; which kinds of conversation count.
 */
record Scope(String owner, boolean orders, boolean disputes, boolean support) {

	static Scope all() {
		return new Scope(null, true, true, true);
	}

	static Scope moderator(String userId) {
		return new Scope(userId, true, true, false);
	}

	static Scope agent(String userId) {
		return new Scope(userId, false, false, true);
	}

	boolean isAll() {
		return this.owner == null;
	}

}
