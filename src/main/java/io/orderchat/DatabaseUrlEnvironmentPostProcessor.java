package io.orderchat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Reads {@code DATABASE_URL} in either form the host apps use: a JDBC URL
 * ({@code jdbc:postgresql://host:5432/db}) or the Node/Heroku form
 * ({@code postgres://user:pass@host:5432/db?sslmode=require}), which becomes a JDBC URL
 * with the credentials taken out. Credentials come from the URL, else from
 * {@code DATABASE_USER} / {@code DATABASE_PASSWORD}. Without {@code DATABASE_URL} the
 * {@code spring.datasource.*} properties (embedded H2 by default) apply unchanged.
 */
public class DatabaseUrlEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String SOURCE = "orderchat-database-url";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String url = environment.getProperty("DATABASE_URL");
		if (url == null || url.isBlank()) {
			return;
		}
		Map<String, Object> properties = translate(url.strip(), environment.getProperty("DATABASE_USER"),
				environment.getProperty("DATABASE_PASSWORD"));
		environment.getPropertySources().addFirst(new MapPropertySource(SOURCE, properties));
	}

	static Map<String, Object> translate(String url, String user, String password) {
		Map<String, Object> properties = new HashMap<>();
		if (url.startsWith("jdbc:")) {
			properties.put("spring.datasource.url", url);
			if (!url.startsWith("jdbc:h2:")) {
				// The embedded default's user "sa" must not leak onto a real server.
				properties.put("spring.datasource.username", (user != null) ? user : "");
				properties.put("spring.datasource.password", (password != null) ? password : "");
			}
			return properties;
		}
		URI uri = URI.create(url);
		if (!"postgres".equals(uri.getScheme()) && !"postgresql".equals(uri.getScheme())) {
			throw new IllegalStateException(
					"DATABASE_URL must be a jdbc: URL or postgres://user:pass@host:port/db, not " + uri.getScheme());
		}
		StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(uri.getHost());
		if (uri.getPort() > 0) {
			jdbc.append(':').append(uri.getPort());
		}
		jdbc.append((uri.getRawPath() != null && !uri.getRawPath().isEmpty()) ? uri.getRawPath() : "/postgres");
		if (uri.getRawQuery() != null) {
			jdbc.append('?').append(uri.getRawQuery());
		}
		properties.put("spring.datasource.url", jdbc.toString());
		String userInfo = uri.getRawUserInfo();
		String urlUser = null;
		String urlPassword = null;
		if (userInfo != null) {
			int colon = userInfo.indexOf(':');
			urlUser = decode((colon < 0) ? userInfo : userInfo.substring(0, colon));
			urlPassword = (colon < 0) ? null : decode(userInfo.substring(colon + 1));
		}
		properties.put("spring.datasource.username", firstNonNull(urlUser, user, ""));
		properties.put("spring.datasource.password", firstNonNull(urlPassword, password, ""));
		return properties;
	}

	private static String decode(String value) {
		return URLDecoder.decode(value, StandardCharsets.UTF_8);
	}

	private static String firstNonNull(String first, String second, String fallback) {
		return (first != null) ? first : (second != null) ? second : fallback;
	}

}
