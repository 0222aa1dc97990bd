package io.orderchat.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FleetTest {

	private final List<EventLoop> loops = List.of(new EventLoop("test-loop-0"), new EventLoop("test-loop-1"));

	private final FakeServer server = new FakeServer();

	@AfterEach
	void close() throws IOException {
		this.loops.forEach(EventLoop::close);
		this.server.close();
	}

	@Test
	void opensEveryClientWithinTheBoundOnHandshakesWithoutAHandOffPerConnection() throws Exception {
		Target target = new Target(Target.Kind.PEER, "127.0.0.1", this.server.port(), -1, null);
		try (Fleet fleet = new Fleet(this.loops, target, SioClient.Handler.NONE)) {
			fleet.connect(200, (i) -> "{\"token\":\"t" + i + "\"}", 8, Duration.ofSeconds(30));

			assertThat(fleet.failures()).isZero();
			assertThat(fleet.clients()).hasSize(200).allSatisfy((client) -> assertThat(client.isConnected()).isTrue());
			assertThat(fleet.clients()).extracting(SioClient::index).isSorted();
			assertThat(this.server.mostHandshakesAtOnce.get()).isBetween(1, 8);
			// one hand-over per loop to start, then each loop opens the next client
			// itself
			assertThat(this.loops.stream().mapToLong(EventLoop::handedOver).sum())
				.isLessThanOrEqualTo(this.loops.size());
		}
	}

	/**
	 * Just enough of a Socket.IO server: upgrade, Engine.IO open, answer the namespace
	 * connect.
	 */
	private static final class FakeServer implements AutoCloseable {

		private final ServerSocket socket;

		final AtomicInteger handshakes = new AtomicInteger();

		final AtomicInteger mostHandshakesAtOnce = new AtomicInteger();

		FakeServer() {
			try {
				this.socket = new ServerSocket(0, 1024, InetAddress.getLoopbackAddress());
			}
			catch (IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
			Thread.ofVirtual().start(this::accept);
		}

		int port() {
			return this.socket.getLocalPort();
		}

		private void accept() {
			while (!this.socket.isClosed()) {
				try {
					Socket client = this.socket.accept();
					this.mostHandshakesAtOnce.accumulateAndGet(this.handshakes.incrementAndGet(), Math::max);
					Thread.ofVirtual().start(() -> serve(client));
				}
				catch (IOException ex) {
					return;
				}
			}
		}

		private void serve(Socket client) {
			try (client) {
				InputStream in = client.getInputStream();
				OutputStream out = client.getOutputStream();
				int matched = 0;
				while (matched < 4) {
					int b = in.read();
					if (b < 0) {
						return;
					}
					matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : ((b == '\r') ? 1 : 0);
				}
				out.write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n"
					.getBytes(StandardCharsets.US_ASCII));
				out.write(frame("0{\"sid\":\"s\"}"));
				int length = in.read() >= 0 ? in.read() & 0x7F : -1;
				byte[] masked = in.readNBytes(4 + Math.max(length, 0));
				if (length >= 2 && masked[4] == '4' && masked[5] == '0') {
					this.handshakes.decrementAndGet();
					out.write(frame("40{\"sid\":\"n\"}"));
				}
				while (in.read() >= 0) {
					// held open until the client closes
				}
			}
			catch (IOException ex) {
				// the client went away
			}
		}

		private static byte[] frame(String text) {
			byte[] payload = text.getBytes(StandardCharsets.UTF_8);
			byte[] frame = new byte[payload.length + 2];
			frame[0] = (byte) 0x81;
			frame[1] = (byte) payload.length;
			System.arraycopy(payload, 0, frame, 2, payload.length);
			return frame;
		}

		@Override
		public void close() throws IOException {
			this.socket.close();
		}

	}

}
