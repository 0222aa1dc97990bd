package io.orderchat.support;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.orderchat.audit.AuditTrail;
import io.orderchat.conversations.ConversationAccess;
import io.orderchat.conversations.ConversationId;
import io.orderchat.conversations.ConversationKind;
import io.orderchat.conversations.ConversationManagement;
import io.orderchat.conversations.Member;
import io.orderchat.conversations.Membership;
import io.orderchat.conversations.Messaging;
import io.orderchat.conversations.NewMessage;
import io.orderchat.identity.Caller;
import io.orderchat.identity.Role;
import io.orderchat.identity.UserDirectory;
import io.orderchat.shared.DomainException;
import io.orderchat.shared.Inputs;
import io.orderchat.shared.Timestamps;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The support module's entry point. A session is visible to its customer, to support
 * agents and to admins (who may access its conversation). Every change posts a system
 * message in the session's conversation and publishes an event.
 */
@Service
public class SupportDesk {

	private static final int MAX_QUEUE = 200;

	private final SupportSessions sessions;

	private final ConversationManagement conversations;

	private final ConversationAccess conversationAccess;

	private final Messaging messaging;

	private final Membership membership;

	private final UserDirectory users;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SupportDesk(SupportSessions sessions, ConversationManagement conversations, ConversationAccess conversationAccess,
			Messaging messaging, Membership membership, UserDirectory users, AuditTrail audit,
			ApplicationEventPublisher events, Clock clock) {
		this.sessions = sessions;
		this.conversations = conversations;
		this.conversationAccess = conversationAccess;
		this.messaging = messaging;
		this.membership = membership;
		this.users = users;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Opens a waiting session with the caller as its customer; the initial message, when
	 * given, is its first message from them.
	 */
	@Transactional
	public SupportSession create(Caller caller, NewSession request) {
		String subject = Inputs.optionalText(request.subject(), "subject", 300);
		if (subject == null) {
			throw DomainException.invalid("Field 'subject' is required");
		}
		String category = Inputs.optionalText(request.category(), "category", 100);
		Priority priority = (request.priority() != null)
				? Priority.parse(request.priority())
					.orElseThrow(() -> DomainException
						.invalid("Unknown priority '" + request.priority() + "'; use low, medium, high or urgent"))
				: Priority.MEDIUM;
		String restaurant = Inputs.optionalText(request.restaurantId(), "restaurant_id", 200);
		Instant now = Timestamps.now(this.clock);
		UUID id = UUID.randomUUID();
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("event", "support.created");
		metadata.put("sessionId", id.toString());
		ConversationId conversation = this.conversations.start(ConversationKind.SUPPORT, id.toString(), subject,
				List.of(new Member(caller.userId(), caller.name(), Role.CUSTOMER)),
				"Support session opened: " + subject, metadata);
		SupportSession session = new SupportSession(id, conversation, caller.userId(), caller.name(), null, null,
				subject, (category != null) ? category : "general", priority, restaurant, SupportStatus.WAITING, now,
				now, null, null, null, null);
		this.sessions.insert(session);
		if (request.initialMessage() != null && !request.initialMessage().isBlank()) {
			this.messaging.send(caller, conversation, NewMessage.text(request.initialMessage(), null));
		}
		this.events.publishEvent(new SupportSessionCreated(session));
		return session;
	}

	/**
	 * The sessions a caller works on (DIALECTS.md §4.3): customers their own; support
	 * agents the waiting ones they may take and the active ones assigned to them; admins
	 * every waiting or active one. Newest activity first.
	 */
	@Transactional(readOnly = true)
	public List<SupportSession> mine(Caller caller) {
		if (caller.is(Role.ADMIN)) {
			return this.sessions.open();
		}
		return caller.is(Role.SUPPORT) ? this.sessions.openTo(caller.userId())
				: this.sessions.ofCustomer(caller.userId());
	}

	/** Waiting sessions, most urgent then oldest first (agents only). */
	@Transactional(readOnly = true)
	public List<SupportSession> queue(Caller caller) {
		if (!SupportSession.isAgent(caller)) {
			throw DomainException.forbidden("Only support agents can see the support queue");
		}
		return this.sessions.waiting(MAX_QUEUE);
	}

	/** The session, if the caller may see it. */
	@Transactional(readOnly = true)
	public SupportSession get(Caller caller, String sessionId) {
		SupportSession session = this.sessions.find(id(sessionId))
			.orElseThrow(() -> DomainException.notFound("No support session '" + sessionId + "'"));
		if (!this.conversationAccess.mayAccess(caller, session.conversationId())) {
			throw DomainException.forbidden("This is not your support session");
		}
		return session;
	}

	/** The session of a support conversation, unchecked. */
	@Transactional(readOnly = true)
	public Optional<SupportSession> ofConversation(ConversationId id) {
		return this.sessions.findByConversation(id);
	}

	/**
	 * An agent accepts a waiting session (waiting → active) and joins its conversation.
	 * Of two agents accepting at once exactly one wins; the other is refused with
	 * {@code CONFLICT}.
	 */
	@Transactional
	public SupportSession accept(Caller caller, String sessionId) {
		get(caller, sessionId);
		SupportSession current = this.sessions.lock(id(sessionId)).orElseThrow();
		SupportSession accepted = current.accept(caller, Timestamps.now(this.clock));
		return takeOver(caller, current, accepted);
	}

	/**
	 * A support agent or admin assigns a waiting session to an agent ({@code agentId},
	 * the caller when null) who must be a known support agent; a session that is not
	 * waiting any more is refused ({@code VALIDATION_FAILED}, as seed 003's app did).
	 */
	@Transactional
	public SupportSession assign(Caller caller, String sessionId, String agentId) {
		if (!SupportSession.isAgent(caller)) {
			throw DomainException.forbidden("Only support agents can assign support sessions");
		}
		get(caller, sessionId);
		String targetId = caller.userId();
		String targetName = caller.name();
		if (agentId != null && !agentId.isBlank() && !agentId.strip().equals(caller.userId())) {
			UserDirectory.KnownUser agent = this.users.find(agentId)
				.filter((user) -> user.role() == Role.SUPPORT || user.role() == Role.ADMIN)
				.orElseThrow(() -> DomainException.notFound("No support agent '" + agentId + "'"));
			targetId = agent.id();
			targetName = agent.name();
		}
		SupportSession current = this.sessions.lock(id(sessionId)).orElseThrow();
		if (current.status() != SupportStatus.WAITING) {
			throw DomainException
				.invalid("Only a waiting session can be assigned; this one is " + current.status().wire());
		}
		SupportSession assigned = current.assign(caller, targetId, targetName, Timestamps.now(this.clock));
		return takeOver(caller, current, assigned);
	}

	/**
	 * Resolves or closes the session (see {@link SupportSession#changeStatus}); a closed
	 * session's conversation refuses new messages. {@code active} accepts a waiting
	 * session.
	 */
	@Transactional
	public SupportSession changeStatus(Caller caller, String sessionId, SupportStatus to) {
		if (to == null) {
			throw DomainException.invalid("Field 'status' is required");
		}
		if (to == SupportStatus.ACTIVE) {
			return accept(caller, sessionId);
		}
		get(caller, sessionId);
		SupportSession current = this.sessions.lock(id(sessionId)).orElseThrow();
		SupportSession changed = current.changeStatus(caller, to, Timestamps.now(this.clock));
		this.sessions.update(changed);
		Map<String, Object> metadata = statusMetadata(current, changed, caller);
		String text = (to == SupportStatus.CLOSED) ? "Session closed by " + caller.name()
				: "Session " + to.wire() + " by " + caller.name();
		if (to == SupportStatus.CLOSED) {
			this.conversations.close(changed.conversationId(), text, metadata);
		}
		else {
			this.conversations.postSystemMessage(changed.conversationId(), text, metadata);
		}
		if (caller.isStaff()) {
			this.audit.record(caller, "support." + to.wire(), changed.conversationId().toString(),
					changed.id().toString(), Map.of("from", current.status().wire()));
		}
		this.events.publishEvent(new SupportSessionStatusChanged(changed, current.status(), to, caller.userId()));
		return changed;
	}

	/** Either side closes the session. */
	@Transactional
	public SupportSession close(Caller caller, String sessionId) {
		return changeStatus(caller, sessionId, SupportStatus.CLOSED);
	}

	private SupportSession takeOver(Caller caller, SupportSession current, SupportSession taken) {
		this.sessions.update(taken);
		if (current.agentId() != null && !current.agentId().equals(taken.agentId())) {
			this.membership.removeParticipant(caller, taken.conversationId(), current.agentId(),
					current.agentName() + " left the chat");
		}
		this.membership.addParticipant(caller, taken.conversationId(),
				new Member(taken.agentId(), taken.agentName(), Role.SUPPORT), taken.agentName() + " joined the chat");
		this.audit.record(caller, current.agentId() == null ? "support.accepted" : "support.assigned",
				taken.conversationId().toString(), taken.id().toString(), Map.of("agentId", taken.agentId()));
		this.events.publishEvent(new SupportSessionAccepted(taken, current.agentId(), caller.userId()));
		if (current.status() != taken.status()) {
			this.events.publishEvent(
					new SupportSessionStatusChanged(taken, current.status(), taken.status(), caller.userId()));
		}
		return taken;
	}

	private static Map<String, Object> statusMetadata(SupportSession from, SupportSession to, Caller by) {
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("event", "support.status");
		metadata.put("sessionId", to.id().toString());
		metadata.put("from", from.status().wire());
		metadata.put("to", to.status().wire());
		metadata.put("by", by.userId());
		return metadata;
	}

	private static UUID id(String sessionId) {
		return Inputs.uuid(sessionId, "support session");
	}

}
