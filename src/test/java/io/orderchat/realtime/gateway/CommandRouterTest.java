package io.orderchat.realtime.gateway;

import io.orderchat.realtime.events.ChatEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.orderchat.identity.Caller;
import io.orderchat.identity.Role;
import io.orderchat.shared.DomainException;
import io.orderchat.socketio.Ack;
import io.orderchat.socketio.SocketIoSocket;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The router's bookkeeping around every command: the log context names the socket and the
 * user while the command runs (and nothing after), and each command is counted by name
 * and outcome, an unknown one under {@code unknown}.
 */
class CommandRouterTest {

	final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	final CommandRouter router = new CommandRouter(Clock.systemUTC(), new RealtimeMetrics(this.registry));

	final Answers dialect = new Answers();

	final FakeSocket socket = new FakeSocket();

	CommandRouterTest() {
		// signed in, as the connection lifecycle leaves a socket
		SocketSession.attach(this.socket, new Caller("u-7", "Ann", Role.CUSTOMER, Instant.now().plusSeconds(3600)));
		Dialects dialects = new Dialects();
		dialects.add(this.dialect, this.router);
		SocketSession.start(this.socket, dialects);
	}

	@Test
	void logLinesOfACommandNameItsSocketAndUser() {
		Map<String, String> seen = new HashMap<>();
		this.router.on(this.dialect, "probe", (socket, caller, args) -> {
			seen.putAll(MDC.getCopyOfContextMap());
			return "done";
		});

		this.router.dispatch(this.socket, "probe", new JsonNode[0], null);

		assertThat(seen).containsEntry(CommandRouter.LOG_SOCKET_ID, this.socket.id())
			.containsEntry(CommandRouter.LOG_USER_ID, "u-7");
		assertThat(MDC.get(CommandRouter.LOG_SOCKET_ID)).isNull();
		assertThat(MDC.get(CommandRouter.LOG_USER_ID)).isNull();
		assertThat(this.dialect.answers).containsExactly("ok done");
	}

	@Test
	void countsCommandsByNameAndOutcome() {
		this.router.on(this.dialect, "probe", (socket, caller, args) -> "done");
		this.router.on(this.dialect, "refused", (socket, caller, args) -> {
			throw DomainException.forbidden("no");
		});

		this.router.dispatch(this.socket, "probe", new JsonNode[0], null);
		this.router.dispatch(this.socket, "probe", new JsonNode[0], null);
		this.router.dispatch(this.socket, "refused", new JsonNode[0], null);
		this.router.dispatch(this.socket, "whatever-a-client-invents", new JsonNode[0], null);

		assertThat(count("probe", "ok")).isEqualTo(2);
		assertThat(count("refused", "FORBIDDEN")).isEqualTo(1);
		assertThat(count("unknown", "UNKNOWN_COMMAND")).isEqualTo(1);
		assertThat(this.registry.find("orderchat.commands").tag("command", "whatever-a-client-invents").timer())
			.isNull();
	}

	@Test
	void aPipelinedCommandLeavesTheSocketAtOnceAndIsAnsweredInOrderWhenItCompletes() {
		List<CompletableFuture<Object>> commits = new ArrayList<>();
		this.router.onPipelined(this.dialect, "send", (socket, caller, args) -> {
			CompletableFuture<Object> commit = new CompletableFuture<>();
			commits.add(commit);
			return commit;
		});

		this.router.dispatch(this.socket, "send", new JsonNode[0], null);
		this.router.dispatch(this.socket, "send", new JsonNode[0], null);
		this.router.dispatch(this.socket, "send", new JsonNode[0], null);

		// the second and third ran while the first was still committing
		assertThat(commits).hasSize(3);
		assertThat(this.dialect.answers).isEmpty();
		commits.get(0).complete("m1");
		commits.get(1).completeExceptionally(DomainException.forbidden("no"));
		commits.get(2).complete("m3");
		assertThat(this.dialect.answers).containsExactly("ok m1", "FORBIDDEN", "ok m3");
		assertThat(count("send", "ok")).isEqualTo(2);
		assertThat(count("send", "FORBIDDEN")).isEqualTo(1);
	}

