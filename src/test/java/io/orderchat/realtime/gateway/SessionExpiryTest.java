package io.orderchat.realtime.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import io.orderchat.identity.Caller;
import io.orderchat.identity.Role;
import io.orderchat.testing.MovableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** One sweep a second closes every socket whose token has expired, never one early. */
class SessionExpiryTest {

	static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

	final MovableClock clock = new MovableClock(NOW);

	/** Sweeps by hand: the scheduler refuses the expiry's own ticks. */
	final SessionExpiry expiry = new SessionExpiry(stopped(), this.clock);

	@Test
	void closesASocketAtItsTokensExpiry() {
		FakeSocket socket = new FakeSocket();
		this.expiry.watch(socket, caller(NOW.plusSeconds(2)));

		sweepAt(NOW.plusSeconds(2).minusMillis(1));
		assertThat(socket.emitted).isEmpty();

		sweepAt(NOW.plusSeconds(2));
		assertThat(socket.emitted).containsExactly(SessionExpiry.EVENT);
		assertThat(socket.connected()).isFalse();
	}

	@Test
	void closesAFractionalExpiryOnTheSecondAfterItNeverBefore() {
		FakeSocket socket = new FakeSocket();
		this.expiry.watch(socket, caller(NOW.plusMillis(1500)));

		sweepAt(NOW.plusSeconds(1));
		assertThat(socket.connected()).isTrue();

		sweepAt(NOW.plusSeconds(2));
		assertThat(socket.emitted).containsExactly(SessionExpiry.EVENT);
	}

	@Test
	void leavesAloneASocketThatDisconnectedAndTokensWithoutExpiry() {
		FakeSocket gone = new FakeSocket();
		FakeSocket forever = new FakeSocket();
		Caller expiring = caller(NOW.plusSeconds(1));
		this.expiry.watch(gone, expiring);
		this.expiry.watch(forever, caller(null));

		this.expiry.forget(gone, expiring);
		sweepAt(NOW.plus(Duration.ofDays(1)));

		assertThat(gone.emitted).isEmpty();
		assertThat(forever.emitted).isEmpty();
	}

	@Test
	void aSocketWatchedAfterItsSecondWasSweptIsClosedAtOnceAndOnce() {
		sweepAt(NOW.plusSeconds(5));
		FakeSocket late = new FakeSocket();

		this.expiry.watch(late, caller(NOW.plusSeconds(5)));
		sweepAt(NOW.plusSeconds(6));

		assertThat(late.emitted).containsExactly(SessionExpiry.EVENT);
	}

	@Test
	void socketsDueInTheSameSecondAreClosedTogether() {
		List<FakeSocket> sockets = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			FakeSocket socket = new FakeSocket();
			sockets.add(socket);
			this.expiry.watch(socket, caller(NOW.plusSeconds(3).plusMillis(i % 2)));
		}

		sweepAt(NOW.plusSeconds(4));

		assertThat(sockets).allSatisfy((socket) -> assertThat(socket.emitted).containsExactly(SessionExpiry.EVENT));
	}

	private void sweepAt(Instant instant) {
		this.clock.moveTo(instant);
		this.expiry.sweep();
	}

	private static Caller caller(Instant expiresAt) {
		return new Caller("u1", "Ann", Role.CUSTOMER, expiresAt);
	}

	private static ScheduledExecutorService stopped() {
		ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
		scheduler.shutdown();
		return scheduler;
	}

}
