package io.orderchat.webhooks;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import io.orderchat.identity.Caller;
import io.orderchat.identity.Role;
import io.orderchat.shared.DomainException;
import io.orderchat.shared.ErrorCode;
import io.orderchat.shared.Inputs;
import io.orderchat.shared.Timestamps;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The webhooks module's entry point: admins register endpoints, read the delivery log and
 * send a delivery again. Everyone else is refused ({@code FORBIDDEN}).
 */
@Service
public class Webhooks {

	static final int MAX_URL = 2000;

	static final int MIN_SECRET = 16;

	static final int MAX_SECRET = 200;

	static final int MAX_PAGE = 500;

	private static final SecureRandom random = new SecureRandom();

	private final Endpoints endpoints;

	private final Deliveries deliveries;

	private final EndpointDirectory directory;

	private final DeliveryWorker worker;

	private final WebhookProperties properties;

	private final Clock clock;

	Webhooks(Endpoints endpoints, Deliveries deliveries, EndpointDirectory directory, DeliveryWorker worker,
			WebhookProperties properties, Clock clock) {
		this.endpoints = endpoints;
		this.deliveries = deliveries;
		this.directory = directory;
		this.worker = worker;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * What an admin sends to register or change an endpoint; {@code null} = unchanged.
	 */
	public record EndpointRequest(String url, String secret, List<String> events, Boolean enabled) {
	}

	/** A registered endpoint with its secret: answered once, on registration. */
	public record Registered(Endpoint endpoint, String secret) {
	}

	@Transactional
	public Registered register(Caller caller, EndpointRequest request) {
		requireAdmin(caller);
		if (this.endpoints.count() >= this.properties.maxEndpoints()) {
			throw new DomainException(ErrorCode.CONFLICT, "At most " + this.properties.maxEndpoints()
					+ " endpoints may be registered (orderchat.webhooks.max-endpoints)");
		}
		if (request.url() == null) {
			throw DomainException.invalid("url is required");
		}
		if (request.events() == null) {
			throw DomainException.invalid("events is required");
		}
		String secret = (request.secret() != null) ? secret(request.secret()) : HexFormat.of().formatHex(bytes(32));
		Instant now = Timestamps.now(this.clock);
		Endpoint endpoint = new Endpoint(UUID.randomUUID(), url(request.url()), secret, events(request.events()),
				(request.enabled() != null) ? request.enabled() : true, now, now);
		this.endpoints.insert(endpoint);
		directoryChangedAfterCommit();
		return new Registered(endpoint, secret);
	}

	@Transactional(readOnly = true)
	public List<Endpoint> endpoints(Caller caller) {
		requireAdmin(caller);
		return this.endpoints.all();
	}

	@Transactional
	public Endpoint update(Caller caller, String id, EndpointRequest request) {
		requireAdmin(caller);
		Endpoint current = this.endpoints.find(Inputs.uuid(id, "endpoint id"))
			.orElseThrow(() -> DomainException.notFound("No webhook endpoint '" + id + "'"));
		Endpoint changed = new Endpoint(current.id(), (request.url() != null) ? url(request.url()) : current.url(),
				(request.secret() != null) ? secret(request.secret()) : current.secret(),
				(request.events() != null) ? events(request.events()) : current.events(),
				(request.enabled() != null) ? request.enabled() : current.enabled(), current.createdAt(),
				Timestamps.now(this.clock));
		this.endpoints.update(changed);
		directoryChangedAfterCommit();
		if (changed.enabled() && !current.enabled()) {
			wakeWorkerAfterCommit();
		}
		return changed;
	}

	/** Removes an endpoint with its deliveries (sent or not). */
	@Transactional
	public void remove(Caller caller, String id) {
		requireAdmin(caller);
		if (!this.endpoints.delete(Inputs.uuid(id, "endpoint id"))) {
			throw DomainException.notFound("No webhook endpoint '" + id + "'");
		}
		directoryChangedAfterCommit();
	}

	@Transactional(readOnly = true)
	public List<Delivery> deliveries(Caller caller, String endpointId, String status, Integer limit) {
		requireAdmin(caller);
		int size = (limit != null) ? limit : 100;
		if (size < 1 || size > MAX_PAGE) {
			throw DomainException.invalid("limit must be between 1 and " + MAX_PAGE);
		}
		UUID endpoint = (endpointId != null && !endpointId.isBlank()) ? Inputs.uuid(endpointId, "endpointId") : null;
		Delivery.Status wanted = null;
		if (status != null && !status.isBlank()) {
			try {
				wanted = Delivery.Status.valueOf(status.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw DomainException.invalid("status must be pending, delivered or failed");
			}
		}
		return this.deliveries.newest(endpoint, wanted, size);
	}

	/**
	 * Sends a pending or failed delivery now (a failed one gets one more attempt); a
	 * delivered one is refused with {@code CONFLICT}.
	 */
	@Transactional
	public Delivery retryNow(Caller caller, String id) {
		requireAdmin(caller);
		UUID delivery = Inputs.uuid(id, "delivery id");
		if (!this.deliveries.retryNow(delivery, Timestamps.now(this.clock))) {
			Delivery found = this.deliveries.find(delivery)
				.orElseThrow(() -> DomainException.notFound("No webhook delivery '" + id + "'"));
			throw new DomainException(ErrorCode.CONFLICT, "Delivery " + found.id() + " was delivered already");
		}
		wakeWorkerAfterCommit();
		return this.deliveries.find(delivery).orElseThrow();
	}

	private static void requireAdmin(Caller caller) {
		if (!caller.is(Role.ADMIN)) {
			throw DomainException.forbidden("Only admins manage webhooks");
		}
	}

	private static String url(String value) {
		String url = Inputs.requireNoNul(value.strip(), "url");
		if (url.length() > MAX_URL) {
			throw DomainException.invalid("url may have at most " + MAX_URL + " characters");
		}
		try {
			URI uri = new URI(url);
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
				throw DomainException.invalid("url must be an absolute http or https URL");
			}
		}
		catch (URISyntaxException ex) {
			throw DomainException.invalid("url must be an absolute http or https URL");
		}
		return url;
	}

	private static String secret(String value) {
		Inputs.requireNoNul(value, "secret");
		if (value.length() < MIN_SECRET || value.length() > MAX_SECRET) {
			throw DomainException.invalid("secret must have " + MIN_SECRET + ".." + MAX_SECRET + " characters");
		}
		return value;
	}

	private static Set<WebhookEvent> events(List<String> names) {
		if (names.isEmpty()) {
			throw DomainException.invalid("events must name at least one event");
		}
		Set<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);
		for (String name : names) {
			events.add(WebhookEvent.parse(name)
				.orElseThrow(() -> DomainException.invalid("Unknown event '" + name + "'; known: "
						+ EnumSet.allOf(WebhookEvent.class).stream().map(WebhookEvent::wire).toList())));
		}
		return Collections.unmodifiableSet(events);
	}

	private static byte[] bytes(int length) {
		byte[] bytes = new byte[length];
		random.nextBytes(bytes);
		return bytes;
	}

	private void directoryChangedAfterCommit() {
		this.directory.changed();
		afterCommit(this.directory::changed);
	}

	private void wakeWorkerAfterCommit() {
		afterCommit(this.worker::wake);
	}

	private static void afterCommit(Runnable action) {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				action.run();
			}
		});
	}

}
