package io.orderchat.realtime.gateway;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import io.orderchat.identity.Caller;
import io.orderchat.shared.DatabaseOutage;
import io.orderchat.shared.DomainException;
import io.orderchat.shared.ErrorCode;
import io.orderchat.shared.Inputs;
import io.orderchat.socketio.Ack;
import io.orderchat.socketio.SocketIoSocket;
import tools.jackson.databind.JsonNode;

/**
 * The one table of client commands, filled by every dialect at start-up and shared by all
 * sockets (a socket carries a single dispatching handler, not one per command). Running a
 * command checks the caller's token is still valid, calls the command and answers in the
 * command's dialect. Whatever the command throws becomes an error answer with a stable
 * code; the connection stays up, except that an expired session is told so and closed.
 * <p>
 * Two dialects may use the same event name (seed 001 and seed 003 both send
 * {@code typing}); the one whose payload test accepts the arguments runs, a dialect
 * without a test last.
 */
public final class CommandRouter {

	private static final Logger log = LoggerFactory.getLogger(CommandRouter.class);

	/**
	 * Deeper than the parser lets a payload nest (Jackson's nesting limit): the walk for
	 * NUL characters need not guard its stack itself, but does.
	 */
	private static final int MAX_WALK_DEPTH = 1000;

	/**
	 * Made once: answering a failure must not need memory the failure may have used up.
	 */
	private static final DomainException INTERNAL = new DomainException(ErrorCode.INTERNAL,
			"Something went wrong on the server; please try again");

	private final Map<String, List<Route>> routes = new ConcurrentHashMap<>();

	/** On every log line a command causes, as REST lines carry the request's. */
	static final String LOG_SOCKET_ID = "socketId";

	static final String LOG_USER_ID = "userId";

	private final Clock clock;

	private final RealtimeMetrics metrics;

	public CommandRouter(Clock clock, RealtimeMetrics metrics) {
		this.clock = clock;
		this.metrics = metrics;
	}

	/** A command's body; its result is the data of the answer. */
	@FunctionalInterface
	public interface Command {

		Object run(SocketIoSocket socket, Caller caller, JsonNode[] args) throws Exception;

	}

	private record Route(Dialect dialect, Predicate<JsonNode[]> accepts, Command command, boolean pipelined) {
	}

	/**
	 * Registers a command of a vocabulary's catalogue: vocabularies name their commands
	 * only through it, so every command on the wire is in a catalogue.
	 */
	public void on(Dialect dialect, WireEvent command, Command body) {
		on(dialect, command.wireName(), body);
	}

	/**
	 * A command whose body returns a {@link CompletionStage} (a send waiting for its
	 * commit): answered when it completes, and the socket's next pipelined command may
	 * run meanwhile, any other one only after it ({@link PipelinedSends}).
	 */
	public void onPipelined(Dialect dialect, WireEvent command, Command body) {
		onPipelined(dialect, command.wireName(), body);
	}

	void onPipelined(Dialect dialect, String event, Command command) {
		this.routes.computeIfAbsent(event, (name) -> new CopyOnWriteArrayList<>())
			.add(new Route(dialect, null, command, true));
	}

	/**
	 * For a pipelined command's send that cannot be queued behind the socket's earlier
	 * ones (files stored with their message in one transaction, an internal note): waits
	 * until those are committed and answered, so that it is stored and answered after
	 * them. Call it on the command's thread, before storing.
	 */
	public static void awaitEarlierSends(SocketIoSocket socket) {
		PipelinedSends.of(socket).awaitTurn(false);
	}

	/** A catalogue's command shared by name with another vocabulary (see below). */
	public void on(Dialect dialect, WireEvent command, Predicate<JsonNode[]> accepts, Command body) {
		on(dialect, command.wireName(), accepts, body);
	}

	void on(Dialect dialect, String event, Command command) {
		this.routes.computeIfAbsent(event, (name) -> new CopyOnWriteArrayList<>())
			.add(new Route(dialect, null, command, false));
	}

