package io.orderchat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's configuration tables and the settings the code reads are the same set: the
 * metadata the configuration processor writes for every {@code orderchat.*} property
 * (plus META-INF/additional-spring-configuration-metadata.json for the few read with
 * {@code @Value}) against every {@code `orderchat.…`} the README names.
 */
class ConfigurationReferenceTest {

	private static final Pattern DOCUMENTED = Pattern.compile("`(orderchat\\.[a-z0-9.-]+)`");

	@Test
	void everySettingIsDocumentedAndEveryDocumentedSettingExists() throws IOException {
		Set<String> settings = settings();
		Set<String> documented = documented(Path.of("README.md"));

		assertThat(settings).as("settings of the code").hasSizeGreaterThan(30);
		assertThat(without(settings, documented)).as("settings missing from the README").isEmpty();
		assertThat(without(inGroupsOf(settings, documented), settings))
			.as("settings in the README that the code does not read")
			.isEmpty();
	}

	/**
	 * The names in the settings' groups ({@code orderchat.chat.…}); the README also names
	 * metrics, which are not settings (write them as Prometheus names,
	 * {@code orderchat_socketio_slow_consumers_total}, as an operator sees them).
	 */
	private static Set<String> inGroupsOf(Set<String> settings, Set<String> names) {
		Set<String> groups = new TreeSet<>();
		settings.forEach((setting) -> groups.add(group(setting)));
		Set<String> inGroups = new TreeSet<>();
		names.stream().filter((name) -> groups.contains(group(name))).forEach(inGroups::add);
		return inGroups;
	}

	private static String group(String name) {
		int second = name.indexOf('.', "orderchat.".length());
		return (second < 0) ? name : name.substring(0, second);
	}

	private static Set<String> without(Set<String> all, Set<String> these) {
		Set<String> rest = new TreeSet<>(all);
		rest.removeAll(these);
		return rest;
	}

	private static Set<String> settings() throws IOException {
		try (InputStream metadata = ConfigurationReferenceTest.class
			.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(metadata).as("the configuration processor's metadata").isNotNull();
			Set<String> names = new TreeSet<>();
			for (JsonNode property : JsonMapper.shared().readTree(metadata).path("properties")) {
				String name = property.path("name").asString();
				if (name.startsWith("orderchat.")) {
					names.add(name);
				}
			}
			return names;
		}
	}

	private static Set<String> documented(Path file) throws IOException {
		Set<String> names = new TreeSet<>();
		Matcher matcher = DOCUMENTED.matcher(Files.readString(file));
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

}
