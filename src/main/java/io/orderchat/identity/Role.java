package io.orderchat.identity;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a caller is to the system. The wire name is the lower-case constant name. */
public enum Role {

	CUSTOMER, PERFORMER, MODERATOR, SUPPORT, ADMIN;

	/** The name on the wire, made once: it is written into every message and event. */
	private final String wire = name().toLowerCase(Locale.ROOT);

	/** The names the seed apps use in their tokens for our roles. */
	private static final Map<String, Role> ALIASES = Map.ofEntries(Map.entry("client", CUSTOMER),
			Map.entry("user", CUSTOMER), Map.entry("buyer", CUSTOMER), Map.entry("agent", PERFORMER),
			Map.entry("shopper", PERFORMER), Map.entry("courier", PERFORMER), Map.entry("driver", PERFORMER),
			Map.entry("executor", PERFORMER), Map.entry("mod", MODERATOR), Map.entry("support_agent", SUPPORT),
			Map.entry("support-agent", SUPPORT), Map.entry("administrator", ADMIN), Map.entry("superadmin", ADMIN));

	@JsonValue
	public String wire() {
		return this.wire;
	}

	/**
	 * Moderators, support agents and admins: people who work the system rather than use
	 * it.
	 */
	public boolean isStaff() {
		return this == MODERATOR || this == SUPPORT || this == ADMIN;
	}

	/**
	 * Reads a role from a wire name or one of its aliases ({@code client},
	 * {@code agent}...).
	 */
	public static Optional<Role> parse(String value) {
		if (value == null) {
			return Optional.empty();
		}
		String key = value.strip().toLowerCase(Locale.ROOT);
		for (Role role : values()) {
			if (role.wire().equals(key)) {
				return Optional.of(role);
			}
		}
		return Optional.ofNullable(ALIASES.get(key));
	}

}
