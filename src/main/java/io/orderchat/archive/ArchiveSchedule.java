package io.orderchat.archive;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Starts an archiving run on every node that has archiving enabled; the lease lets one of
 * them work at a time.
 */
@Component
class ArchiveSchedule {

	private static final Logger log = LoggerFactory.getLogger(ArchiveSchedule.class);

	private final Archiver archiver;

	private final ArchiveProperties properties;

	ArchiveSchedule(Archiver archiver, ArchiveProperties properties) {
		this.archiver = archiver;
		this.properties = properties;
	}

	@Scheduled(initialDelayString = "${orderchat.archive.initial-delay:5m}",
			fixedDelayString = "${orderchat.archive.interval:1h}")
	void archive() {
		if (!this.properties.enabled()) {
			return;
		}
		try {
			this.archiver.run();
		}
		catch (RuntimeException ex) {
			// the moved conversations are committed; the next run continues from here
			log.warn("Archiving run failed; the next run continues", ex);
		}
	}

}
