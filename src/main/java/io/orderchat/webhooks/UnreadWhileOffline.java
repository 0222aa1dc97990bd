package io.orderchat.webhooks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.orderchat.shared.Timestamps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code participant.unread_offline}: every {@code unreadScanInterval} it looks for
 * participants with a message from someone else unread for {@code unreadAfter} who have
 * no open connection, and writes one delivery per participant and conversation; the next
 * one waits for a newer unread message. Each notice is recorded in the transaction that
 * writes its deliveries, so of several nodes scanning at once one tells. Nothing is
 * scanned while no endpoint wants the event.
 */
@Component
class UnreadWhileOffline implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(UnreadWhileOffline.class);

	/** Most participants told per scan; the rest are told by the next scan. */
	static final int BATCH = 500;

	/**
	 * Conversations quiet for longer than this (beyond {@code unreadAfter}) are not
	 * scanned.
	 */
	static final Duration LOOKBACK = Duration.ofDays(1);

	private final UnreadNotices notices;

	private final Outbox outbox;

	private final ObjectProvider<OnlineUsers> onlineUsers;

	private final TransactionTemplate transactions;

	private final WebhookProperties properties;

	private final Clock clock;

	private volatile ScheduledExecutorService scanner;

	UnreadWhileOffline(UnreadNotices notices, Outbox outbox, ObjectProvider<OnlineUsers> onlineUsers,
			TransactionTemplate transactions, WebhookProperties properties, Clock clock) {
		this.notices = notices;
		this.outbox = outbox;
		this.onlineUsers = onlineUsers;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
	}

	/** Scans once; answers how many participants were told. */
	int scan() {
		if (!this.outbox.wanted(WebhookEvent.PARTICIPANT_UNREAD_OFFLINE)) {
			return 0;
		}
		Instant now = Timestamps.now(this.clock);
		Instant cutoff = now.minus(this.properties.unreadAfter());
		List<UnreadNotices.Waiting> waiting = this.notices.waiting(cutoff, cutoff.minus(LOOKBACK), BATCH);
		if (waiting.isEmpty()) {
			return 0;
		}
		OnlineUsers presence = this.onlineUsers.getIfAvailable();
		Set<String> online = (presence != null)
				? presence.online(waiting.stream().map(UnreadNotices.Waiting::userId).toList()) : Set.of();
		int told = 0;
		for (UnreadNotices.Waiting participant : waiting) {
			if (online.contains(participant.userId())) {
				continue;
			}
			try {
				Boolean notified = this.transactions.execute((status) -> tell(participant, now));
				told += Boolean.TRUE.equals(notified) ? 1 : 0;
			}
			catch (DataIntegrityViolationException ex) {
				// another node told this participant at the same moment
			}
		}
		return told;
	}

	private boolean tell(UnreadNotices.Waiting participant, Instant now) {
		if (!this.notices.markNotified(participant.conversationId(), participant.userId(), participant.lastSeq(),
				now)) {
			return false;
		}
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("userId", participant.userId());
		data.put("conversationId", participant.conversationId().toString());
		data.put("kind", participant.kind());
		data.put("subjectId", participant.subjectId());
		data.put("unreadCount", participant.unread());
		data.put("oldestUnreadAt", participant.oldestUnreadAt().toString());
		data.put("lastSeq", participant.lastSeq());
		this.outbox.write(WebhookEvent.PARTICIPANT_UNREAD_OFFLINE, data);
		return true;
	}

	@Override
	public void start() {
		if (!this.properties.enabled()) {
			return;
		}
		this.scanner = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("webhook-unread-scan").daemon().factory());
		long every = this.properties.unreadScanInterval().toMillis();
		this.scanner.scheduleWithFixedDelay(() -> {
			try {
				scan();
			}
			catch (RuntimeException ex) {
				log.warn("Could not look for unread messages of offline participants: {}", ex.toString());
			}
		}, every, every, TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		ScheduledExecutorService scanner = this.scanner;
		this.scanner = null;
		if (scanner != null) {
			scanner.shutdownNow();
		}
	}

	@Override
	public boolean isRunning() {
		return this.scanner != null;
	}

}
