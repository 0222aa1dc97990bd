package io.orderchat.conversations;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code commitWriters} in {@code /actuator/health}: DOWN while a message commit writer
 * is stuck or dead (its conversations cannot store messages until the watchdog replaces
 * it), or while a replaced writer's thread still hangs in the database driver.
 */
@Component("commitWritersHealthIndicator")
class CommitWritersHealth implements HealthIndicator {

	private final GroupCommit groupCommit;

	CommitWritersHealth(GroupCommit groupCommit) {
		this.groupCommit = groupCommit;
	}

	@Override
	public Health health() {
		GroupCommit.Health writers = this.groupCommit.health();
		Health.Builder health = writers.serving() ? Health.up() : Health.down();
		return health.withDetail("writers", writers.writers())
			.withDetail("stuck", writers.stuck())
			.withDetail("hung", writers.hung())
			.withDetail("restarts", writers.restarts())
			.build();
	}

}
