package io.orderchat.realtime.gateway;

import java.time.Clock;
import java.time.Instant;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.orderchat.identity.Caller;
import io.orderchat.identity.Role;
import io.orderchat.realtime.events.ChatEvent;
import io.orderchat.shared.DomainException;
import io.orderchat.socketio.Ack;
import io.orderchat.socketio.SocketIoSocket;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DIALECTS.md §0.3: a socket hears its user's (and a staff socket its role's) events in
 * every dialect until its first command binds it to one, then in that one only.
 */
class SocketSessionTest {

	final Named canonical = new Named("canonical", true);

	final Named exchange = new Named("seed000", false);

	final Named helpdesk = new Named("seed003", false);

	final FakeSocket socket = new FakeSocket();

	SocketSessionTest() {
		CommandRouter router = new CommandRouter(Clock.systemUTC(), new RealtimeMetrics(new SimpleMeterRegistry()));
		Dialects dialects = new Dialects();
		dialects.add(this.exchange, router);
		dialects.add(this.canonical, router);
		dialects.add(this.helpdesk, router);
		SocketSession.attach(this.socket, new Caller("u-7", "Ann", Role.MODERATOR, Instant.now().plusSeconds(3600)));
		SocketSession.start(this.socket, dialects);
	}

	@Test
	void anUnboundSocketIsInItsUsersAndRolesUnboundRoomsNotInOnePerDialect() {
		assertThat(this.socket.joined).contains("u:u-7/*", "r:moderator/*")
			.doesNotContain("u:u-7/canonical", "u:u-7/seed000", "u:u-7/seed003", "r:moderator/canonical");
		assertThat(SocketSession.userDialect(this.socket)).isSameAs(this.canonical);
	}

	@Test
	void theFirstDialectSpokenBindsTheSocketToItsUsersAndRolesRoomsOfThatDialect() {
		SocketSession.spoke(this.socket, this.exchange);
		SocketSession.spoke(this.socket, this.helpdesk);

		assertThat(this.socket.joined).contains("u:u-7/seed000", "r:moderator/seed000")
			.doesNotContain("u:u-7/*", "r:moderator/*", "u:u-7/canonical", "u:u-7/seed003", "r:moderator/seed003");
		assertThat(SocketSession.userDialect(this.socket)).isSameAs(this.exchange);
	}

	@Test
	void theDefaultDialectIsRenderedFirst() {
		Dialects dialects = new Dialects();
		CommandRouter router = new CommandRouter(Clock.systemUTC(), new RealtimeMetrics(new SimpleMeterRegistry()));
		dialects.add(this.exchange, router);
		dialects.add(this.canonical, router);
		assertThat(dialects).first().isSameAs(this.canonical);
	}

	record Named(String name, boolean spokenByDefault) implements Dialect {

		@Override
		public void register(CommandRouter router) {
		}

		@Override
		public void render(ChatEvent event, Emitter emitter) {
		}

		@Override
		public void succeeded(Ack ack, Object data) {
		}

		@Override
		public void failed(SocketIoSocket socket, String command, Ack ack, DomainException error) {
		}

	}

}
