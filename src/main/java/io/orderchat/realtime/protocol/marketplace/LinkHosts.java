package io.orderchat.realtime.protocol.marketplace;

import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The hosts seed 004's external attachment links may point at (DIALECTS.md §5.1, decided:
 * an optional allow-list). Empty: any {@code http}/{@code https} host. A listed host
 * admits itself and its subdomains ({@code cdn.example.com} for {@code example.com}).
 *
 * @param linkHosts the allowed hosts, {@code orderchat.marketplace.link-hosts}
 */
@ConfigurationProperties("orderchat.marketplace")
record LinkHosts(List<String> linkHosts) {

	LinkHosts {
		linkHosts = (linkHosts != null) ? linkHosts.stream()
			.map((host) -> host.strip().toLowerCase(Locale.ROOT))
			.filter((h) -> !h.isEmpty())
			.toList() : List.of();
	}

	static LinkHosts any() {
		return new LinkHosts(List.of());
	}

	boolean allows(String host) {
		if (this.linkHosts.isEmpty()) {
			return true;
		}
		String candidate = host.toLowerCase(Locale.ROOT);
		return this.linkHosts.stream()
			.anyMatch((allowed) -> candidate.equals(allowed) || candidate.endsWith("." + allowed));
	}

}
