package io.orderchat.realtime.protocol;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.orderchat.realtime.gateway.WireEvent;
import io.orderchat.realtime.gateway.WireEvent.Direction;
import io.orderchat.realtime.protocol.busy2shop.BusyToShopEvents;
import io.orderchat.realtime.protocol.canonical.CanonicalEvents;
import io.orderchat.realtime.protocol.exchange.ExchangeEvents;
import io.orderchat.realtime.protocol.dispatcher.DispatcherEvents;
import io.orderchat.realtime.protocol.helpdesk.HelpdeskEvents;
import io.orderchat.realtime.protocol.marketplace.MarketplaceEvents;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/protocol.md lists exactly the events of each vocabulary's catalogue: every table
 * after a {@code <!-- catalogue: <vocabulary> commands|events -->} marker names, in its
 * first column, commands or events of that vocabulary, and together they name all of
 * them.
 */
class CatalogueDocumentationTest {

	/**
	 * Each vocabulary's catalogue, by the vocabulary's name (its rooms' and metrics'
	 * name).
	 */
	static final Map<String, Class<? extends WireEvent>> CATALOGUES = Map.of("canonical", CanonicalEvents.class,
			"seed000", ExchangeEvents.class, "seed001", BusyToShopEvents.class, "seed002", DispatcherEvents.class,
			"seed003", HelpdeskEvents.class, "seed004", MarketplaceEvents.class);

	private static final Pattern MARKER = Pattern.compile("<!-- catalogue: (\\S+) (commands|events) -->");

	private static final Pattern NAME = Pattern.compile("`([^`\\s]+)[^`]*`");

	@Test
	void everyCatalogueIsListed() {
		Set<String> catalogues = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("io.orderchat.realtime")
			.stream()
			.filter((type) -> type.isAssignableTo(WireEvent.class) && !type.isInterface())
			.map(JavaClass::getName)
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(catalogues).containsExactlyInAnyOrderElementsOf(
				CATALOGUES.values().stream().map(Class::getName).collect(Collectors.toSet()));
	}

	@Test
	void docsListExactlyTheCataloguedEvents() throws IOException {
		List<String> lines = Files.readAllLines(Path.of("docs/protocol.md"));
		CATALOGUES.forEach((vocabulary, catalogue) -> {
			for (Direction direction : Direction.values()) {
				Set<String> inCode = Arrays.stream(catalogue.getEnumConstants())
					.filter((event) -> event.direction() == direction)
					.map(WireEvent::wireName)
					.collect(Collectors.toCollection(TreeSet::new));
				assertThat(documented(lines, vocabulary, direction))
					.as("%s %s in docs/protocol.md", vocabulary, tables(direction))
					.isEqualTo(inCode);
			}
		});
	}

	/** The names in the first column of every table marked for the vocabulary. */
	private static Set<String> documented(List<String> lines, String vocabulary, Direction direction) {
		Set<String> names = new TreeSet<>();
		for (int i = 0; i < lines.size(); i++) {
			Matcher marker = MARKER.matcher(lines.get(i));
			if (marker.find() && marker.group(1).equals(vocabulary) && marker.group(2).equals(tables(direction))) {
				names.addAll(tableNames(lines, i + 1));
			}
		}
		return names;
	}

	private static Set<String> tableNames(List<String> lines, int from) {
		Set<String> names = new TreeSet<>();
		int row = from;
		while (row < lines.size() && lines.get(row).isBlank()) {
			row++;
		}
		for (int header = row; row < lines.size() && lines.get(row).startsWith("|"); row++) {
			if (row - header < 2) {
				continue; // the header and its separator
			}
			String firstCell = lines.get(row).split("(?<!\\\\)\\|")[1];
			Matcher name = NAME.matcher(firstCell);
			while (name.find()) {
				names.add(name.group(1));
			}
		}
		return names;
	}

	private static String tables(Direction direction) {
		return (direction == Direction.COMMAND) ? "commands" : "events";
	}

}
