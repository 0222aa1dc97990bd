package io.orderchat.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A Redis Cluster of a test's own: three masters, without replicas or with one each
 * ({@code redis-server
 * --cluster-enabled yes}, joined by {@code redis-cli --cluster create}), keeping nothing
 * on disk but their cluster files in a temporary folder. A test without Debian's
 * {@code redis-server} fails (bin/cluster-tools installs it) instead of passing without
 * having run.
 * <p>
 * Ports come from 7100–7189 (a Redis Cluster node also listens on its port + 10000, so
 * the OS's ephemeral ports, above 32767, do not fit); a port in use is skipped.
 */
public final class RedisCluster implements AutoCloseable {

	private static final int FIRST_PORT = 7100;

	private static final int LAST_PORT = 7189;

	private static final int MASTERS = 3;

	private final Path directory;

	private final List<Integer> ports;

	private final int replicas;

	private final List<Process> processes = new ArrayList<>();

	private final List<ProcessBuilder> commands = new ArrayList<>();

	private RedisCluster(Path directory, List<Integer> ports, int replicas) {
		this.directory = directory;
		this.ports = ports;
		this.replicas = replicas;
	}

	/** Three masters, no replicas. */
	public static RedisCluster start() {
		return start(0);
	}

	/**
	 * Three masters with one replica each: a master killed is replaced by its replica
	 * after the node timeout (2 s).
	 */
	public static RedisCluster withReplicas() {
		return start(1);
	}

	private static RedisCluster start(int replicas) {
		Path directory;
		try {
			Files.createDirectories(Path.of("target", "server-processes"));
			directory = Files.createTempDirectory(Path.of("target", "server-processes").toAbsolutePath(),
					"redis-cluster-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		RedisCluster cluster = new RedisCluster(directory, freePorts(MASTERS * (1 + replicas)), replicas);
		try {
			cluster.startNodes();
			cluster.join();
			return cluster;
		}
		catch (RuntimeException ex) {
			cluster.close();
			throw ex;
		}
	}

	/**
	 * {@code redis-cluster://} with every node as a seed, as an operator would set it.
	 */
	public String url() {
		return "redis-cluster://"
				+ this.ports.stream().map((port) -> "127.0.0.1:" + port).collect(Collectors.joining(","));
	}

	/**
	 * One node's own address ({@code redis://}), which a cluster client must not be
	 * given.
	 */
	public String nodeUrl(int index) {
		return "redis://127.0.0.1:" + this.ports.get(index);
	}

	public List<Integer> ports() {
		return this.ports;
	}

	/** Runs {@code redis-cli -p <node's port> <arguments>} and answers its output. */
	public String cli(int node, String... arguments) {
		List<String> command = new ArrayList<>(List.of("redis-cli", "-p", Integer.toString(this.ports.get(node))));
		command.addAll(List.of(arguments));
		return run(command, 10);
	}

	private void startNodes() {
		for (int port : this.ports) {
			this.commands.add(new ProcessBuilder(List.of("redis-server", "--port", Integer.toString(port), "--bind",
					"127.0.0.1", "--cluster-enabled", "yes", "--cluster-config-file",
					this.directory.resolve("nodes-" + port + ".conf").toString(), "--cluster-node-timeout", "2000",
					"--cluster-replica-validity-factor", "0", "--dir", this.directory.toString(), "--save", "",
					"--appendonly", "no"))
				.redirectErrorStream(true)
				.redirectOutput(
						ProcessBuilder.Redirect.appendTo(this.directory.resolve("redis-" + port + ".log").toFile())));
			this.processes.add(launch(this.commands.getLast()));
		}
		for (int i = 0; i < this.ports.size(); i++) {
			await(i, "PONG", "ping");
		}
	}

	private static Process launch(ProcessBuilder command) {
		try {
			return command.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(
					"redis-server (Debian's redis-server package; bin/cluster-tools installs it) could not start", ex);
		}
	}

	/** {@code kill -9} of one master: its slots are not served until it comes back. */
	public void kill(int node) {
		this.processes.get(node).destroyForcibly();
		try {
			this.processes.get(node).waitFor(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Starts a killed master again: it keeps its identity and slots (its cluster file)
	 * but no data, and the cluster serves every slot again.
	 */
	public void restart(int node) {
		this.processes.set(node, launch(this.commands.get(node)));
		for (int i = 0; i < this.ports.size(); i++) {
			await(i, "cluster_state:ok", "cluster", "info");
		}
	}

	/** Waits until every node still running says the cluster serves every slot. */
	public void awaitServing() {
		for (int i = 0; i < this.ports.size(); i++) {
			if (this.processes.get(i).isAlive()) {
				await(i, "cluster_state:ok", "cluster", "info");
			}
		}
	}

	/** The index of the master that serves {@code slot}. */
	public int ownerOf(int slot) {
		for (int node = 0; node < this.ports.size(); node++) {
			String myself = cli(node, "cluster", "nodes").lines()
				.filter((line) -> line.contains("myself"))
				.findFirst()
				.orElseThrow();
			String[] fields = myself.split(" ");
			for (int i = 8; i < fields.length; i++) {
				String[] range = fields[i].split("-");
				int first = Integer.parseInt(range[0]);
				int last = (range.length > 1) ? Integer.parseInt(range[1]) : first;
				if (first <= slot && slot <= last) {
					return node;
				}
			}
		}
		throw new IllegalStateException("No master serves slot " + slot);
	}

	/**
	 * Moves an empty slot to another master the way {@code redis-cli --cluster reshard}
	 * does: importing at the target, migrating at the source, then owned by the target.
	 */
	public void moveSlot(int slot, int to) {
		int from = ownerOf(slot);
		String source = cli(from, "cluster", "myid").strip();
		String target = cli(to, "cluster", "myid").strip();
		String at = Integer.toString(slot);
		cli(to, "cluster", "setslot", at, "importing", source);
		cli(from, "cluster", "setslot", at, "migrating", target);
		for (int node : List.of(to, from)) {
			cli(node, "cluster", "setslot", at, "node", target);
		}
		for (int node = 0; node < this.ports.size(); node++) {
			if (node != to && node != from) {
				cli(node, "cluster", "setslot", at, "node", target);
			}
		}
	}

	private void join() {
		List<String> command = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
		this.ports.forEach((port) -> command.add("127.0.0.1:" + port));
		command.addAll(List.of("--cluster-replicas", Integer.toString(this.replicas), "--cluster-yes"));
		run(command, 30);
		for (int i = 0; i < this.ports.size(); i++) {
			await(i, "cluster_state:ok", "cluster", "info");
		}
		for (int i = 0; i < this.ports.size(); i++) {
			if (cli(i, "role").startsWith("slave")) {
				await(i, "master_link_status:up", "info", "replication");
			}
		}
	}

	/**
	 * Waits until the other nodes hold a killed master failed and serve its slots again,
	 * from its replica.
	 */
	public void awaitFailover(int killed) {
		int witness = (killed + 1) % this.ports.size();
		String failed = "127.0.0.1:" + this.ports.get(killed) + "@";
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (System.nanoTime() < deadline) {
			boolean markedFailed = cli(witness, "cluster", "nodes").lines()
				.anyMatch((line) -> line.contains(failed) && line.contains(",fail "));
			if (markedFailed && cli(witness, "cluster", "info").contains("cluster_state:ok")) {
				return;
			}
			sleep(100);
		}
		throw new IllegalStateException(
				"No failover of the node on " + this.ports.get(killed) + "; see " + this.directory);
	}

	private void await(int node, String expected, String... command) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		String answer = "";
		while (System.nanoTime() < deadline) {
			if (!this.processes.get(node).isAlive()) {
				break;
			}
			try {
				answer = cli(node, command);
				if (answer.contains(expected)) {
					return;
				}
			}
			catch (IllegalStateException notYet) {
				answer = notYet.getMessage();
			}
			sleep(100);
		}
		throw new IllegalStateException("Redis Cluster node on " + this.ports.get(node) + " did not answer " + expected
				+ " (last: " + answer.strip() + "); see " + this.directory);
	}

	private static String run(List<String> command, int seconds) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException(String.join(" ", command) + " ran past " + seconds + " s");
			}
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (process.exitValue() != 0) {
				throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
			}
			return output;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(
					"redis-cli (Debian's redis-tools, which redis-server brings; bin/cluster-tools installs it) could not run",
					ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static List<Integer> freePorts(int count) {
		List<Integer> ports = new ArrayList<>();
		for (int port = FIRST_PORT; port <= LAST_PORT && ports.size() < count; port++) {
			if (free(port) && free(port + 10_000)) {
				ports.add(port);
			}
		}
		if (ports.size() < count) {
			throw new IllegalStateException("No " + count + " free ports in " + FIRST_PORT + "-" + LAST_PORT);
		}
		return ports;
	}

	private static boolean free(int port) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(false);
			socket.bind(new InetSocketAddress("127.0.0.1", port));
			return true;
		}
		catch (IOException inUse) {
			return false;
		}
	}

	@Override
	public void close() {
		for (Process process : this.processes) {
			process.destroyForcibly();
		}
		for (Process process : this.processes) {
			try {
				process.waitFor(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
