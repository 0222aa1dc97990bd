package io.orderchat.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.orderchat.testing.RedisServer;

/**
 * Starts the servers a scenario compares, or points at running ones: OrderChat from the built
 * jar against PostgreSQL (database {@code orderchat_bench}) with {@code JWT_SECRET} set, and the
 * socket.io peer from {@code ../shared/bench-peer} ({@code npm ci} once, then
 * {@code node server.mjs}, moved to port 3200 by default).
 */
final class Servers {

	/**
	 * The peer listens on 3000, hard-coded; on a machine where 3000 is taken (by another
	 * OrderChat, say) this preloaded shim moves that one listen call to {@code PEER_PORT}, leaving
	 * the peer's own code untouched.
	 */
	private static final String PORT_SHIM = "import http from \"node:http\"; const port = Number(process.env.PEER_PORT); "
			+ "const listen = http.Server.prototype.listen; http.Server.prototype.listen = function (p, ...rest) "
			+ "{ return listen.call(this, p === 3000 ? port : p, ...rest); };";

	/** The rate limits and caps raised for a benchmark run (the {@code LIMIT_*} settings). */
	private static final List<String> BENCH_LIMITS = List.of("MESSAGES_PER_SECOND", "MESSAGE_BURST", "ORDERS_PER_MINUTE",
			"UPLOADS_PER_MINUTE", "REQUESTS_PER_SECOND_PER_IP", "REQUEST_BURST_PER_IP", "SOCKETS_PER_USER",
			"JOINS_PER_SOCKET");

	private static boolean runJarCopied;

	private Servers() {
	}

	static Database database(Options options) {
		return new Database(options.text("db-url", "jdbc:postgresql://127.0.0.1:5432/orderchat_bench"),
				options.text("db-user", "postgres"), options.text("db-password", ""));
	}

	static String secret(Options options) {
		return options.text("jwt-secret", Tokens.DEFAULT_SECRET);
	}

	static Target orderChat(Options options, Path output) throws IOException, InterruptedException {
		String url = options.text("orderchat-url", null);
		if (url != null) {
			URI uri = URI.create(url);
			long pid = Long.parseLong(options.text("orderchat-pid", "-1"));
			return new Target(Target.Kind.ORDERCHAT, uri.getHost(), uri.getPort(), pid, null);
		}
		Database database = database(options);
		database.create();
		// before the server starts, so that no scenario's first round gets the pause
		database.analyze();
		int port = Integer.parseInt(options.text("orderchat-port", "3100"));
		return orderChatNode(options, output, port, database, Map.of(), "orderchat.log");
	}

	/**
	 * {@code nodes} OrderChat nodes on the ports after {@code --orderchat-port}, sharing a
	 * redis-server of their own on a free port and {@code database}: the cluster mode of
	 * docs/benchmarks.md.
	 */
	static Target orderChatCluster(Options options, Path output, int nodes, Database database)
			throws IOException, InterruptedException {
		RedisServer redis = RedisServer.start();
		List<Target> started = new ArrayList<>();
		try {
			int first = Integer.parseInt(options.text("orderchat-port", "3100")) + 1;
			for (int i = 0; i < nodes; i++) {
				started.add(orderChatNode(options, output, first + i, database,
						Map.of("REDIS_URL", redis.url(), "NODE_ID", "bench-node" + (i + 1),
								"UPLOAD_SIGNING_SECRET", "bench-download-links-" + secret(options)),
						"orderchat-node" + (i + 1) + ".log"));
			}
		}
		catch (IOException | RuntimeException ex) {
			started.forEach(Target::close);
			redis.close();
			throw ex;
		}
		return Target.cluster("orderchat " + nodes + " nodes", started, redis);
	}

