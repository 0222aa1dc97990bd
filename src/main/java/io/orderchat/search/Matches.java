package io.orderchat.search;

import java.util.List;
import java.util.Set;

import io.orderchat.conversations.ConversationKind;
import io.orderchat.identity.Caller;

/** How the database finds matching messages: full-text on PostgreSQL, LIKE on H2. */
interface Matches {

	/**
	 * Up to {@code limit + 1} readable hits (see {@link Readable}) after the query's
	 * cursor, in this implementation's order; the extra one tells that more follow.
	 */
	List<SearchHit> find(SearchQuery query, Caller caller, Set<ConversationKind> observable);

	/** The cursor that continues after {@code hit}. */
	SearchCursor after(SearchHit hit);

}
