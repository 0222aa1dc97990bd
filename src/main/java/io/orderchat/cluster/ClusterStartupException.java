package io.orderchat.cluster;

/**
 * Cluster mode was asked for and cannot work: Redis does not answer, or a setting every
 * node must share is missing. The start fails with what to do (see
 * {@link ClusterStartupFailureAnalyzer}).
 */
class ClusterStartupException extends RuntimeException {

	private final String action;

	ClusterStartupException(String message, String action, Throwable cause) {
		super(message, cause);
		this.action = action;
	}

	String action() {
		return this.action;
	}

}