	static Target orderChatNode(Options options, Path output, int port, Database database,
			Map<String, String> environment, String logName) throws IOException, InterruptedException {
		refuseBusy(port, "OrderChat");
		Path jar = jar(output);
		List<String> command = pinned(options);
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		for (String opt : options.text("server-java-opts", "-Xmx1g").split(" ")) {
			if (!opt.isBlank()) {
				command.add(opt);
			}
		}
		Path aotCache = Path.of("target", "app", "orderchat.aot");
		if (!"off".equals(options.text("aot", "on")) && Files.isRegularFile(aotCache)) {
			// the extracted jar the cache was trained on (bin/aot): start warm
			command.addAll(List.of("-XX:AOTCache=" + aotCache, "-jar", "target/app/orderchat.jar"));
		}
		else {
			command.addAll(List.of("-jar", jar.toString()));
		}
		command.add("--server.port=" + port);
		// The generator is one address opening thousands of connections at once: the
		// per-address limits are for scripts, not for this one.
		command.addAll(List.of("--orderchat.socketio.limits.handshake-burst=1000000",
				"--orderchat.socketio.limits.handshakes-per-second=1000000",
				"--orderchat.socketio.limits.connections-per-address=1000000",
				"--orderchat.socketio.limits.pending-connections=1000000"));
		Path log = output.resolve(logName);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().put("JWT_SECRET", secret(options));
		builder.environment().put("DATABASE_URL", database.url());
		builder.environment().put("DATABASE_USER", database.user());
		builder.environment().put("DATABASE_PASSWORD", database.password());
		// Load comes from one address and few users far faster than a person: the limits
		// would measure themselves, not the server (docs/benchmarks.md).
		for (String limit : BENCH_LIMITS) {
			builder.environment().put("LIMIT_" + limit, "1000000000");
		}
		builder.environment().putAll(environment);
		Process process = builder.start();
		Target target = new Target(Target.Kind.ORDERCHAT, "127.0.0.1", port, process.pid(), process);
		awaitHttp(process, target.baseUrl() + "/actuator/health/readiness", Duration.ofSeconds(180), log);
		return target;
	}

	/**
	 * The start of a server's command line: with {@code --server-cpus=<list>} the server
	 * runs on those CPUs only ({@code taskset}), so that a generator pinned elsewhere
	 * ({@code --generator-cpus}, applied by bin/bench) does not take its time slices.
	 * Without it the server may use every CPU, even when the generator itself is pinned.
	 */
	static List<String> pinned(Options options) {
		List<String> command = new ArrayList<>();
		String cpus = options.text("server-cpus", "");
		if (!cpus.isBlank()) {
			command.addAll(List.of("taskset", "-c", cpus));
		}
		else if (!options.text("generator-cpus", "").isBlank()) {
			// undo the affinity the server would inherit from the pinned generator
			command.addAll(List.of("taskset", "-c", onlineCpus()));
		}
		return command;
	}

	private static String onlineCpus() {
		try {
			return Files.readString(Path.of("/sys/devices/system/cpu/online")).strip();
		}
		catch (IOException ex) {
			return "0-" + (Runtime.getRuntime().availableProcessors() - 1);
		}
	}

	static Target peer(Options options, Path output) throws IOException, InterruptedException {
		Path dir = Path.of(options.text("peer-dir", "../shared/bench-peer")).toAbsolutePath().normalize();
		if (!Files.exists(dir.resolve("server.mjs"))) {
			throw new IOException("no socket.io peer at " + dir + " (set --peer-dir, or --peer=off)");
		}
		int port = Integer.parseInt(options.text("peer-port", "3200"));
		refuseBusy(port, "the socket.io peer");
		dir = installedCopy(dir, "bench-peer", List.of("server.mjs", "package.json", "package-lock.json"));
		String shim = "data:text/javascript;base64,"
				+ Base64.getEncoder().encodeToString(PORT_SHIM.getBytes(StandardCharsets.UTF_8));
		List<String> command = pinned(options);
		command.addAll(List.of("node", "--import", shim, "server.mjs"));
		ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(output.resolve("peer.log").toFile());
		builder.environment().put("PEER_PORT", Integer.toString(port));
		Process process = builder.start();
		Target target = new Target(Target.Kind.PEER, "127.0.0.1", port, process.pid(), process);
		awaitHttp(process, target.baseUrl() + "/api/ping", Duration.ofSeconds(30), output.resolve("peer.log"));
		return target;
	}

