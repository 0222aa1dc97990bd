package io.orderchat.cluster;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * This run of this node: its configured id and a random suffix, so that a node restarted
 * under the same id (after kill -9) is a new instance whose predecessor's connections
 * expire instead of living on under the new heartbeat.
 */
record NodeInstance(String nodeId, String instance) {

	static NodeInstance start(String nodeId) {
		return new NodeInstance(nodeId,
				nodeId + "/" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()));
	}

}
