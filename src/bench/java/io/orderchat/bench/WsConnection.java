package io.orderchat.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * A client WebSocket (RFC 6455) on a non-blocking channel: the HTTP upgrade, then text frames
 * parsed in place from the loop's read buffer. Client frames carry an all-zero mask key, which
 * the RFC allows and which makes masking free. Sends may come from any thread.
 */
final class WsConnection {

	interface Listener {

		void onOpen(WsConnection connection);

		/** A complete text message; the bytes are only valid during the call. */
		void onText(WsConnection connection, byte[] data, int offset, int length);

		void onClosed(WsConnection connection, Throwable cause);

	}

	private static final byte[] HEADER_END = { '\r', '\n', '\r', '\n' };

	private final EventLoop loop;

	private final SocketChannel channel;

	private final Listener listener;

	private final byte[] upgradeRequest;

	private final ArrayDeque<ByteBuffer> outgoing = new ArrayDeque<>(2);

	private SelectionKey key;

	private boolean upgraded;

	private volatile boolean closed;

	// Bytes of an incomplete frame (or header) carried to the next read; null most of the time.
	private byte[] carry;

	private int carryLength;

	// A fragmented text message being reassembled; servers rarely fragment.
	private byte[] fragments;

	private int fragmentsLength;

	private WsConnection(EventLoop loop, SocketChannel channel, Listener listener, byte[] upgradeRequest) {
		this.loop = loop;
		this.channel = channel;
		this.listener = listener;
		this.upgradeRequest = upgradeRequest;
	}