	/**
	 * {@code nodes} processes of the peer with {@code @socket.io/redis-adapter}
	 * (src/bench/peer-cluster: the shared peer's bench events on a socket.io that takes an
	 * adapter) on the ports after {@code --peer-port}, sharing a redis-server of their own.
	 */
	static Target peerCluster(Options options, Path output, int nodes) throws IOException, InterruptedException {
		Path dir = installedCopy(Path.of("src/bench/peer-cluster").toAbsolutePath(), "bench-peer-cluster",
				List.of("server.mjs", "package.json", "package-lock.json"));
		RedisServer redis = RedisServer.start();
		List<Target> started = new ArrayList<>();
		try {
			int first = Integer.parseInt(options.text("peer-port", "3200")) + 1;
			for (int i = 0; i < nodes; i++) {
				int port = first + i;
				refuseBusy(port, "the socket.io peer");
				Path log = output.resolve("peer-node" + (i + 1) + ".log");
				List<String> command = pinned(options);
				command.addAll(List.of("node", "server.mjs"));
				ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
					.redirectErrorStream(true)
					.redirectOutput(log.toFile());
				builder.environment().put("PEER_PORT", Integer.toString(port));
				builder.environment().put("REDIS_URL", redis.url());
				builder.environment().put("PEER_ADAPTER", options.text("peer-adapter", "sharded"));
				Process process = builder.start();
				Target node = new Target(Target.Kind.PEER, "127.0.0.1", port, process.pid(), process);
				started.add(node);
				awaitHttp(process, node.baseUrl() + "/api/ping", Duration.ofSeconds(30), log);
			}
		}
		catch (IOException | RuntimeException ex) {
			started.forEach(Target::close);
			redis.close();
			throw ex;
		}
		return Target.cluster("socket.io " + nodes + " nodes", started, redis);
	}

	/**
	 * The peer installed in a copy under target/: the shared folder it comes from is not
	 * ours to write {@code node_modules} into.
	 */
	private static Path installedCopy(Path source, String name, List<String> files)
			throws IOException, InterruptedException {
		Path copy = Path.of("target", name).toAbsolutePath();
		Files.createDirectories(copy);
		for (String file : files) {
			Files.copy(source.resolve(file), copy.resolve(file), StandardCopyOption.REPLACE_EXISTING);
		}
		if (!Files.isDirectory(copy.resolve("node_modules"))) {
			Process install = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
				.directory(copy.toFile())
				// Output only: a Node process given our stdin makes it non-blocking, and a
				// test JVM reading commands from it then fails (surefire's "std/in stream
				// corrupted").
				.redirectOutput(ProcessBuilder.Redirect.INHERIT)
				.redirectError(ProcessBuilder.Redirect.INHERIT)
				.start();
			if (install.waitFor() != 0) {
				throw new IOException("npm ci failed in " + copy);
			}
		}
		return copy;
	}

