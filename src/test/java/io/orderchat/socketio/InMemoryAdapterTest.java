package io.orderchat.socketio;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryAdapterTest {

	private final List<String> delivered = new ArrayList<>();

	private final InMemoryAdapter adapter = new InMemoryAdapter("/", (ids, packet) -> ids.forEach(this.delivered::add));

	private final EncodedPacket packet = new EncodedPacket("2[\"x\"]", List.of());

	InMemoryAdapterTest() {
		this.adapter.addAll("a", Set.of("a", "r1", "r2"));
		this.adapter.addAll("b", Set.of("b", "r1"));
		this.adapter.addAll("c", Set.of("c", "r2"));
	}

	@Test
	void deliversToEveryMemberOfTheRoomsOnce() {
		this.adapter.broadcast(this.packet, new BroadcastOptions(Set.of("r1", "r2"), Set.of()));
		assertThat(this.delivered).containsExactlyInAnyOrder("a", "b", "c");
	}

	@Test
	void deliversToEveryoneWithoutRoomsAndHonoursExclusions() {
		this.adapter.broadcast(this.packet, new BroadcastOptions(Set.of(), Set.of("r2")));
		assertThat(this.delivered).containsExactly("b");
	}

	@Test
	void forgetsSocketsThatLeave() {
		this.adapter.del("a", "r1");
		assertThat(this.adapter.sockets(Set.of("r1"))).containsExactly("b");
		assertThat(this.adapter.socketRooms("a")).containsExactlyInAnyOrder("a", "r2");
		this.adapter.delAll("a");
		assertThat(this.adapter.socketRooms("a")).isEmpty();
		assertThat(this.adapter.sockets(Set.of())).containsExactlyInAnyOrder("b", "c");
		assertThat(this.adapter.sockets(Set.of("a"))).isEmpty();
	}

	@Test
	void keepsRoomsExactAsTheyGrowPastSmallAndShrinkAgain() {
		for (int i = 0; i < 50; i++) {
			this.adapter.addAll("s" + i, Set.of("s" + i, "big"));
		}
		assertThat(this.adapter.sockets(Set.of("big"))).hasSize(50);
		for (int i = 0; i < 49; i++) {
			this.adapter.del("s" + i, "big");
		}
		assertThat(this.adapter.hasSockets("big")).isTrue();
		this.adapter.broadcast(this.packet, new BroadcastOptions(Set.of("big"), Set.of()));
		assertThat(this.delivered).containsExactly("s49");
		this.adapter.delAll("s49");
		assertThat(this.adapter.hasSockets("big")).isFalse();
	}

	@Test
	void aSocketThatLeftEveryRoomStillHearsBroadcastsToEveryone() {
		this.adapter.del("b", "b");
		this.adapter.del("b", "r1");
		assertThat(this.adapter.socketRooms("b")).isEmpty();
		this.adapter.broadcast(this.packet, new BroadcastOptions(Set.of(), Set.of()));
		assertThat(this.delivered).containsExactlyInAnyOrder("a", "b", "c");
	}

	@Test
	void deliversToOverlappingBigRoomsOnceLeavingOutTheExcepted() {
		for (int i = 0; i < 20; i++) {
			this.adapter.addAll("s" + i, Set.of("s" + i, (i < 15) ? "left" : "right", (i % 2 == 0) ? "even" : "odd"));
		}
		this.adapter.addAll("s3", Set.of("right"));
		this.adapter.broadcast(this.packet, new BroadcastOptions(Set.of("left", "right", "r1"), Set.of("odd", "b")));
		assertThat(this.delivered).containsExactlyInAnyOrder("a", "s0", "s2", "s4", "s6", "s8", "s10", "s12", "s14",
				"s16", "s18");
	}

}
