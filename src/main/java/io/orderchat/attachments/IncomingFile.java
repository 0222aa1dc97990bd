package io.orderchat.attachments;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A file as a client sent it: its name and size as declared (only hints: the bytes are
 * checked) and a way to read it once.
 */
public record IncomingFile(String originalName, long declaredSize, Source source) {

	/** Opens the bytes; each call a fresh stream. */
	@FunctionalInterface
	public interface Source {

		InputStream open() throws IOException;

	}

	public static IncomingFile of(String name, byte[] bytes) {
		return new IncomingFile(name, bytes.length, () -> new ByteArrayInputStream(bytes));
	}

}
