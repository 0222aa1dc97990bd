package io.orderchat.attachments;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalDiskBlobStoreTest extends BlobStoreContract {

	@TempDir
	Path directory;

	LocalDiskBlobStore store;

	@BeforeEach
	void openStore() throws IOException {
		this.store = new LocalDiskBlobStore(this.directory);
	}

	@Override
	BlobStore store() {
		return this.store;
	}

	@Override
	long storedObjects() throws IOException {
		try (Stream<Path> files = Files.walk(this.directory)) {
			return files.filter(Files::isRegularFile).count();
		}
	}

	@Test
	void refusesKeysThatLeaveItsDirectory() {
		assertThatThrownBy(
				() -> this.store.put("../outside.png", new ByteArrayInputStream(new byte[1]), 1, "image/png"))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> this.store.open(".incoming/x.part")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void removesWhatACrashLeftHalfWrittenWhenItStarts() throws IOException {
		Path leftover = Files.writeString(this.directory.resolve(".incoming").resolve("dead.part"), "half");

		new LocalDiskBlobStore(this.directory);

		assertThat(leftover).doesNotExist();
	}

}
