package io.orderchat.realtime.presence;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.orderchat.testing.MovableClock;
import org.junit.jupiter.api.Test;

import io.orderchat.realtime.presence.Typing.Typist;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryTypingTest {

	private final MovableClock clock = new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));

	private final InMemoryTyping typing = new InMemoryTyping(Duration.ofSeconds(10), this.clock);

	private final List<Typist> expired = new ArrayList<>();

	InMemoryTypingTest() {
		this.typing.onExpired(this.expired::add);
	}

	@Test
	void reportsOnlyTheFirstStartOfARun() {
		assertThat(this.typing.start("c1", "ann", "Ann")).isTrue();
		assertThat(this.typing.start("c1", "ann", "Ann")).isFalse();
		assertThat(this.typing.start("c2", "ann", "Ann")).isTrue();
	}

	@Test
	void reportsAStopOnlyForSomeoneTyping() {
		assertThat(this.typing.stop("c1", "ann")).isFalse();
		this.typing.start("c1", "ann", "Ann");
		assertThat(this.typing.stop("c1", "ann")).isTrue();
		assertThat(this.typing.stop("c1", "ann")).isFalse();
	}

	@Test
	void expiresATypistWhoWentQuiet() {
		this.typing.start("c1", "ann", "Ann");
		this.clock.advance(Duration.ofSeconds(9));
		this.typing.expire();
		assertThat(this.expired).isEmpty();

		this.clock.advance(Duration.ofSeconds(1));
		this.typing.expire();
		assertThat(this.expired).containsExactly(new Typist("c1", "ann", "Ann"));
		assertThat(this.typing.start("c1", "ann", "Ann")).as("typing again after expiry is news").isTrue();
	}

	@Test
	void aRepeatedStartPostponesTheExpiry() {
		this.typing.start("c1", "ann", "Ann");
		this.clock.advance(Duration.ofSeconds(8));
		this.typing.start("c1", "ann", "Ann");
		this.clock.advance(Duration.ofSeconds(8));
		this.typing.expire();
		assertThat(this.expired).isEmpty();
	}

	@Test
	void aStoppedTypistNeverExpires() {
		this.typing.start("c1", "ann", "Ann");
		this.typing.stop("c1", "ann");
		this.clock.advance(Duration.ofSeconds(30));
		this.typing.expire();
		assertThat(this.expired).isEmpty();
	}

}
