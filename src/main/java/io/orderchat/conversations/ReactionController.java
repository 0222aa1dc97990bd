package io.orderchat.conversations;

import java.util.List;
import java.util.UUID;

import io.orderchat.identity.Caller;
import io.orderchat.shared.web.ApiResponse;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reactions over REST (docs/rest.md, <em>Reactions</em>): PUT puts the caller's emoji on
 * a message, DELETE takes it off; both are idempotent and answer with the message's
 * reactions.
 */
@RestController
class ReactionController {

	private final MessageReactions reactions;

	ReactionController(MessageReactions reactions) {
		this.reactions = reactions;
	}

	@PutMapping("/api/conversations/{id}/messages/{seq}/reactions/{emoji}")
	ApiResponse<ReactionsJson> add(Caller caller, @PathVariable String id, @PathVariable long seq,
			@PathVariable String emoji) {
		return ApiResponse
			.ok(ReactionsJson.of(this.reactions.react(caller, ConversationId.parse(id), seq, emoji, true)));
	}

	@DeleteMapping("/api/conversations/{id}/messages/{seq}/reactions/{emoji}")
	ApiResponse<ReactionsJson> remove(Caller caller, @PathVariable String id, @PathVariable long seq,
			@PathVariable String emoji) {
		return ApiResponse
			.ok(ReactionsJson.of(this.reactions.react(caller, ConversationId.parse(id), seq, emoji, false)));
	}

	record ReactionsJson(ConversationId conversationId, UUID messageId, long seq, List<Reaction> reactions) {

		static ReactionsJson of(ReactionsChanged changed) {
			return new ReactionsJson(changed.conversationId(), changed.messageId(), changed.seq(), changed.reactions());
		}

	}

}
