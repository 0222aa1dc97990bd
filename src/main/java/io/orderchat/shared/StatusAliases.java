package io.orderchat.shared;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A host app's own status names mapped onto one of OrderChat's lifecycles (DIALECTS.md
 * §0.7): OrderChat's own names map to themselves, the aliases to the status they name.
 * Names are matched ignoring case and separators ({@code in_transit}, {@code In-Transit}
 * and {@code intransit} are one name), because Spring binds a map key such as
 * {@code in_transit} without its underscore.
 *
 * @param <S> the lifecycle
 */
public final class StatusAliases<S extends Enum<S>> {

	private final String kind;

	private final Map<String, S> byKey = new LinkedHashMap<>();

	private final Map<String, String> known = new LinkedHashMap<>();

	/**
	 * @param kind what the statuses are of, for messages ({@code order})
	 * @param lifecycle OrderChat's statuses
	 * @param wire a status's own name
	 * @param aliases host names → OrderChat's names; each target must be a status of the
	 * lifecycle
	 */
	public StatusAliases(String kind, Class<S> lifecycle, Function<S, String> wire, Map<String, String> aliases) {
		this.kind = kind;
		Map<String, S> own = new LinkedHashMap<>();
		for (S status : lifecycle.getEnumConstants()) {
			add(wire.apply(status), status);
			own.put(key(wire.apply(status)), status);
		}
		aliases.forEach((alias, target) -> {
			S status = (target != null) ? own.get(key(target)) : null;
			if (status == null) {
				throw new IllegalArgumentException("The " + kind + " status alias '" + alias + "' names '" + target
						+ "', which is no " + kind + " status; use one of " + lifecycleNames(lifecycle, wire));
			}
			add(alias, status);
		});
	}

	/**
	 * The status a host's name stands for, with the name as the host wrote it (trimmed);
	 * {@code VALIDATION_FAILED} naming the known names when it is neither OrderChat's nor
	 * an alias.
	 */
	public HostStatus<S> resolve(String name) {
		if (name == null || name.isBlank()) {
			throw DomainException.invalid("Field 'status' is required");
		}
		S status = this.byKey.get(key(name));
		if (status == null) {
			throw DomainException.invalid(
					"Unknown " + this.kind + " status '" + ((name.length() > 100) ? name.substring(0, 100) + "…" : name)
							+ "'; one of " + String.join(", ", new TreeSet<>(this.known.values())));
		}
		return new HostStatus<>(status, name.strip());
	}

	private void add(String name, S status) {
		this.byKey.put(key(name), status);
		this.known.put(key(name), name);
	}

	private static String key(String name) {
		return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
	}

	private static <S extends Enum<S>> String lifecycleNames(Class<S> lifecycle, Function<S, String> wire) {
		StringBuilder names = new StringBuilder();
		for (S status : lifecycle.getEnumConstants()) {
			names.append((names.isEmpty()) ? "" : ", ").append(wire.apply(status));
		}
		return names.toString();
	}

	/**
	 * A status as a host named it: OrderChat's {@code status} and the host's
	 * {@code name}, which the seed vocabularies echo.
	 */
	public record HostStatus<S>(S status, String name) {
	}

}
