package io.orderchat.realtime.limits;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client on a plain TCP socket, so that a test decides when (and whether) it
 * reads: the JDK's client reads into its own buffers. Only what the tests need: text
 * frames out (masked), text and close frames in.
 */
final class RawWebSocket implements AutoCloseable {

	private final Socket socket;

	private final OutputStream out;

	private final DataInputStream in;

	private RawWebSocket(Socket socket) throws IOException {
		this.socket = socket;
		this.out = socket.getOutputStream();
		this.in = new DataInputStream(socket.getInputStream());
	}

	/**
	 * Opens {@code path} on {@code port} of the loopback interface; with
	 * {@code receiveBuffer} > 0 the socket's receive buffer is that small, like a client
	 * that stopped reading long ago.
	 */
	static RawWebSocket open(int port, String path, int receiveBuffer) throws IOException {
		Socket socket = new Socket();
		if (receiveBuffer > 0) {
			socket.setReceiveBufferSize(receiveBuffer);
		}
		socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 5_000);
		RawWebSocket webSocket = new RawWebSocket(socket);
		byte[] key = new byte[16];
		ThreadLocalRandom.current().nextBytes(key);
		String request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
				+ "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
				+ Base64.getEncoder().encodeToString(key) + "\r\n\r\n";
		webSocket.out.write(request.getBytes(StandardCharsets.US_ASCII));
		webSocket.out.flush();
		return webSocket;
	}

	/** Reads the HTTP upgrade answer; returns its status line. */
	String readUpgrade() throws IOException {
		StringBuilder head = new StringBuilder();
		while (!head.toString().endsWith("\r\n\r\n")) {
			int b = this.in.read();
			if (b < 0) {
				throw new EOFException("closed during the upgrade: " + head);
			}
			head.append((char) b);
		}
		return head.substring(0, head.indexOf("\r\n"));
	}

	void sendText(String text) throws IOException {
		byte[] payload = text.getBytes(StandardCharsets.UTF_8);
		ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
		frame.write(0x81);
		if (payload.length < 126) {
			frame.write(0x80 | payload.length);
		}
		else if (payload.length < 65536) {
			frame.write(0x80 | 126);
			frame.write(payload.length >>> 8);
			frame.write(payload.length & 0xff);
		}
		else {
			frame.write(0x80 | 127);
			for (int shift = 56; shift >= 0; shift -= 8) {
				frame.write((int) ((long) payload.length >>> shift) & 0xff);
			}
		}
		byte[] mask = new byte[4];
		ThreadLocalRandom.current().nextBytes(mask);
		frame.write(mask);
		for (int i = 0; i < payload.length; i++) {
			frame.write(payload[i] ^ mask[i & 3]);
		}
		synchronized (this.out) {
			this.out.write(frame.toByteArray());
			this.out.flush();
		}
	}

	/**
	 * The next text frame, {@code null} once the server closed the connection (a close
	 * frame or the end of the stream); throws {@link SocketTimeoutException} after
	 * {@code timeoutMillis} without data.
	 */
	String readText(int timeoutMillis) throws IOException {
		this.socket.setSoTimeout(timeoutMillis);
		ByteArrayOutputStream message = new ByteArrayOutputStream();
		boolean inText = false;
		while (true) {
			int first;
			try {
				first = this.in.read();
			}
			catch (java.net.SocketException reset) {
				return null;
			}
			if (first < 0) {
				return null;
			}
			int second = this.in.readUnsignedByte();
			long length = second & 0x7f;
			if (length == 126) {
				length = this.in.readUnsignedShort();
			}
			else if (length == 127) {
				length = this.in.readLong();
			}
			byte[] payload = new byte[Math.toIntExact(length)];
			this.in.readFully(payload);
			int opcode = first & 0x0f;
			boolean fin = (first & 0x80) != 0;
			if (opcode == 0x8) {
				return null;
			}
			if (opcode == 0x1 || (opcode == 0x0 && inText)) {
				message.write(payload);
				inText = !fin;
				if (fin) {
					return message.toString(StandardCharsets.UTF_8);
				}
			}
			// Pings and binary frames are skipped.
		}
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

}
