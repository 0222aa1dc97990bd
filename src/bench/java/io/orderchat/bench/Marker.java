package io.orderchat.bench;

import java.nio.charset.StandardCharsets;

/**
 * The send timestamp a message carries: {@code #T<nanoTime>:<sender>:<step>#} padded with
 * {@code x} to the payload size. Sender and receivers share this process's clock, so the
 * difference on arrival is the send→deliver latency. Receivers find it by scanning the frame's
 * bytes, without parsing JSON, so that the generator stays cheap per delivery.
 */
record Marker(long sentNanos, int sender, int step) {

	// nanoTime may be negative; times are taken from this origin so that they never are.
	private static final long ORIGIN = System.nanoTime();

	private static final byte[] START = "#T".getBytes(StandardCharsets.US_ASCII);

	static long now() {
		return System.nanoTime() - ORIGIN;
	}

	static String content(long sentNanos, int sender, int step, int size) {
		StringBuilder text = new StringBuilder(size + 32).append("#T")
			.append(sentNanos)
			.append(':')
			.append(sender)
			.append(':')
			.append(step)
			.append('#');
		while (text.length() < size) {
			text.append('x');
		}
		return text.toString();
	}

	/** The marker in a frame, or null. */
	static Marker find(byte[] data, int offset, int length) {
		int end = offset + length;
		int at = SioClient.indexOf(data, offset, end, START);
		if (at < 0) {
			return null;
		}
		int position = at + 2;
		long nanos = 0;
		while (position < end && data[position] != ':') {
			nanos = nanos * 10 + (data[position++] - '0');
		}
		position++;
		int sender = 0;
		while (position < end && data[position] != ':') {
			sender = sender * 10 + (data[position++] - '0');
		}
		position++;
		int step = 0;
		while (position < end && data[position] != '#') {
			step = step * 10 + (data[position++] - '0');
		}
		return new Marker(nanos, sender, step);
	}

}
