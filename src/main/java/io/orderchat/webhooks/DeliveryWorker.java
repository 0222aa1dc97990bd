package io.orderchat.webhooks;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends due deliveries: a poller claims as many as there are free senders in the fixed
 * pool (claims are leases in the database, so nodes never send the same delivery at the
 * same time) and the pool sends them; each outcome is recorded under the claim. A
 * delivery that fails waits {@code initialBackoff × 2^(attempts-1)} (at most
 * {@code maxBackoff}) and is given up after {@code maxAttempts}. Delivery is at least
 * once: a node that dies after sending and before recording sends nothing more, and the
 * delivery is sent again when its lease has run out — receivers drop repeats by
 * {@code X-OrderChat-Delivery}.
 */
@Component
class DeliveryWorker implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

	private final Deliveries deliveries;

	private final WebhookSender sender;

	private final WebhookProperties properties;

	private final Clock clock;

	private final MeterRegistry meters;

	private final Semaphore freeSenders;

	private final AtomicBoolean polling = new AtomicBoolean();

	private volatile ScheduledExecutorService poller;

	private volatile ExecutorService pool;

	DeliveryWorker(Deliveries deliveries, WebhookSender sender, WebhookProperties properties, Clock clock,
			MeterRegistry meters) {
		this.deliveries = deliveries;
		this.sender = sender;
		this.properties = properties;
		this.clock = clock;
		this.meters = meters;
		// served at zero from the start, so a dashboard sees a rate before the first
		// failure
		for (String outcome : new String[] { "delivered", "retry", "failed" }) {
			meters.counter("orderchat.webhook.deliveries", "outcome", outcome);
		}
		this.freeSenders = new Semaphore(Math.max(1, properties.workers()));
	}

	@Override
	public void start() {
		if (!this.properties.enabled()) {
			return;
		}
		this.pool = Executors.newFixedThreadPool(Math.max(1, this.properties.workers()),
				Thread.ofPlatform().name("webhook-sender-", 0).daemon().factory());
		this.poller = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("webhook-poller").daemon().factory());
		// the first poll sends what an earlier run (or a crashed node) left unsent
		this.poller.scheduleWithFixedDelay(this::poll, 0, this.properties.pollInterval().toMillis(),
				TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		ScheduledExecutorService poller = this.poller;
		ExecutorService pool = this.pool;
		this.poller = null;
		this.pool = null;
		if (poller != null) {
			poller.shutdownNow();
		}
		if (pool != null) {
			pool.shutdown();
			try {
				// an attempt in flight finishes and records its outcome; its lease covers
				// it
				pool.awaitTermination(this.properties.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.poller != null;
	}

	/**
	 * Looks for due deliveries now (a transaction of this node has just written some).
	 */
	void wake() {
		ScheduledExecutorService poller = this.poller;
		if (poller != null) {
			try {
				poller.execute(this::poll);
			}
			catch (java.util.concurrent.RejectedExecutionException ex) {
				// stopping: the next start (or another node) sends it
			}
		}
	}

	private void poll() {
		if (!this.polling.compareAndSet(false, true)) {
			return;
		}
		try {
			int free = this.freeSenders.drainPermits();
			if (free == 0) {
				return;
			}
			List<Deliveries.Claimed> claimed = List.of();
			try {
				Instant now = this.clock.instant();
				claimed = this.deliveries.claim(free, now, now.plus(this.properties.lease()));
			}
			finally {
				this.freeSenders.release(free - claimed.size());
			}
			ExecutorService pool = this.pool;
			for (Deliveries.Claimed delivery : claimed) {
				pool.execute(() -> sendOne(delivery));
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not claim webhook deliveries: {}", ex.toString());
		}
		finally {
			this.polling.set(false);
		}
	}

	private void sendOne(Deliveries.Claimed delivery) {
		try {
			WebhookSender.Result result = this.sender.send(delivery);
			Instant now = this.clock.instant();
			if (result.delivered()) {
				this.deliveries.delivered(delivery, result.statusCode(), now);
				count("delivered");
			}
			else if (delivery.attempts() >= this.properties.maxAttempts()) {
				this.deliveries.attemptFailed(delivery, code(result), result.error(), null);
				count("failed");
				log.warn("Webhook delivery {} to {} given up after {} attempts: {}", delivery.id(), delivery.url(),
						delivery.attempts(), result.error());
			}
			else {
				this.deliveries.attemptFailed(delivery, code(result), result.error(),
						now.plus(this.properties.backoff(delivery.attempts())));
				count("retry");
			}
		}
		catch (RuntimeException ex) {
			// the outcome could not be recorded: the lease runs out and the delivery is
			// sent again
			log.warn("Could not record webhook delivery {}: {}", delivery.id(), ex.toString());
		}
		finally {
			this.freeSenders.release();
		}
		wake();
	}

	private static Integer code(WebhookSender.Result result) {
		return (result.statusCode() > 0) ? result.statusCode() : null;
	}

	private void count(String outcome) {
		this.meters.counter("orderchat.webhook.deliveries", "outcome", outcome).increment();
	}

}
