package io.orderchat.search;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import io.orderchat.conversations.ConversationAccess;
import io.orderchat.conversations.ConversationId;
import io.orderchat.conversations.ConversationKind;
import io.orderchat.identity.Caller;
import io.orderchat.shared.DomainException;
import io.orderchat.shared.Inputs;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Searches the messages a caller may read (see {@link Readable}): PostgreSQL full-text
 * ({@link FullTextMatches}), or on the embedded H2 a plain case-insensitive match
 * ({@link LikeMatches}).
 */
@Service
public class MessageSearch {

	/** The longest search text, in characters. */
	public static final int MAX_TEXT = 200;

	public static final int MAX_LIMIT = 50;

	public static final int DEFAULT_LIMIT = 20;

	private final ConversationAccess conversationAccess;

	private final Matches matches;

	MessageSearch(ConversationAccess conversationAccess, JdbcClient jdbc,
			@Value("${spring.datasource.url:}") String url) {
		this.conversationAccess = conversationAccess;
		this.matches = url.startsWith("jdbc:h2:") ? new LikeMatches(jdbc) : new FullTextMatches(jdbc);
	}

	/**
	 * A page of hits for the raw request values ({@code null} = not given); refuses bad
	 * values with {@code VALIDATION_FAILED}, and a conversation the caller may not read
	 * as history does ({@code NOT_FOUND}, {@code FORBIDDEN}).
	 */
	public SearchPage search(Caller caller, Request request) {
		SearchQuery query = check(caller, request);
		List<SearchHit> hits = this.matches.find(query, caller, this.conversationAccess.observableKinds(caller));
		if (hits.size() <= query.limit()) {
			return new SearchPage(hits, null);
		}
		List<SearchHit> page = hits.subList(0, query.limit());
		return new SearchPage(List.copyOf(page), this.matches.after(page.getLast()).encode());
	}

	private SearchQuery check(Caller caller, Request request) {
		String text = (request.q() != null) ? request.q().strip() : "";
		if (text.isEmpty()) {
			throw DomainException.invalid("q (the text to search for) must not be empty");
		}
		if (text.length() > MAX_TEXT) {
			throw DomainException.invalid("q may have at most " + MAX_TEXT + " characters");
		}
		Inputs.requireNoNul(text, "q");
		int limit = (request.limit() != null) ? request.limit() : DEFAULT_LIMIT;
		if (limit < 1 || limit > MAX_LIMIT) {
			throw DomainException.invalid("limit must be between 1 and " + MAX_LIMIT);
		}
		ConversationId conversation = null;
		if (request.conversationId() != null) {
			conversation = this.conversationAccess.requireAccess(caller, ConversationId.parse(request.conversationId()))
				.id();
		}
		SearchCursor after = (request.cursor() != null)
				? SearchCursor.decode(request.cursor()).orElseThrow(() -> DomainException.invalid("Invalid cursor"))
				: null;
		return new SearchQuery(text, conversation, kind(request.kind()),
				Inputs.optionalText(request.orderId(), "orderId", 200),
				Inputs.optionalText(request.senderId(), "senderId", 200), instant(request.from(), "from"),
				instant(request.to(), "to"), limit, after);
	}

	private static ConversationKind kind(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return ConversationKind.valueOf(value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw DomainException.invalid("kind must be order, dispute or support");
		}
	}

	private static Instant instant(String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Instant.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw DomainException.invalid(field + " must be an ISO-8601 instant, e.g. 2026-01-31T12:00:00Z");
		}
	}

	/** The request's values as given. */
	public record Request(String q, String conversationId, String kind, String orderId, String senderId, String from,
			String to, Integer limit, String cursor) {

	}

}