	/**
	 * A command shared by name with another dialect: runs when {@code accepts} says so.
	 */
	void on(Dialect dialect, String event, Predicate<JsonNode[]> accepts, Command command) {
		this.routes.computeIfAbsent(event, (name) -> new CopyOnWriteArrayList<>())
			.addFirst(new Route(dialect, accepts, command, false));
	}

	/** The event names of every command of every dialect. */
	public Set<String> events() {
		return Set.copyOf(this.routes.keySet());
	}

	/**
	 * The event names of each dialect's commands, by {@link Dialect#name() dialect name}
	 * (read-only; for the authorization matrix's completeness check).
	 */
	public Map<String, Set<String>> eventsByDialect() {
		Map<String, Set<String>> events = new TreeMap<>();
		this.routes.forEach((event, routes) -> routes
			.forEach((route) -> events.computeIfAbsent(route.dialect().name(), (name) -> new TreeSet<>()).add(event)));
		return events;
	}

	/** Handles every event a socket sends. */
	public void dispatch(SocketIoSocket socket, String event, JsonNode[] args, Ack ack) {
		Route route = route(event, args);
		if (route == null) {
			DomainException error = new DomainException(ErrorCode.UNKNOWN_COMMAND, "Unknown event '" + event + "'");
			Dialect dialect = SocketSession.userDialect(socket);
			dialect.failed(socket, event, ack, error);
			// not the client's event name: the metric's tags stay bounded
			this.metrics.command(dialect.name(), "unknown", ErrorCode.UNKNOWN_COMMAND.name(), 0);
			return;
		}
		PipelinedSends.of(socket).awaitTurn(route.pipelined());
		long started = System.nanoTime();
		MDC.put(LOG_SOCKET_ID, socket.id());
		try {
			String outcome = run(route, socket, event, args, ack, started);
			if (outcome != null) {
				this.metrics.command(route.dialect().name(), event, outcome, System.nanoTime() - started);
			}
		}
		finally {
			MDC.remove(LOG_SOCKET_ID);
			MDC.remove(LOG_USER_ID);
		}
	}

	/**
	 * Runs a command and answers it; returns {@code ok} or the error code it answered, or
	 * null when a pipelined command will be answered (and measured) once it completes.
	 */
	private String run(Route route, SocketIoSocket socket, String event, JsonNode[] args, Ack ack, long started) {
		Dialect dialect = route.dialect();
		try {
			refuseNul(args);
			Caller caller = SocketSession.current(socket, this.clock);
			MDC.put(LOG_USER_ID, caller.userId());
			SocketSession.spoke(socket, dialect);
			Object result = route.command().run(socket, caller, args);
			if (route.pipelined() && result instanceof CompletionStage<?> later) {
				PipelinedSends.of(socket)
					.started(later.whenComplete((data, failure) -> answerLater(socket, caller, dialect, event, ack,
							data, failure, started)));
				return null;
			}
			dialect.succeeded(ack, result);
			return "ok";
		}
		catch (Exception | Error ex) {
			if (route.pipelined()) {
				// refused before it was queued (bad input, no access, the rate): answered
				// after the socket's earlier sends, as if it had waited for them, so a
				// client that reads answers in order (the seeds' error events carry no
				// id) matches each to its command
				awaitEarlierSends(socket);
			}
			return failed(socket, dialect, event, ack, ex);
		}
	}

