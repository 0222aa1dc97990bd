package io.orderchat.realtime.presence;

import java.util.List;
import java.util.Map;

import io.orderchat.conversations.ConversationAccess;
import io.orderchat.conversations.ConversationId;
import io.orderchat.conversations.Membership;
import io.orderchat.conversations.Participant;
import io.orderchat.identity.Caller;
import io.orderchat.identity.Role;
import io.orderchat.shared.web.ApiResponse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/conversations/{id}/presence}: which participants of a conversation are
 * online and with how many connections, on every node (as {@link Presence} knows it), for
 * whoever may read the conversation.
 */
@RestController
class ConversationPresenceController {

	private final ConversationAccess access;

	private final Membership membership;

	private final Presence presence;

	ConversationPresenceController(ConversationAccess access, Membership membership, Presence presence) {
		this.access = access;
		this.membership = membership;
		this.presence = presence;
	}

	@GetMapping("/api/conversations/{id}/presence")
	ApiResponse<ConversationPresence> presence(Caller caller, @PathVariable String id) {
		ConversationId conversation = ConversationId.parse(id);
		this.access.requireAccess(caller, conversation);
		List<Participant> participants = this.membership.participants(conversation);
		Map<String, Integer> connections = this.presence
			.connections(participants.stream().map(Participant::userId).toList());
		List<ParticipantPresence> listed = participants.stream()
			.map((participant) -> ParticipantPresence.of(participant,
					connections.getOrDefault(participant.userId(), 0)))
			.toList();
		return ApiResponse.ok(new ConversationPresence(conversation.toString(),
				(int) listed.stream().filter(ParticipantPresence::online).count(),
				listed.stream().mapToInt(ParticipantPresence::connections).sum(), listed));
	}

	/**
	 * {@code online}: participants with a connection; {@code connections}: all of them.
	 */
	record ConversationPresence(String conversationId, int online, int connections,
			List<ParticipantPresence> participants) {
	}

	record ParticipantPresence(String userId, String name, Role role, boolean online, int connections) {

		static ParticipantPresence of(Participant participant, int connections) {
			return new ParticipantPresence(participant.userId(), participant.name(), participant.role(),
					connections > 0, connections);
		}

	}

}