	@Test
	void anyOtherCommandWaitsUntilTheSocketsEarlierSendsAreAnswered() throws Exception {
		CompletableFuture<Object> commit = new CompletableFuture<>();
		this.router.onPipelined(this.dialect, "send", (socket, caller, args) -> commit);
		this.router.on(this.dialect, "leave", (socket, caller, args) -> "left");
		this.router.dispatch(this.socket, "send", new JsonNode[0], null);

		Thread next = Thread
			.startVirtualThread(() -> this.router.dispatch(this.socket, "leave", new JsonNode[0], null));
		next.join(200);
		assertThat(next.isAlive()).isTrue();
		assertThat(this.dialect.answers).isEmpty();

		commit.complete("m1");
		next.join();
		assertThat(this.dialect.answers).containsExactly("ok m1", "ok left");
	}

	@Test
	void aPipelinedCommandRefusedAtOnceIsAnsweredAfterTheSocketsEarlierSends() throws Exception {
		CompletableFuture<Object> commit = new CompletableFuture<>();
		this.router.onPipelined(this.dialect, "send", (socket, caller, args) -> {
			if (args.length > 0) {
				throw DomainException.invalid("empty");
			}
			return commit;
		});
		this.router.dispatch(this.socket, "send", new JsonNode[0], null);

		Thread refused = Thread
			.startVirtualThread(() -> this.router.dispatch(this.socket, "send", new JsonNode[] { null }, null));
		refused.join(200);
		assertThat(this.dialect.answers).as("not answered before the send ahead of it").isEmpty();

		commit.complete("m1");
		refused.join();
		assertThat(this.dialect.answers).containsExactly("ok m1", "VALIDATION_FAILED");
	}

	@Test
	void aSendThatCannotBeQueuedWaitsForTheSocketsEarlierSendsBeforeItIsStored() throws Exception {
		CompletableFuture<Object> commit = new CompletableFuture<>();
		List<String> stored = new ArrayList<>();
		this.router.onPipelined(this.dialect, "send", (socket, caller, args) -> {
			if (args.length == 0) {
				return commit.thenApply((done) -> {
					stored.add("text");
					return done;
				});
			}
			// files stored with their message in one transaction
			CommandRouter.awaitEarlierSends(socket);
			stored.add("files");
			return CompletableFuture.completedFuture("m2");
		});
		this.router.dispatch(this.socket, "send", new JsonNode[0], null);

		Thread withFiles = Thread
			.startVirtualThread(() -> this.router.dispatch(this.socket, "send", new JsonNode[] { null }, null));
		withFiles.join(200);
		assertThat(stored).isEmpty();

		commit.complete("m1");
		withFiles.join();
		assertThat(stored).containsExactly("text", "files");
		assertThat(this.dialect.answers).containsExactly("ok m1", "ok m2");
	}

	@Test
	void aSocketHasAtMostABoundedNumberOfSendsOutstanding() throws Exception {
		List<CompletableFuture<Object>> commits = new ArrayList<>();
		this.router.onPipelined(this.dialect, "send", (socket, caller, args) -> {
			CompletableFuture<Object> commit = new CompletableFuture<>();
			commits.add(commit);
			return commit;
		});
		for (int i = 0; i < PipelinedSends.MAX_IN_FLIGHT; i++) {
			this.router.dispatch(this.socket, "send", new JsonNode[0], null);
		}

		Thread oneMore = Thread
			.startVirtualThread(() -> this.router.dispatch(this.socket, "send", new JsonNode[0], null));
		oneMore.join(200);
		assertThat(oneMore.isAlive()).isTrue();

		commits.get(0).complete("m1");
		oneMore.join();
		assertThat(commits).hasSize(PipelinedSends.MAX_IN_FLIGHT + 1);
	}

	private long count(String command, String outcome) {
		return this.registry.get("orderchat.commands").tag("command", command).tag("outcome", outcome).timer().count();
	}

	/** A vocabulary that records its answers. */
	static final class Answers implements Dialect {

		final List<String> answers = new ArrayList<>();

		@Override
		public String name() {
			return "test";
		}

		@Override
		public boolean spokenByDefault() {
			return true;
		}

		@Override
		public void register(CommandRouter router) {
		}

		@Override
		public void render(ChatEvent event, Emitter emitter) {
		}

		@Override
		public void succeeded(Ack ack, Object data) {
			this.answers.add("ok " + data);
		}

		@Override
		public void failed(SocketIoSocket socket, String command, Ack ack, DomainException error) {
			this.answers.add(error.code().name());
		}

	}

}
