package io.orderchat.realtime.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

import io.orderchat.identity.Caller;
import io.orderchat.identity.Role;
import io.orderchat.socketio.AnyEventHandler;
import io.orderchat.socketio.BroadcastOperator;
import io.orderchat.socketio.EventHandler;
import io.orderchat.socketio.Handshake;
import io.orderchat.socketio.Namespace;
import io.orderchat.socketio.SocketIoSocket;
import io.orderchat.testing.MovableClock;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

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

	/** A connected socket that records what it was sent. */
	static final class FakeSocket implements SocketIoSocket {

		final List<String> emitted = new ArrayList<>();

		private boolean connected = true;

		@Override
		public String id() {
			return "s" + System.identityHashCode(this);
		}

		@Override
		public Namespace namespace() {
			throw new UnsupportedOperationException();
		}

		@Override
		public Handshake handshake() {
			throw new UnsupportedOperationException();
		}

		private final Map<String, Object> attributes = new HashMap<>();

		@Override
		@SuppressWarnings("unchecked")
		public <T> T attribute(String key) {
			return (T) this.attributes.get(key);
		}

		@Override
		public void attribute(String key, Object value) {
			this.attributes.put(key, value);
		}

		@Override
		public void on(String event, EventHandler handler) {
		}

		@Override
		public void onAny(AnyEventHandler handler) {
		}

		@Override
		public void onDisconnect(Consumer<String> reasonListener) {
		}

		/** The rooms joined and not left (beside the socket's own). */
		final Set<String> joined = new java.util.LinkedHashSet<>();

		@Override
		public void join(String room) {
			this.joined.add(room);
		}

		@Override
		public void leave(String room) {
			this.joined.remove(room);
		}

		@Override
		public Set<String> rooms() {
			return Set.of(id());
		}

		@Override
		public void emit(String event, Object... args) {
			this.emitted.add(event);
		}

		@Override
		public CompletableFuture<JsonNode[]> emitWithAck(Duration timeout, String event, Object... args) {
			throw new UnsupportedOperationException();
		}

		@Override
		public BroadcastOperator to(String... rooms) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void disconnect(boolean closeTransport) {
			this.connected = false;
		}

		@Override
		public boolean connected() {
			return this.connected;
		}

		@Override
		public boolean congested() {
			return false;
		}

	}

}
