package io.orderchat.identity;

import java.util.List;
import java.util.Optional;

/**
 * The demo identity provider's people: one per role, and a second moderator for
 * transfers.
 */
final class DemoUsers {

	static final List<DemoUser> ALL = List.of(new DemoUser("demo-customer", "Carla Customer", Role.CUSTOMER),
			new DemoUser("demo-customer2", "Chris Customer", Role.CUSTOMER),
			new DemoUser("demo-performer", "Pete Performer", Role.PERFORMER),
			new DemoUser("demo-performer2", "Paula Performer", Role.PERFORMER),
			new DemoUser("demo-moderator", "Mona Moderator", Role.MODERATOR),
			new DemoUser("demo-moderator2", "Max Moderator", Role.MODERATOR),
			new DemoUser("demo-support", "Sam Support", Role.SUPPORT),
			new DemoUser("demo-admin", "Ada Admin", Role.ADMIN));

	private DemoUsers() {
	}

	static Optional<DemoUser> find(String userId) {
		return ALL.stream().filter((user) -> user.id().equals(userId)).findFirst();
	}

	/** A demo person as the demo endpoints show it. */
	record DemoUser(String id, String name, Role role) {
	}

}
