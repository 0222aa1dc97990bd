package io.orderchat.attachments;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every {@link BlobStore} promises; each implementation's test runs these. */
abstract class BlobStoreContract {

	abstract BlobStore store();

	/** Whatever the store holds in its backing medium, partial writes included. */
	abstract long storedObjects() throws IOException;

	@Test
	void storesReadsAndDeletesABlob() throws IOException {
		byte[] bytes = Multipart.Files.png(50, 50);

		store().put("ab/one.png", new ByteArrayInputStream(bytes), bytes.length, "image/png");

		assertThat(store().exists("ab/one.png")).isTrue();
		try (InputStream in = store().open("ab/one.png")) {
			assertThat(in.readAllBytes()).isEqualTo(bytes);
		}
		store().delete("ab/one.png");
		assertThat(store().exists("ab/one.png")).isFalse();
		assertThat(storedObjects()).isZero();
	}

	@Test
	void aMissingBlobIsNoSuchFileAndDeletingItIsNothing() throws IOException {
		assertThatThrownBy(() -> store().open("zz/missing.png")).isInstanceOf(NoSuchFileException.class);
		assertThat(store().exists("zz/missing.png")).isFalse();
		store().delete("zz/missing.png");
	}

	@Test
	void aPutThatFailsHalfwayLeavesNothingBehind() throws IOException {
		InputStream failing = new SequenceInputStream(
				new ByteArrayInputStream("first half".repeat(1000).getBytes(StandardCharsets.UTF_8)),
				new InputStream() {
					@Override
					public int read() throws IOException {
						throw new IOException("connection reset by peer");
					}
				});

		assertThatThrownBy(() -> store().put("cd/broken.txt", failing, 20_000, "text/plain"))
			.isInstanceOf(IOException.class);

		assertThat(store().exists("cd/broken.txt")).isFalse();
		assertThat(storedObjects()).isZero();
	}

}
