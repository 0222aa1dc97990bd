package io.orderchat.bench;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 GETs over one kept-alive blocking socket, for one reader thread. The JDK's
 * {@code HttpClient} cost the generator ~0.5 ms of CPU per history page — as much as the
 * server's page — on the same two cores; this reads a response with a few byte
 * comparisons. It understands what a GET to OrderChat answers: a status line, headers,
 * and a body by {@code Content-Length} or chunked.
 */
final class KeepAliveGet implements AutoCloseable {

	private final InetSocketAddress address;

	private final String hostHeader;

	private final byte[] line = new byte[8192];

	/** What was read from the socket and not consumed yet: {@code buffer[position..limit)}. */
	private final byte[] buffer = new byte[65536];

	private int position;

	private int limit;

	private Socket socket;

	private InputStream in;

	private OutputStream out;

	KeepAliveGet(InetSocketAddress address) {
		this.address = address;
		this.hostHeader = "Host: " + address.getHostString() + ":" + address.getPort() + "\r\n";
	}

	/**
	 * Sends the GET and reads the whole response; answers its status and, for a status
	 * other than 200, its body (for the report).
	 */
	Response get(String path, String token) throws IOException {
		if (this.socket == null) {
			connect();
		}
		try {
			return exchange(path, token);
		}
		catch (IOException ex) {
			close();
			throw ex;
		}
	}

	private void connect() throws IOException {
		this.socket = new Socket();
		this.socket.setTcpNoDelay(true);
		this.socket.connect(this.address, 5000);
		this.socket.setSoTimeout(30_000);
		this.in = this.socket.getInputStream();
		this.position = 0;
		this.limit = 0;
		this.out = this.socket.getOutputStream();
	}

	private Response exchange(String path, String token) throws IOException {
		byte[] request = ("GET " + path + " HTTP/1.1\r\nAuthorization: Bearer " + token + "\r\n" + this.hostHeader
				+ "\r\n")
			.getBytes(StandardCharsets.US_ASCII);
		this.out.write(request);
		this.out.flush();
		String statusLine = readLine();
		int status = Integer.parseInt(statusLine.substring(9, 12));
		long length = -1;
		boolean chunked = false;
		boolean closes = false;
		for (String header = readLine(); !header.isEmpty(); header = readLine()) {
			int colon = header.indexOf(':');
			String name = header.substring(0, colon).trim();
			String value = header.substring(colon + 1).trim();
			if (name.equalsIgnoreCase("Content-Length")) {
				length = Long.parseLong(value);
			}
			else if (name.equalsIgnoreCase("Transfer-Encoding")) {
				chunked = value.equalsIgnoreCase("chunked");
			}
			else if (name.equalsIgnoreCase("Connection")) {
				closes = value.equalsIgnoreCase("close");
			}
		}
		StringBuilder body = (status != 200) ? new StringBuilder() : null;
		if (chunked) {
			for (long size = Long.parseLong(readLine().trim(), 16); size > 0; size = Long
				.parseLong(readLine().trim(), 16)) {
				read(size, body);
				readLine();
			}
			while (!readLine().isEmpty()) {
				// trailers
			}
		}
		else if (length >= 0) {
			read(length, body);
		}
		if (closes) {
			close();
		}
		return new Response(status, (body != null) ? body.toString() : "");
	}

	private void read(long count, StringBuilder body) throws IOException {
		long left = count;
		while (left > 0) {
			fill();
			int n = (int) Math.min(left, this.limit - this.position);
			if (body != null) {
				body.append(new String(this.buffer, this.position, n, StandardCharsets.UTF_8));
			}
			this.position += n;
			left -= n;
		}
	}

	/** Makes sure at least one unread byte is in the buffer. */
	private void fill() throws IOException {
		if (this.position < this.limit) {
			return;
		}
		int n = this.in.read(this.buffer, 0, this.buffer.length);
		if (n < 0) {
			throw new EOFException("connection closed inside a response");
		}
		this.position = 0;
		this.limit = n;
	}

	private String readLine() throws IOException {
		int length = 0;
		while (true) {
			fill();
			byte b = this.buffer[this.position++];
			if (b == '\n') {
				break;
			}
			if (b != '\r' && length < this.line.length) {
				this.line[length++] = b;
			}
		}
		return new String(this.line, 0, length, StandardCharsets.ISO_8859_1);
	}

	@Override
	public void close() {
		if (this.socket != null) {
			try {
				this.socket.close();
			}
			catch (IOException ex) {
				// closing a broken connection: nothing left to do
			}
			this.socket = null;
		}
	}

	record Response(int status, String body) {
	}

}
