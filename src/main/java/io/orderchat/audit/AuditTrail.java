package io.orderchat.audit;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.orderchat.identity.Caller;
import io.orderchat.identity.Role;
import io.orderchat.shared.DomainException;
import io.orderchat.shared.Inputs;
import io.orderchat.shared.Timestamps;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit module's entry point. {@link #record} joins the acting transaction, so an
 * action and its entry commit or roll back together: the trail holds exactly what
 * happened.
 */
@Service
public class AuditTrail {

	/** Most entries one read returns. */
	static final int MAX_PAGE = 500;

	private final AuditLog log;

	private final Clock clock;

	AuditTrail(AuditLog log, Clock clock) {
		this.log = log;
		this.clock = clock;
	}

	/** Records what {@code actor} did; {@code details} may be empty. */
	@Transactional
	public AuditEntry record(Caller actor, String action, String conversationId, String subjectId, int messagesRemoved,
			int imagesRemoved, Map<String, Object> details) {
		AuditEntry entry = new AuditEntry(UUID.randomUUID(), Timestamps.now(this.clock), actor.userId(), actor.name(),
				actor.role(), action, conversationId, subjectId, messagesRemoved, imagesRemoved,
				(details != null) ? details : Map.of());
		this.log.insert(entry);
		return entry;
	}

	@Transactional
	public AuditEntry record(Caller actor, String action, String conversationId, String subjectId,
			Map<String, Object> details) {
		return record(actor, action, conversationId, subjectId, 0, 0, details);
	}

	/**
	 * The newest entries first, for admins only; optionally of one conversation or one
	 * actor.
	 */
	@Transactional(readOnly = true)
	public List<AuditEntry> read(Caller reader, String conversationId, String actorId, Integer limit) {
		if (!reader.is(Role.ADMIN)) {
			throw DomainException.forbidden("Only admins can read the audit trail");
		}
		int size = (limit != null) ? limit : 100;
		if (size < 1 || size > MAX_PAGE) {
			throw DomainException.invalid("limit must be between 1 and " + MAX_PAGE);
		}
		UUID conversation = null;
		if (conversationId != null && !conversationId.isBlank()) {
			conversation = Inputs.parseUuid(conversationId)
				.orElseThrow(() -> DomainException.invalid("conversationId must be a conversation id"));
		}
		return this.log.newest(conversation, (actorId != null && !actorId.isBlank()) ? actorId.strip() : null, size);
	}

}
