package io.orderchat.disputes;

import java.util.LinkedHashMap;
import java.util.Map;

import io.orderchat.shared.StatusAliases;
import io.orderchat.shared.StatusAliases.HostStatus;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The dispute status names a host app may use (DIALECTS.md §0.7): OrderChat's own, the
 * built-in aliases ({@code under_review}, {@code reviewing} … in_review; {@code closed} …
 * resolved; {@code declined} … rejected) and those configured in
 * {@code orderchat.disputes.status-aliases}, which win over the built-in ones.
 */
@Component
public class DisputeStatusNames {

	static final Map<String, String> BUILT_IN = Map.of("under_review", "in_review", "reviewing", "in_review", "closed",
			"resolved", "declined", "rejected");

	private final StatusAliases<DisputeStatus> aliases;

	DisputeStatusNames(Settings settings) {
		Map<String, String> table = new LinkedHashMap<>(BUILT_IN);
		if (settings.statusAliases() != null) {
			table.putAll(settings.statusAliases());
		}
		this.aliases = new StatusAliases<>("dispute", DisputeStatus.class, DisputeStatus::wire, table);
	}

	/** The status a host's name stands for; {@code VALIDATION_FAILED} when unknown. */
	public HostStatus<DisputeStatus> resolve(String name) {
		return this.aliases.resolve(name);
	}

	/**
	 * @param statusAliases a host app's dispute status names → OrderChat's
	 * ({@code open | in_review | resolved | rejected})
	 */
	@ConfigurationProperties("orderchat.disputes")
	record Settings(Map<String, String> statusAliases) {
	}

}
