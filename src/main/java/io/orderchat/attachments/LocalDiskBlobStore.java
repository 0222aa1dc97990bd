package io.orderchat.attachments;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * Blobs as files under one directory. A blob is written to {@code .incoming/} first and
 * moved into place in one step, so a reader never sees half a file and a failed or
 * interrupted upload leaves no file (leftovers of a crash are removed at start).
 */
final class LocalDiskBlobStore implements BlobStore {

	private final Path root;

	private final Path incoming;

	LocalDiskBlobStore(Path directory) throws IOException {
		this.root = directory.toAbsolutePath().normalize();
		this.incoming = this.root.resolve(".incoming");
		Files.createDirectories(this.incoming);
		try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(this.incoming)) {
			for (Path leftover : leftovers) {
				Files.deleteIfExists(leftover);
			}
		}
	}

	@Override
	public void put(String key, InputStream content, long length, String contentType) throws IOException {
		Path target = path(key);
		Path partial = this.incoming.resolve(UUID.randomUUID() + ".part");
		try {
			Files.copy(content, partial);
			Files.createDirectories(target.getParent());
			try {
				Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		finally {
			Files.deleteIfExists(partial);
		}
	}

	@Override
	public InputStream open(String key) throws IOException {
		return Files.newInputStream(path(key));
	}

	@Override
	public void delete(String key) throws IOException {
		Files.deleteIfExists(path(key));
	}

	@Override
	public boolean exists(String key) {
		return Files.isRegularFile(path(key));
	}

	/** Refuses keys that would leave the root, though the server makes every key. */
	private Path path(String key) {
		Path path = this.root.resolve(key).normalize();
		if (!path.startsWith(this.root) || path.startsWith(this.incoming) || path.equals(this.root)) {
			throw new IllegalArgumentException("Not a blob key: " + key);
		}
		return path;
	}

	@Override
	public String toString() {
		return "local disk " + this.root;
	}

}
