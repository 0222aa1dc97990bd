package io.orderchat.search;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import io.orderchat.conversations.ConversationId;
import io.orderchat.conversations.ConversationKind;
import io.orderchat.identity.Caller;
import io.orderchat.shared.DomainException;
import io.orderchat.shared.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.HtmlUtils;

/**
 * The embedded H2's plain match: messages whose content holds the whole text,
 * case-insensitively ({@code LIKE}, no query syntax, no index, rank 0), newest first; the
 * same readable messages and filters as on PostgreSQL.
 */
final class LikeMatches implements Matches {

	/** Characters of context on each side of the match in a snippet. */
	private static final int CONTEXT = 60;

	private final JdbcClient jdbc;

	LikeMatches(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<SearchHit> find(SearchQuery query, Caller caller, Set<ConversationKind> observable) {
		String needle = query.text().toLowerCase(Locale.ROOT);
		List<Object> params = new ArrayList<>();
		params.add("%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		String readable = Readable.where(query, caller, observable, params);
		String after = "";
		if (query.after() != null) {
			Instant at = timeOf(query.after());
			after = " AND (m.created_at < ? OR (m.created_at = ? AND m.id < ?))";
			params.addAll(List.of(Timestamps.column(at), Timestamps.column(at), query.after().id()));
		}
		return this.jdbc
			.sql("SELECT m.id, m.conversation_id, c.kind, c.subject_id, m.seq, m.sender_id, m.sender_name, "
					+ "m.sender_role, m.created_at, m.content FROM all_messages m JOIN conversations c "
					+ "ON c.id = m.conversation_id WHERE LOWER(m.content) LIKE ? ESCAPE '\\' AND " + readable + after
					+ " ORDER BY m.created_at DESC, m.id DESC LIMIT " + (query.limit() + 1))
			.params(params)
			.query((rs, row) -> new SearchHit(new ConversationId(rs.getObject("conversation_id", UUID.class)),
					rs.getString("kind"), rs.getString("subject_id"), rs.getLong("seq"), rs.getObject("id", UUID.class),
					rs.getString("sender_id"), rs.getString("sender_name"), rs.getString("sender_role"),
					Timestamps.read(rs, "created_at"), snippet(rs.getString("content"), needle), 0f))
			.list();
	}

	@Override
	public SearchCursor after(SearchHit hit) {
		return new SearchCursor(hit.createdAt().toString(), hit.messageId());
	}

	/** The match with some context, HTML-escaped, between « and ». */
	static String snippet(String content, String needle) {
		int at = content.toLowerCase(Locale.ROOT).indexOf(needle);
		if (at < 0) {
			// lower-casing changed the length (rare letters): no markers then
			return HtmlUtils.htmlEscape(content.substring(0, Math.min(content.length(), 2 * CONTEXT)));
		}
		int end = at + needle.length();
		int start = Math.max(0, at - CONTEXT);
		int stop = Math.min(content.length(), end + CONTEXT);
		return ((start > 0) ? "…" : "") + HtmlUtils.htmlEscape(content.substring(start, at)) + "«"
				+ HtmlUtils.htmlEscape(content.substring(at, end)) + "»"
				+ HtmlUtils.htmlEscape(content.substring(end, stop)) + ((stop < content.length()) ? "…" : "");
	}

	private static Instant timeOf(SearchCursor cursor) {
		try {
			return Instant.parse(cursor.key());
		}
		catch (DateTimeParseException ex) {
			throw DomainException.invalid("Invalid cursor");
		}
	}

}
