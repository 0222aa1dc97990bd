package io.orderchat.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What every scenario shares: the options, the event loops, the token signer, and the servers,
 * started on first use and stopped at the end.
 */
final class Context implements AutoCloseable {

	final Options options;

	final Path output;

	final Tokens tokens;

	final List<EventLoop> loops = new ArrayList<>();

	// A per-run tag keeps users, orders and rooms of separate runs apart in the same database.
	final String run = Long.toString(System.currentTimeMillis(), 36);

	private Target orderChat;

	private Target peer;

	private boolean closed;

	private Profiler profiler;

	private final List<Target> cluster = new ArrayList<>();

	private Servers.Database clusterDatabase;

	Context(Options options, Path output) {
		this.options = options;
		this.output = output;
		this.tokens = new Tokens(Servers.secret(options));
		int threads = options.integer("loops", Math.max(1, Runtime.getRuntime().availableProcessors()), 1);
		for (int i = 0; i < threads; i++) {
			this.loops.add(new EventLoop("bench-loop-" + i));
		}
	}

	Target orderChat() throws IOException, InterruptedException {
		if (this.orderChat == null) {
			this.orderChat = Servers.orderChat(this.options, this.output);
		}
		return this.orderChat;
	}

	boolean peerWanted() {
		return !"off".equals(this.options.text("peer", "on"));
	}

	Target peer() throws IOException, InterruptedException {
		if (this.peer == null) {
			this.peer = Servers.peer(this.options, this.output);
		}
		return this.peer;
	}

	/** The servers a side-by-side scenario compares, OrderChat first. */
	List<Target> sideBySide() throws IOException, InterruptedException {
		List<Target> targets = new ArrayList<>();
		if (!"off".equals(this.options.text("orderchat", "on"))) {
			targets.add(orderChat());
		}
		if (peerWanted()) {
			targets.add(peer());
		}
		return targets;
	}

	/**
	 * The servers a cluster scenario compares, named in {@code --targets} (else
	 * {@code defaults}): {@code orderchat} (one node), {@code orderchat-cluster}
	 * ({@code --nodes} nodes and a Redis), {@code peer} (one process), {@code peer-cluster}
	 * ({@code --nodes} processes with the Redis adapter and a Redis). They share a database
	 * created empty for the run and are started once per run, in that order.
	 */
	List<Target> clusterComparison(String defaults) throws IOException, InterruptedException {
		int nodes = this.options.integer("nodes", 2, 2);
		if (this.clusterDatabase == null) {
			this.clusterDatabase = Servers.database(this.options).fresh(this.options.text("cluster-db", "orderchat_bench_cluster"));
		}
		List<Target> targets = new ArrayList<>();
		for (String name : this.options.text("targets", defaults).split(",")) {
			Target target = switch (name.strip()) {
				case "orderchat" -> started("orderchat", () -> Servers.orderChatNode(this.options, this.output,
						Integer.parseInt(this.options.text("orderchat-port", "3100")), this.clusterDatabase, java.util.Map.of(),
						"orderchat.log"));
				case "orderchat-cluster" -> started("orderchat " + nodes + " nodes",
						() -> Servers.orderChatCluster(this.options, this.output, nodes, this.clusterDatabase));
				case "peer" -> started("socket.io", this::peer);
				case "peer-cluster" -> started("socket.io " + nodes + " nodes",
						() -> Servers.peerCluster(this.options, this.output, nodes));
				default -> throw new IllegalArgumentException(
						"--targets: unknown " + name + " (orderchat, orderchat-cluster, peer, peer-cluster)");
			};
			targets.add(target);
		}
		return targets;
	}

	Servers.Database clusterDatabase() {
		return this.clusterDatabase;
	}

	private Target started(String name, Start start) throws IOException, InterruptedException {
		for (Target target : this.cluster) {
			if (target.name().equals(name)) {
				return target;
			}
		}
		if ("socket.io".equals(name)) {
			return start.start();
		}
		Target target = start.start();
		this.cluster.add(target);
		return target;
	}

	private interface Start {

		Target start() throws IOException, InterruptedException;

	}

	/** The handshake auth of client {@code index}: a signed token for OrderChat, any for the peer. */
	String[] auths(Target target, String userPrefix, String role, int count) {
		String[] auths = new String[count];
		for (int i = 0; i < count; i++) {
			auths[i] = (target.kind() == Target.Kind.ORDERCHAT) ? this.tokens.auth(userPrefix + "-" + i, role)
					: "{\"token\":\"bench\"}";
		}
		return auths;
	}

	/** With {@code --profile}, starts recording OrderChat for the scenario's measured part. */
	void startProfile(Target target, String scenario) throws IOException {
		if (this.options.flag("profile") && this.profiler == null) {
			this.profiler = Profiler.start(target, this.output, scenario);
		}
	}

	void stopProfile(Result result) throws IOException {
		if (this.profiler != null) {
			this.profiler.stop(result, this.options.integer("profile-top", 15, 15));
			this.profiler = null;
		}
	}

	static long selfPid() {
		return ProcessHandle.current().pid();
	}

	@Override
	public synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		this.loops.forEach(EventLoop::close);
		if (this.orderChat != null) {
			this.orderChat.close();
		}
		if (this.peer != null) {
			this.peer.close();
		}
		this.cluster.forEach(Target::close);
	}

}
