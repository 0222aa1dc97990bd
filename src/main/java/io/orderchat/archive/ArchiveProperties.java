package io.orderchat.archive;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How conversations are archived. See README "Archiving".
 *
 * @param enabled whether this node runs the archiver (any node may: one at a time runs)
 * @param age how long a conversation and its order, dispute or support session must have
 * been unchanged before it is archived
 * @param batchSize conversations looked up at once; each is moved in its own transaction
 * @param initialDelay the wait after start-up before the first run
 * @param interval the wait between the end of one run and the start of the next
 * @param lease how long a run's claim holds without being renewed (renewed with every
 * conversation moved): a crashed node's run is taken over after it
 */
@ConfigurationProperties("orderchat.archive")
record ArchiveProperties(@DefaultValue("true") boolean enabled, @DefaultValue("90d") Duration age,
		@DefaultValue("100") int batchSize, @DefaultValue("5m") Duration initialDelay,
		@DefaultValue("1h") Duration interval, @DefaultValue("5m") Duration lease) {

	ArchiveProperties {
		if (batchSize < 1) {
			throw new IllegalArgumentException("orderchat.archive.batch-size must be at least 1");
		}
	}

}
