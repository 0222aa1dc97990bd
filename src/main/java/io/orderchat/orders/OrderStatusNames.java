package io.orderchat.orders;

import java.util.LinkedHashMap;
import java.util.Map;

import io.orderchat.shared.StatusAliases;
import io.orderchat.shared.StatusAliases.HostStatus;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The order status names a host app may use (DIALECTS.md §0.7): OrderChat's own, the
 * built-in aliases ({@code in_transit}, {@code in_progress}, {@code accepted} …
 * processing; {@code delivered} … completed; {@code canceled} … cancelled;
 * {@code declined} … rejected) and those configured in
 * {@code orderchat.orders.status-aliases}, which win over the built-in ones.
 */
@Component
public class OrderStatusNames {

	static final Map<String, String> BUILT_IN = Map.ofEntries(Map.entry("in_transit", "processing"),
			Map.entry("in_progress", "processing"), Map.entry("accepted", "processing"),
			Map.entry("assigned", "processing"), Map.entry("picked_up", "processing"),
			Map.entry("delivered", "completed"), Map.entry("canceled", "cancelled"), Map.entry("declined", "rejected"));

	private final StatusAliases<OrderStatus> aliases;

	OrderStatusNames(Settings settings) {
		Map<String, String> table = new LinkedHashMap<>(BUILT_IN);
		if (settings.statusAliases() != null) {
			table.putAll(settings.statusAliases());
		}
		this.aliases = new StatusAliases<>("order", OrderStatus.class, OrderStatus::wire, table);
	}

	/** The status a host's name stands for; {@code VALIDATION_FAILED} when unknown. */
	public HostStatus<OrderStatus> resolve(String name) {
		return this.aliases.resolve(name);
	}

	/**
	 * @param statusAliases a host app's order status names → OrderChat's
	 * ({@code pending | processing | completed | cancelled | rejected})
	 */
	@ConfigurationProperties("orderchat.orders")
	record Settings(Map<String, String> statusAliases) {
	}

}
