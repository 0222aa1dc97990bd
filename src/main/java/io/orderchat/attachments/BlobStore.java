package io.orderchat.attachments;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where attachment bytes live, by key. Keys are made by the server (never from a client's
 * name). Contract: {@link #put} is all or nothing — when it returns the whole blob is
 * readable under its key, when it throws nothing is left behind under that key or
 * anywhere else; {@link #open} of a missing key throws
 * {@link java.nio.file.NoSuchFileException}; {@link #delete} of a missing key does
 * nothing.
 */
interface BlobStore {

	/**
	 * Stores {@code length} bytes read from {@code content} (streamed, not buffered
	 * whole).
	 */
	void put(String key, InputStream content, long length, String contentType) throws IOException;

	InputStream open(String key) throws IOException;

	void delete(String key) throws IOException;

	boolean exists(String key) throws IOException;

}
