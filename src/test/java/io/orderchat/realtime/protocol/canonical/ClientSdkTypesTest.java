package io.orderchat.realtime.protocol.canonical;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.orderchat.realtime.gateway.WireEvent.Direction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client SDK's event and command types are generated from the server's catalogue, so
 * the SDK cannot drift from it: this test fails when clients/js/src/generated/events.ts
 * is not what {@link TypeScriptCatalogue} writes today, and rewrites it when run with
 * {@code -Dorderchat.sdk.regenerate=true}.
 */
class ClientSdkTypesTest {

	private static final Path GENERATED = Path.of("clients/js/src/generated/events.ts");

	@Test
	void everyEventNamesItsPayloadAndEveryPayloadRecordIsUsed() {
		Set<CanonicalEvents> events = new HashSet<>(Arrays.stream(CanonicalEvents.values())
			.filter((event) -> event.direction() == Direction.EVENT)
			.toList());
		assertThat(TypeScriptCatalogue.EVENT_PAYLOADS.keySet()).as("events with a payload record")
			.containsExactlyInAnyOrderElementsOf(events);
		Set<Class<?>> payloadRecords = new HashSet<>(Arrays.stream(CanonicalEvents.class.getDeclaredClasses())
			.filter((type) -> type.isRecord() && type.getSimpleName().endsWith("Payload"))
			.toList());
		assertThat(new HashSet<Class<?>>(TypeScriptCatalogue.EVENT_PAYLOADS.values())).as("payload records in use")
			.containsExactlyInAnyOrderElementsOf(payloadRecords);
	}

	@Test
	void theSdkIsVersionedWithTheServer() throws IOException {
		Matcher server = Pattern.compile("<artifactId>orderchat</artifactId>\\s*<version>([^<]+)</version>")
			.matcher(Files.readString(Path.of("pom.xml")));
		Matcher sdk = Pattern.compile("\"version\":\\s*\"([^\"]+)\"")
			.matcher(Files.readString(Path.of("clients/js/package.json")));
		assertThat(server.find()).isTrue();
		assertThat(sdk.find()).isTrue();
		assertThat(sdk.group(1)).as("clients/js/package.json version")
			.isEqualTo(server.group(1).replace("-SNAPSHOT", ""));
	}

	@Test
	void generatedTypeScriptMatchesTheCatalogue() throws IOException {
		String expected = new TypeScriptCatalogue().render();
		if (Boolean.getBoolean("orderchat.sdk.regenerate")) {
			Files.createDirectories(GENERATED.getParent());
			Files.writeString(GENERATED, expected, StandardCharsets.UTF_8);
		}
		assertThat(GENERATED)
			.as("%s is generated: run mvn -o test -Dtest=ClientSdkTypesTest "
					+ "-Dorderchat.sdk.regenerate=true and commit it", GENERATED)
			.exists();
		assertThat(Files.readString(GENERATED, StandardCharsets.UTF_8))
			.as("%s is out of date with CanonicalEvents: "
					+ "run mvn -o test -Dtest=ClientSdkTypesTest -Dorderchat.sdk.regenerate=true", GENERATED)
			.isEqualTo(expected);
	}

}
