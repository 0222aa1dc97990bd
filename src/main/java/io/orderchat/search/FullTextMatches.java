package io.orderchat.search;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.orderchat.conversations.ConversationId;
import io.orderchat.conversations.ConversationKind;
import io.orderchat.identity.Caller;
import io.orderchat.shared.DomainException;
import io.orderchat.shared.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PostgreSQL full-text search: {@code websearch_to_tsquery('simple', q)} (quoted phrases,
 * {@code or}, {@code -word}; it never fails on any input), the last word also as a
 * prefix, against the GIN index of V100 (same expression, same
 * {@code deleted_at IS NULL}); ranked by {@code ts_rank}, then the message id; snippets
 * by {@code ts_headline} over the HTML-escaped content.
 */
final class FullTextMatches implements Matches {

	/** The indexed expression of V100, to the letter: chat text is not markup. */
	static final String VECTOR = "to_tsvector('simple', TRANSLATE(COALESCE(m.content, ''), '<>', '  '))";

	/** websearch_to_tsquery's text with {@code :*} on its last lexeme when asked. */
	private static final String QUERY = "WITH q AS (SELECT CASE WHEN ? AND w.t LIKE '%''' THEN (w.t || ':*')::tsquery "
			+ "ELSE w.t::tsquery END AS query FROM (SELECT websearch_to_tsquery('simple', ?)::text AS t) w) ";

	/** {@code & < > " '} as entities: the snippet goes into web pages. */
	private static final String ESCAPED = "REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(page.content, '&', '&amp;'), "
			+ "'<', '&lt;'), '>', '&gt;'), '\"', '&quot;'), '''', '&#39;')";

	private final JdbcClient jdbc;

	FullTextMatches(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<SearchHit> find(SearchQuery query, Caller caller, Set<ConversationKind> observable) {
		List<Object> params = new ArrayList<>(List.of(query.lastWordIsPrefix(), query.text()));
		String readable = Readable.where(query, caller, observable, params);
		String after = "";
		if (query.after() != null) {
			float rank = rankOf(query.after());
			after = " WHERE h.rank < CAST(? AS REAL) OR (h.rank = CAST(? AS REAL) AND h.id < ?)";
			params.addAll(List.of(rank, rank, query.after().id()));
		}
		// the rank is computed once per match, the snippet only for the page's hits
		String sql = QUERY + "SELECT page.*, ts_headline('simple', " + ESCAPED
				+ ", q.query, 'StartSel=«, StopSel=»') AS snippet FROM q, (SELECT * FROM ("
				+ "SELECT m.id, m.conversation_id, c.kind, c.subject_id, m.seq, m.sender_id, m.sender_name, "
				+ "m.sender_role, m.created_at, m.content, ts_rank(" + VECTOR + ", q.query) AS rank "
				+ "FROM all_messages m JOIN conversations c ON c.id = m.conversation_id CROSS JOIN q WHERE " + VECTOR
				+ " @@ q.query AND " + readable + ") h" + after + " ORDER BY h.rank DESC, h.id DESC LIMIT "
				+ (query.limit() + 1) + ") page ORDER BY page.rank DESC, page.id DESC";
		return this.jdbc.sql(sql).params(params).query(FullTextMatches::hit).list();
	}

	@Override
	public SearchCursor after(SearchHit hit) {
		return new SearchCursor(Float.toString(hit.rank()), hit.messageId());
	}

	private static float rankOf(SearchCursor cursor) {
		try {
			return Float.parseFloat(cursor.key());
		}
		catch (NumberFormatException ex) {
			throw DomainException.invalid("Invalid cursor");
		}
	}

	private static SearchHit hit(ResultSet rs, int row) throws SQLException {
		return new SearchHit(new ConversationId(rs.getObject("conversation_id", UUID.class)), rs.getString("kind"),
				rs.getString("subject_id"), rs.getLong("seq"), rs.getObject("id", UUID.class),
				rs.getString("sender_id"), rs.getString("sender_name"), rs.getString("sender_role"),
				Timestamps.read(rs, "created_at"), rs.getString("snippet"), rs.getFloat("rank"));
	}

}