	/**
	 * The HTTP upgrade request for a server and path: the same bytes for every connection to it
	 * (a fixed {@code Sec-WebSocket-Key}, which the client need not check the answer of), so a
	 * storm builds it once, not once per connection.
	 */
	static byte[] upgradeRequest(InetSocketAddress address, String pathAndQuery) {
		return ("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + address.getHostString() + ":" + address.getPort()
				+ "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
				+ "Sec-WebSocket-Version: 13\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII);
	}

	/**
	 * Starts connecting. Called on the loop's own thread (a storm opens the next connection
	 * where the previous one finished), the channel is registered at once; from another thread
	 * it is handed to the loop, which costs a wake-up.
	 */
	static WsConnection open(EventLoop loop, InetSocketAddress address, byte[] upgradeRequest, Listener listener)
			throws IOException {
		SocketChannel channel = SocketChannel.open();
		try {
			channel.configureBlocking(false);
			channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
			boolean connected = channel.connect(address);
			WsConnection connection = new WsConnection(loop, channel, listener, upgradeRequest);
			if (loop.inLoop()) {
				connection.register(connected);
			}
			else {
				loop.execute(() -> connection.register(connected));
			}
			return connection;
		}
		catch (IOException | RuntimeException ex) {
			channel.close();
			throw ex;
		}
	}

	private void register(boolean connected) {
		try {
			this.key = this.channel.register(this.loop.selector(),
					connected ? SelectionKey.OP_READ : SelectionKey.OP_CONNECT, this);
			if (connected) {
				write(ByteBuffer.wrap(this.upgradeRequest));
			}
		}
		catch (IOException | RuntimeException ex) {
			fail(ex);
		}
	}

	void onReady(SelectionKey key, ByteBuffer readBuffer) {
		if (!key.isValid()) {
			// closed earlier in this same round of ready keys
			return;
		}
		try {
			if (key.isConnectable()) {
				this.channel.finishConnect();
				key.interestOps(SelectionKey.OP_READ);
				write(ByteBuffer.wrap(this.upgradeRequest));
				return;
			}
			if (key.isReadable()) {
				read(readBuffer);
			}
			if (key.isValid() && key.isWritable()) {
				flush();
			}
		}
		catch (IOException | RuntimeException ex) {
			fail(ex);
		}
	}

	private void read(ByteBuffer buffer) throws IOException {
		buffer.clear();
		int n = this.channel.read(buffer);
		if (n < 0) {
			fail(new IOException("closed by server"));
			return;
		}
		if (n == 0) {
			return;
		}
		byte[] data = buffer.array();
		if (this.carryLength > 0) {
			ensureCarry(this.carryLength + n);
			System.arraycopy(data, 0, this.carry, this.carryLength, n);
			int total = this.carryLength + n;
			this.carryLength = 0;
			byte[] source = this.carry;
			int consumed = parse(source, 0, total);
			keep(source, consumed, total);
		}
		else {
			int consumed = parse(data, 0, n);
			keep(data, consumed, n);
		}
	}

	private void keep(byte[] source, int from, int to) {
		int rest = to - from;
		if (rest <= 0 || this.closed) {
			this.carryLength = 0;
			return;
		}
		if (source == this.carry) {
			System.arraycopy(source, from, source, 0, rest);
		}
		else {
			ensureCarry(rest);
			System.arraycopy(source, from, this.carry, 0, rest);
		}
		this.carryLength = rest;
	}

	private void ensureCarry(int size) {
		if (this.carry == null || this.carry.length < size) {
			this.carry = (this.carry == null) ? new byte[Math.max(size, 1024)]
					: Arrays.copyOf(this.carry, Math.max(size, this.carry.length * 2));
		}
	}

	/** Parses what it can; answers how many bytes it consumed. */
	private int parse(byte[] data, int offset, int end) throws IOException {
		int position = offset;
		if (!this.upgraded) {
			int headerEnd = indexOf(data, position, end, HEADER_END);
			if (headerEnd < 0) {
				return position;
			}
			String status = new String(data, position, Math.min(12, headerEnd - position), StandardCharsets.US_ASCII);
			if (!status.startsWith("HTTP/1.1 101")) {
				throw new IOException("upgrade refused: "
						+ new String(data, position, Math.min(200, end - position), StandardCharsets.US_ASCII));
			}
			this.upgraded = true;
			position = headerEnd + HEADER_END.length;
			this.listener.onOpen(this);
		}
		while (end - position >= 2 && !this.closed) {
			int b0 = data[position] & 0xFF;
			int b1 = data[position + 1] & 0xFF;
			int header = 2;
			long length = b1 & 0x7F;
			if (length == 126) {
				if (end - position < 4) {
					break;
				}
				length = ((data[position + 2] & 0xFF) << 8) | (data[position + 3] & 0xFF);
				header = 4;
			}
			else if (length == 127) {
				if (end - position < 10) {
					break;
				}
				length = 0;
				for (int i = 2; i < 10; i++) {
					length = (length << 8) | (data[position + i] & 0xFF);
				}
				header = 10;
			}
			boolean masked = (b1 & 0x80) != 0;
			if (masked) {
				header += 4;
			}
			if (end - position < header + length) {
				break;
			}
			int payload = position + header;
			if (masked) {
				for (int i = 0; i < length; i++) {
					data[payload + i] ^= data[payload - 4 + (i & 3)];
				}
			}
			frame(b0, data, payload, (int) length);
			position = payload + (int) length;
		}
		return position;
	}

	private void frame(int b0, byte[] data, int offset, int length) throws IOException {
		boolean fin = (b0 & 0x80) != 0;
		int opcode = b0 & 0x0F;
		switch (opcode) {
			case 0x1, 0x2 -> {
				if (fin) {
					this.listener.onText(this, data, offset, length);
				}
				else {
					this.fragmentsLength = 0;
					appendFragment(data, offset, length);
				}
			}
			case 0x0 -> {
				appendFragment(data, offset, length);
				if (fin) {
					this.listener.onText(this, this.fragments, 0, this.fragmentsLength);
					this.fragmentsLength = 0;
				}
			}
			case 0x8 -> fail(new IOException("close frame from server"));
			case 0x9 -> send(0x8A, Arrays.copyOfRange(data, offset, offset + length));
			default -> {
				// pong or reserved: nothing to do
			}
		}
	}

	private void appendFragment(byte[] data, int offset, int length) {
		if (this.fragments == null || this.fragments.length < this.fragmentsLength + length) {
			this.fragments = Arrays.copyOf((this.fragments != null) ? this.fragments : new byte[0],
					Math.max(1024, (this.fragmentsLength + length) * 2));
		}
		System.arraycopy(data, offset, this.fragments, this.fragmentsLength, length);
		this.fragmentsLength += length;
	}

	private static int indexOf(byte[] data, int from, int to, byte[] needle) {
		outer: for (int i = from; i <= to - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (data[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	void sendText(byte[] payload) {
		send(0x81, payload);
	}

	/** A client text frame of {@code payload}, built ahead to be sent with {@link #sendFrame}. */
	static byte[] textFrame(byte[] payload) {
		return encode(0x81, payload).array();
	}

	/** Sends a frame {@link #textFrame} built. */
	void sendFrame(byte[] frame) {
		try {
			write(ByteBuffer.wrap(frame));
		}
		catch (IOException | CancelledKeyException ex) {
			fail(ex);
		}
	}

	private void send(int firstByte, byte[] payload) {
		try {
			write(encode(firstByte, payload));
		}
		catch (IOException | CancelledKeyException ex) {
			fail(ex);
		}
	}

	private static ByteBuffer encode(int firstByte, byte[] payload) {
		int length = payload.length;
		int header = (length < 126) ? 2 : (length < 65536) ? 4 : 10;
		ByteBuffer frame = ByteBuffer.allocate(header + 4 + length);
		frame.put((byte) firstByte);
		if (length < 126) {
			frame.put((byte) (0x80 | length));
		}
		else if (length < 65536) {
			frame.put((byte) (0x80 | 126)).putShort((short) length);
		}
		else {
			frame.put((byte) (0x80 | 127)).putLong(length);
		}
		frame.putInt(0); // the zero mask key: payload bytes go out as they are
		frame.put(payload).flip();
		return frame;
	}

	private synchronized void write(ByteBuffer buffer) throws IOException {
		if (this.closed) {
			return;
		}
		if (this.outgoing.isEmpty()) {
			this.channel.write(buffer);
			if (!buffer.hasRemaining()) {
				return;
			}
		}
		this.outgoing.add(buffer);
		if (this.key != null) {
			this.key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
			this.loop.wakeup();
		}
	}

	private synchronized void flush() throws IOException {
		ByteBuffer next;
		while ((next = this.outgoing.peek()) != null) {
			this.channel.write(next);
			if (next.hasRemaining()) {
				return;
			}
			this.outgoing.poll();
		}
		this.key.interestOps(SelectionKey.OP_READ);
	}

	boolean isClosed() {
		return this.closed;
	}

	void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		try {
			this.channel.close();
		}
		catch (IOException ex) {
			// already gone
		}
	}

	private void fail(Throwable cause) {
		if (this.closed) {
			return;
		}
		close();
		this.listener.onClosed(this, cause);
	}

}