	/**
	 * Answers a pipelined command on the thread that completed it (the commit writer, in
	 * commit order), with the command's log context.
	 */
	private void answerLater(SocketIoSocket socket, Caller caller, Dialect dialect, String event, Ack ack, Object data,
			Throwable failure, long started) {
		MDC.put(LOG_SOCKET_ID, socket.id());
		MDC.put(LOG_USER_ID, caller.userId());
		try {
			String outcome;
			if (failure == null) {
				try {
					dialect.succeeded(ack, data);
					outcome = "ok";
				}
				catch (RuntimeException | Error ex) {
					outcome = failed(socket, dialect, event, ack, ex);
				}
			}
			else {
				Throwable cause = (failure instanceof CompletionException) ? failure.getCause() : failure;
				outcome = failed(socket, dialect, event, ack, cause);
			}
			this.metrics.command(dialect.name(), event, outcome, System.nanoTime() - started);
		}
		finally {
			MDC.remove(LOG_SOCKET_ID);
			MDC.remove(LOG_USER_ID);
		}
	}

	/** Answers a failed command; returns the error code it answered. */
	private String failed(SocketIoSocket socket, Dialect dialect, String event, Ack ack, Throwable ex) {
		if (ex instanceof DomainException domain) {
			fail(socket, dialect, event, ack, domain);
			return domain.code().name();
		}
		if (DatabaseOutage.isOutage(ex)) {
			log.warn("Command {} failed, the database is unavailable: {}", event, ex.toString());
			fail(socket, dialect, event, ack, DatabaseOutage.unavailable(false));
			return ErrorCode.UNAVAILABLE.name();
		}
		// Errors too: an OutOfMemoryError while building a large answer still gets a
		// short answer, and never escapes to the socket's executor.
		failSafely(socket, dialect, event, ack, ex);
		return ErrorCode.INTERNAL.name();
	}

	/**
	 * Answers INTERNAL for an unexpected failure without failing itself: logging and the
	 * (small) answer may meet the same shortage of memory that caused it.
	 */
	private void failSafely(SocketIoSocket socket, Dialect dialect, String event, Ack ack, Throwable failure) {
		try {
			log.error("Command {} failed on socket {}", event, socket.id(), failure);
		}
		catch (RuntimeException | Error ignored) {
			// The answer matters more than the log line.
		}
		try {
			fail(socket, dialect, event, ack, INTERNAL);
		}
		catch (RuntimeException | Error ignored) {
			// Nothing more can be done for this command; the socket stays usable.
		}
	}

	/**
	 * Refuses arguments with the NUL character in any string or key, for every command of
	 * every dialect at once: no store can keep it (PostgreSQL refuses it) and no client
	 * needs it.
	 */
	private static void refuseNul(JsonNode[] args) {
		for (JsonNode arg : args) {
			String where = nulIn(arg, 0);
			if (where != null) {
				throw Payload.invalid(Inputs.nulMessage(where));
			}
		}
	}

	/** The field holding a NUL, or null when there is none. */
	private static String nulIn(JsonNode node, int depth) {
		if (node == null || depth > MAX_WALK_DEPTH) {
			return null;
		}
		if (node.isString()) {
			return (node.stringValue().indexOf('\0') >= 0) ? "value" : null;
		}
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> property : node.properties()) {
				if (property.getKey().indexOf('\0') >= 0) {
					return "key";
				}
				String inside = nulIn(property.getValue(), depth + 1);
				if (inside != null) {
					return inside.equals("value") ? property.getKey() : inside;
				}
			}
		}
		else if (node.isArray()) {
			for (JsonNode item : node) {
				String inside = nulIn(item, depth + 1);
				if (inside != null) {
					return inside;
				}
			}
		}
		return null;
	}

	private Route route(String event, JsonNode[] args) {
		List<Route> candidates = this.routes.get(event);
		if (candidates == null) {
			return null;
		}
		for (Route route : candidates) {
			if (route.accepts() == null || route.accepts().test(args)) {
				return route;
			}
		}
		return null;
	}

	private void fail(SocketIoSocket socket, Dialect dialect, String event, Ack ack, DomainException ex) {
		dialect.failed(socket, event, ack, ex);
		if (ex.code() == ErrorCode.TOKEN_EXPIRED) {
			SessionExpiry.expire(socket, ex);
		}
	}

}
