package io.orderchat.socketio.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OutboundBytesTest {

	private final OutboundBytes total = OutboundBytes.total();

	@Test
	void sessionsAddToTheTotalAndAClosedSessionReleasesNothingTwice() {
		OutboundBytes slow = this.total.session();
		OutboundBytes fast = this.total.session();
		slow.reserve(1_000);
		fast.reserve(10);
		assertThat(this.total.waiting()).isEqualTo(1_010);

		slow.release(300);
		assertThat(slow.waiting()).isEqualTo(700);
		assertThat(this.total.waiting()).isEqualTo(710);

		slow.releaseAll();
		// A write that completes after the close must not count again.
		slow.release(700);
		assertThat(slow.waiting()).isZero();
		assertThat(this.total.waiting()).isEqualTo(10);

		fast.release(10);
		assertThat(this.total.waiting()).isZero();
	}

}
