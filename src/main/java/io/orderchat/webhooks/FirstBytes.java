package io.orderchat.webhooks;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Flow;

/**
 * Reads an answer's body to its end but keeps only its first bytes: an endpoint's answer
 * is only for the delivery log, and must not fill memory however long it is.
 */
final class FirstBytes implements Flow.Subscriber<List<ByteBuffer>> {

	private final int limit;

	private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

	FirstBytes(int limit) {
		this.limit = limit;
	}

	@Override
	public void onSubscribe(Flow.Subscription subscription) {
		subscription.request(Long.MAX_VALUE);
	}

	@Override
	public void onNext(List<ByteBuffer> buffers) {
		for (ByteBuffer buffer : buffers) {
			int room = this.limit - this.kept.size();
			if (room <= 0) {
				return;
			}
			byte[] bytes = new byte[Math.min(room, buffer.remaining())];
			buffer.get(bytes);
			this.kept.write(bytes, 0, bytes.length);
		}
	}

	@Override
	public void onError(Throwable throwable) {
		// the status code is what counts; the answer's text stays as far as it came
	}

	@Override
	public void onComplete() {
	}

	String text() {
		return this.kept.toString(StandardCharsets.UTF_8);
	}

}
