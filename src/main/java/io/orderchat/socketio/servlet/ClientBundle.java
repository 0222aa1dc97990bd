package io.orderchat.socketio.servlet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Serves the socket.io-client browser bundle ({@code /socket.io.js}, {@code .min.js},
 * {@code .esm.min.js} and their source maps) from the npm package the build copies to
 * {@code socket.io-client/} on the classpath. Files are read once; responses carry a
 * content hash as ETag and are revalidated like the reference server's
 * ({@code Cache-Control: public, max-age=0}), so a new client version is picked up at
 * once.
 */
public final class ClientBundle {

	private static final Set<String> FILES = Set.of("socket.io.js", "socket.io.js.map", "socket.io.min.js",
			"socket.io.min.js.map", "socket.io.esm.min.js", "socket.io.esm.min.js.map");

	private final String classpathDirectory;

	private final Map<String, Optional<Asset>> assets = new ConcurrentHashMap<>();

	private record Asset(byte[] content, String etag) {
	}

	public ClientBundle(String classpathDirectory) {
		this.classpathDirectory = classpathDirectory;
	}

	/** The bundle the Maven build copies from node_modules/socket.io-client/dist. */
	public static ClientBundle fromClasspath() {
		return new ClientBundle("socket.io-client");
	}

	/**
	 * Whether {@code path} (relative to the servlet, e.g. {@code /socket.io.js}) is a
	 * file of the bundle.
	 */
	boolean serves(String path) {
		return path != null && path.startsWith("/") && FILES.contains(path.substring(1));
	}

	void serve(String path, HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
			response.setHeader("Allow", "GET, HEAD");
			response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
			return;
		}
		String name = path.substring(1);
		Optional<Asset> asset = this.assets.computeIfAbsent(name, this::load);
		if (asset.isEmpty()) {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
			return;
		}
		response.setHeader("Cache-Control", "public, max-age=0");
		response.setHeader("ETag", asset.get().etag());
		response.setContentType(
				name.endsWith(".map") ? "application/json; charset=utf-8" : "application/javascript; charset=utf-8");
		String ifNoneMatch = request.getHeader("If-None-Match");
		if (ifNoneMatch != null && ifNoneMatch.contains(asset.get().etag())) {
			response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
			return;
		}
		response.setContentLength(asset.get().content().length);
		if ("GET".equals(request.getMethod())) {
			response.getOutputStream().write(asset.get().content());
		}
	}

	private Optional<Asset> load(String name) {
		String resource = this.classpathDirectory + "/" + name;
		try (InputStream in = ClientBundle.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				return Optional.empty();
			}
			byte[] content = in.readAllBytes();
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
			return Optional.of(new Asset(content, "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\""));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
