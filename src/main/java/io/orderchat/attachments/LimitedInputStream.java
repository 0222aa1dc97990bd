package io.orderchat.attachments;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import io.orderchat.shared.DomainException;
import io.orderchat.shared.ErrorCode;

/**
 * Counts what passes and refuses with {@code FILE_TOO_LARGE} as soon as more than the
 * limit has been read, so an upload stops at the limit whatever size it declared.
 */
final class LimitedInputStream extends FilterInputStream {

	private final long limit;

	private final String what;

	private long count;

	LimitedInputStream(InputStream in, long limit, String what) {
		super(in);
		this.limit = limit;
		this.what = what;
	}

	long count() {
		return this.count;
	}

	@Override
	public int read() throws IOException {
		int b = super.read();
		if (b >= 0) {
			counted(1);
		}
		return b;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		int read = super.read(buffer, offset, length);
		if (read > 0) {
			counted(read);
		}
		return read;
	}

	@Override
	public long skip(long n) throws IOException {
		long skipped = super.skip(n);
		counted(skipped);
		return skipped;
	}

	@Override
	public boolean markSupported() {
		return false;
	}

	private void counted(long n) {
		this.count += n;
		if (this.count > this.limit) {
			throw tooLarge(this.what, this.limit);
		}
	}

	static DomainException tooLarge(String what, long limit) {
		return new DomainException(ErrorCode.FILE_TOO_LARGE,
				"'" + what + "' is larger than the limit of " + Sizes.human(limit));
	}

}
