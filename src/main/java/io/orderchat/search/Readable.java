package io.orderchat.search;

import java.util.List;
import java.util.Set;

import io.orderchat.conversations.ConversationKind;
import io.orderchat.identity.Caller;
import io.orderchat.shared.Inputs;
import io.orderchat.shared.Timestamps;

/**
 * The messages a caller may find, and the query's filters, as one SQL condition over
 * {@code messages m JOIN conversations c}: both search implementations use it, so the
 * rule lives here only.
 * <p>
 * It is {@code AccessPolicy.mayAccess} (the rule of history, in SQL the way
 * {@code Messages.guardedPage} writes it): an active participant, or a conversation of a
 * kind the caller's role observes ({@code ConversationAccess.observableKinds}: admins
 * all, moderators disputes, support agents support sessions; an assigned moderator is a
 * participant of the order's chat). Staff-only notes only for staff. Never a tombstone (a
 * deleted or cleaned message) and never a system message: those are the server's
 * announcements (joins, status changes), not what anybody wrote.
 */
final class Readable {

	private Readable() {
	}

	/** The condition; its parameters are added to {@code params} in order. */
	static String where(SearchQuery query, Caller caller, Set<ConversationKind> observable, List<Object> params) {
		StringBuilder sql = new StringBuilder(
				"m.deleted_at IS NULL AND m.type <> 'system' AND (? OR m.visibility = 'all')"
						+ " AND (c.kind = ANY (?) OR EXISTS (SELECT 1 FROM participants p"
						+ " WHERE p.conversation_id = m.conversation_id AND p.user_id = ? AND p.left_at IS NULL))");
		params.add(caller.isStaff());
		params.add(observable.stream().map(ConversationKind::wire).toArray(String[]::new));
		params.add(caller.userId());
		if (query.conversation() != null) {
			sql.append(" AND m.conversation_id = ?");
			params.add(query.conversation().value());
		}
		if (query.kind() != null) {
			sql.append(" AND c.kind = ?");
			params.add(query.kind().wire());
		}
		if (query.orderId() != null) {
			// the order's chat and the chats of its disputes
			sql.append(" AND ((c.kind = 'order' AND c.subject_id = ?)");
			params.add(query.orderId());
			Inputs.parseUuid(query.orderId()).ifPresent((orderId) -> {
				sql.append(" OR (c.kind = 'dispute' AND c.subject_id IN"
						+ " (SELECT CAST(d.id AS VARCHAR) FROM disputes d WHERE d.order_id = ?))");
				params.add(orderId);
			});
			sql.append(")");
		}
		if (query.senderId() != null) {
			sql.append(" AND m.sender_id = ?");
			params.add(query.senderId());
		}
		if (query.from() != null) {
			sql.append(" AND m.created_at >= ?");
			params.add(Timestamps.column(query.from()));
		}
		if (query.to() != null) {
			sql.append(" AND m.created_at < ?");
			params.add(Timestamps.column(query.to()));
		}
		return sql.toString();
	}

}
