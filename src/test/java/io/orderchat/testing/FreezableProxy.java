package io.orderchat.testing;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy between a server and its database, to play an outage without stopping the
 * shared database: {@link #freeze()} stops forwarding while every connection stays open
 * (a database that went silent: a crashed host, a network partition), {@link #cut()}
 * closes every connection (a restart), {@link #thaw()} forwards again. One virtual thread
 * per direction per connection.
 */
public final class FreezableProxy implements AutoCloseable {

	private final ServerSocket listener;

	private final String targetHost;

	private final int targetPort;

	private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

	private final Object gate = new Object();

	private volatile boolean frozen;

	private volatile boolean closed;

	private FreezableProxy(String targetHost, int targetPort) throws IOException {
		this.targetHost = targetHost;
		this.targetPort = targetPort;
		this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread.ofVirtual().name("proxy-accept").start(this::accept);
	}

	/** A proxy on a free loopback port that forwards to {@code host:port}. */
	public static FreezableProxy to(String host, int port) {
		try {
			return new FreezableProxy(host, port);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public int port() {
		return this.listener.getLocalPort();
	}

	/**
	 * Stops forwarding in both directions; connections stay open, new ones are accepted.
	 */
	public void freeze() {
		this.frozen = true;
	}

	/** Forwards again, what waited included. */
	public void thaw() {
		synchronized (this.gate) {
			this.frozen = false;
			this.gate.notifyAll();
		}
	}

	/** Closes every connection (new ones are still accepted). */
	public void cut() {
		this.sockets.forEach(FreezableProxy::closeQuietly);
		this.sockets.clear();
	}

	@Override
	public void close() {
		this.closed = true;
		closeQuietly(this.listener);
		thaw();
		cut();
	}

	private void accept() {
		while (!this.closed) {
			try {
				Socket client = this.listener.accept();
				Thread.ofVirtual().start(() -> connect(client));
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void connect(Socket client) {
		this.sockets.add(client);
		awaitThawed();
		Socket server = new Socket();
		try {
			server.connect(new InetSocketAddress(this.targetHost, this.targetPort), 5000);
		}
		catch (IOException ex) {
			closeQuietly(client);
			return;
		}
		this.sockets.add(server);
		Thread.ofVirtual().start(() -> pump(client, server));
		Thread.ofVirtual().start(() -> pump(server, client));
	}

	private void pump(Socket from, Socket to) {
		byte[] buffer = new byte[16384];
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			int read;
			while ((read = in.read(buffer)) >= 0) {
				// what arrives while frozen is held, as a silent network would
				awaitThawed();
				out.write(buffer, 0, read);
				out.flush();
			}
		}
		catch (IOException ex) {
			// one side closed
		}
		finally {
			closeQuietly(from);
			closeQuietly(to);
			this.sockets.remove(from);
			this.sockets.remove(to);
		}
	}

	private void awaitThawed() {
		synchronized (this.gate) {
			while (this.frozen && !this.closed) {
				try {
					this.gate.wait(100);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	private static void closeQuietly(Closeable closeable) {
		try {
			closeable.close();
		}
		catch (IOException ignored) {
			// already closed
		}
	}

}
