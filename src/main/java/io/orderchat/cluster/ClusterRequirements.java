package io.orderchat.cluster;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * What every node of a cluster must share besides Redis and the database, checked at
 * startup: a node that signed with a key of its own would hand out tokens or download
 * links that the other nodes refuse.
 */
final class ClusterRequirements {

	private ClusterRequirements() {
	}

	static void check(Environment environment) {
		if (!StringUtils.hasText(environment.getProperty("orderchat.attachments.signing-secret"))) {
			throw new ClusterStartupException(
					"Cluster mode needs one download-link secret for all nodes; orderchat.attachments.signing-secret "
							+ "is empty, so each node would sign with a random key of its own",
					"Set UPLOAD_SIGNING_SECRET (32 random bytes or more) to the same value on every node.", null);
		}
		if (!StringUtils.hasText(environment.getProperty("orderchat.identity.jwt-secret"))
				&& !StringUtils.hasText(environment.getProperty("orderchat.identity.jwks-url"))) {
			throw new ClusterStartupException(
					"Cluster mode needs the host app's token keys; without orderchat.identity.jwt-secret or "
							+ "jwks-url each node's demo issuer would sign with a random key of its own",
					"Set JWT_SECRET (or JWKS_URL) to the same value on every node.", null);
		}
	}

}
