package io.orderchat.realtime.presence;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryPresenceTest {

	private final InMemoryPresence presence = new InMemoryPresence();

	@Test
	void reportsOnlineOnlyForTheFirstDevice() {
		assertThat(this.presence.connected("ann", "phone")).isTrue();
		assertThat(this.presence.connected("ann", "laptop")).isFalse();
		assertThat(this.presence.isOnline("ann")).isTrue();
	}

	@Test
	void staysOnlineWhileAnyDeviceIsConnected() {
		this.presence.connected("ann", "phone");
		this.presence.connected("ann", "laptop");

		assertThat(this.presence.disconnected("ann", "phone")).isFalse();
		assertThat(this.presence.isOnline("ann")).isTrue();
		assertThat(this.presence.disconnected("ann", "laptop")).isTrue();
		assertThat(this.presence.isOnline("ann")).isFalse();
	}

	@Test
	void ignoresAnUnknownOrRepeatedDisconnect() {
		assertThat(this.presence.disconnected("bob", "phone")).isFalse();
		this.presence.connected("bob", "phone");
		assertThat(this.presence.disconnected("bob", "phone")).isTrue();
		assertThat(this.presence.disconnected("bob", "phone")).isFalse();
	}

	@Test
	void countsEachUsersConnectionsOnceEach() {
		this.presence.connected("ann", "phone");
		this.presence.connected("ann", "phone");
		this.presence.connected("ann", "laptop");
		this.presence.connected("ann", "tablet");
		this.presence.disconnected("ann", "laptop");
		this.presence.connected("cid", "phone");

		assertThat(this.presence.connections(List.of("ann", "bob", "cid"))).containsExactly(Map.entry("ann", 2),
				Map.entry("bob", 0), Map.entry("cid", 1));
	}

	@Test
	void filtersTheOnlineUsersOfAGroup() {
		this.presence.connected("ann", "phone");
		this.presence.connected("cid", "phone");

		assertThat(this.presence.online(List.of("ann", "bob", "cid"))).isEqualTo(Set.of("ann", "cid"));
	}

}