	private static void refuseBusy(int port, String what) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
		}
		catch (IOException free) {
			return;
		}
		throw new IOException("port " + port + " is already in use; cannot start " + what
				+ " (stop whatever listens there, or point the generator at it with --orderchat-url)");
	}

	/**
	 * The built jar, copied once per run into the output folder: a build during a long run
	 * (a test, say) rewrites target/'s jar under servers that still load classes from it.
	 */
	private static synchronized Path jar(Path output) throws IOException {
		Path copy = output.resolve("orderchat-server.jar");
		if (runJarCopied) {
			return copy;
		}
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			Path built = files
				.filter((file) -> file.getFileName().toString().matches("orderchat-.*\\.jar")
						&& !file.getFileName().toString().endsWith("-tests.jar"))
				.findFirst()
				.orElseThrow(() -> new IOException("no target/orderchat-*.jar: build it first (bin/bench does)"));
			Files.copy(built, copy, StandardCopyOption.REPLACE_EXISTING);
			runJarCopied = true;
			return copy;
		}
	}

	private static void awaitHttp(Process process, String url, Duration timeout, Path log)
			throws IOException, InterruptedException {
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(2))
			.build();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IOException("server exited during start; see " + log);
			}
			try {
				HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
						HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				// still starting
			}
			Thread.sleep(250);
		}
		process.destroyForcibly();
		throw new IOException("server did not answer " + url + " within " + timeout + "; see " + log);
	}

	/** The benchmark database; created on first use, kept so that seeded history is reused. */
	record Database(String url, String user, String password) {

		void create() {
			String admin = this.url.substring(0, this.url.lastIndexOf('/') + 1) + "postgres";
			String name = this.url.substring(this.url.lastIndexOf('/') + 1);
			try (var connection = DriverManager.getConnection(admin, this.user, this.password);
					var statement = connection.createStatement()) {
				var exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?");
				exists.setString(1, name);
				if (!exists.executeQuery().next()) {
					statement.execute("CREATE DATABASE " + name);
				}
			}
			catch (SQLException ex) {
				throw new IllegalStateException("cannot create database " + name + ": " + ex.getMessage(), ex);
			}
		}

		/**
		 * Gathers the planner's statistics, as autovacuum would: the database is kept between
		 * runs and grows with each, and a PostgreSQL with autovacuum off (this machine's)
		 * never gathers them itself. Without them it plans, for example, the users cache's
		 * MERGE of 500 rows as a scan of every user (88 ms instead of 3.5 ms).
		 */
		void analyze() {
			try (var connection = DriverManager.getConnection(this.url, this.user, this.password);
					var statement = connection.createStatement()) {
				statement.execute("ANALYZE");
			}
			catch (SQLException ex) {
				throw new IllegalStateException("cannot analyze " + this.url + ": " + ex.getMessage(), ex);
			}
		}

		/** The same server's database {@code name}, dropped if it exists and created empty. */
		Database fresh(String name) {
			String admin = this.url.substring(0, this.url.lastIndexOf('/') + 1) + "postgres";
			try (var connection = DriverManager.getConnection(admin, this.user, this.password);
					var statement = connection.createStatement()) {
				statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
				statement.execute("CREATE DATABASE " + name);
			}
			catch (SQLException ex) {
				throw new IllegalStateException("cannot create database " + name + ": " + ex.getMessage(), ex);
			}
			return new Database(this.url.substring(0, this.url.lastIndexOf('/') + 1) + name, this.user, this.password);
		}

		java.sql.Connection connect() throws SQLException {
			return DriverManager.getConnection(this.url, this.user, this.password);
		}

		/**
		 * CPU time so far of the PostgreSQL backends connected to this database, by process
		 * id; empty when PostgreSQL is not on this machine (its processes are not ours to
		 * read) or cannot be asked. PostgreSQL's shared processes (WAL writer, checkpointer)
		 * serve every database and are not counted.
		 */
		Map<Long, Long> backendCpuNanos() {
			String host = this.url.replaceFirst("^jdbc:postgresql://([^:/]+).*$", "$1");
			if (!host.equals("127.0.0.1") && !host.equals("localhost")) {
				return Map.of();
			}
			Map<Long, Long> cpu = new java.util.HashMap<>();
			try (var connection = connect();
					var query = connection.prepareStatement(
							"SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
					var rows = query.executeQuery()) {
				while (rows.next()) {
					// a PostgreSQL in a container reports its own namespace's ids: the same id
					// here may be another process
					if (!ProcessProbe.isPostgres(rows.getLong(1))) {
						return Map.of();
					}
					long nanos = ProcessProbe.cpuNanos(rows.getLong(1));
					if (nanos >= 0) {
						cpu.put(rows.getLong(1), nanos);
					}
				}
			}
			catch (SQLException ex) {
				return Map.of();
			}
			return cpu;
		}

		/** CPU the backends used between two readings; a backend new since then counts whole. */
		static long cpuBetween(Map<Long, Long> before, Map<Long, Long> after) {
			long used = 0;
			for (Map.Entry<Long, Long> backend : after.entrySet()) {
				used += backend.getValue() - before.getOrDefault(backend.getKey(), 0L);
			}
			return used;
		}

	}

}
