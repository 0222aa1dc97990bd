package io.orderchat.realtime.gateway;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import io.orderchat.identity.Role;
import io.orderchat.shared.ErrorCode;
import io.orderchat.testing.Api;
import io.orderchat.testing.Api.Response;
import io.orderchat.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import static io.orderchat.realtime.gateway.AuthorizationMatrixIT.Fixture.ACCEPTED_ORDER;
import static io.orderchat.realtime.gateway.AuthorizationMatrixIT.Fixture.ACTIVE_SESSION;
import static io.orderchat.realtime.gateway.AuthorizationMatrixIT.Fixture.CUSTOMER_MESSAGE;
import static io.orderchat.realtime.gateway.AuthorizationMatrixIT.Fixture.CUSTOMER_UPLOAD;
import static io.orderchat.realtime.gateway.AuthorizationMatrixIT.Fixture.FRESH_DISPUTE;
import static io.orderchat.realtime.gateway.AuthorizationMatrixIT.Fixture.NEW_EXTERNAL_ID;
import static io.orderchat.realtime.gateway.AuthorizationMatrixIT.Fixture.OWN_UPLOAD;
import static io.orderchat.realtime.gateway.AuthorizationMatrixIT.Fixture.PENDING_ORDER;
import static io.orderchat.realtime.gateway.AuthorizationMatrixIT.Fixture.SHARED;
import static io.orderchat.realtime.gateway.AuthorizationMatrixIT.Fixture.TRANSFER_PENDING;
import static io.orderchat.realtime.gateway.AuthorizationMatrixIT.Fixture.WAITING_SESSION;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what: every REST endpoint and every socket command of every vocabulary,
 * called by every role and relation, against {@link #TABLE}, the one table of expected
 * outcomes. The table follows the spec (docs/rest.md, docs/protocol.md, DIALECTS.md §0.2:
 * a moderator uses an order's chat only while assigned to it, every moderator dispute
 * chats; support agents never get into order chats; seeds 001/002 admit no moderators;
 * internal notes are for staff only). A new endpoint or command without a row fails
 * {@link #everyEndpointAndCommandHasARow()}.
 * <p>
 * Cells: {@code ok} = allowed (2xx; a socket command acknowledged {@code ok: true});
 * {@code 401}/{@code 403}/{@code 404}/{@code 409} = refused with that status (a socket
 * command: an error whose code has that status, e.g. {@code FORBIDDEN} = 403);
 * {@code hidden} = allowed, but the staff-only note (or, in a list, the shared order,
 * chat, dispute or session) is left out of the answer; {@code -} = the spec has no rule
 * (leaving a room one is not in, stopping to type when not typing): allowed or refused,
 * as long as it is answered. Socket rows' {@code none} column is checked once for all
 * commands: a socket without a token is never connected, and its commands are never
 * answered. Payloads are valid, so an allowed call succeeds; actions that change state
 * get a fresh order, dispute, session or message per cell (made by the admin and the
 * parties, not by the caller). The shared world is made once: an order of the customer
 * and performer accepted by the assigned moderator (with a message, a file and staff
 * notes), another order (of the other party), an open dispute on the first and a support
 * session of the customer accepted by the support agent. Socket commands run over one
 * connection per person; at the end, no staff-only note may have reached a socket of
 * someone who may not read it.
 */
class AuthorizationMatrixIT extends IntegrationTest {

	/** The columns of the table: no token, then the caller's relation to the target. */
	enum Relation {

		/** No token at all. */
		NONE,
		/** A customer of nothing. */
		STRANGER,
		/** The customer of another order. */
		OTHER_PARTY,
		/** The target order's (dispute's, session's) customer. */
		CUSTOMER,
		/** The target order's performer. */
		PERFORMER,
		/** The moderator who accepted the target order. */
		MOD_ASSIGNED,
		/** Another moderator (the target of a pending transfer where there is one). */
		MOD_OTHER,
		/** A support agent (the session's agent where there is one). */
		SUPPORT,
		/** An administrator. */
		ADMIN

	}

	/**
	 * What a cell needs besides the shared world: placeholders ({@code $name}) it adds or
	 * replaces, made fresh for the cell when the action changes state.
	 */
	enum Fixture {

		/** The shared world, read or appended to only. */
		SHARED,
		/** A fresh pending order of the customer and performer, no moderator. */
		PENDING_ORDER,
		/** A fresh order accepted by the assigned moderator (processing). */
		ACCEPTED_ORDER,
		/** A fresh accepted order with a transfer pending to the other moderator. */
		TRANSFER_PENDING,
		/** A fresh open dispute of a fresh accepted order. */
		FRESH_DISPUTE,
		/** A fresh support session of the customer, waiting. */
		WAITING_SESSION,
		/** A fresh support session of the customer, accepted by the support agent. */
		ACTIVE_SESSION,
		/** A fresh message of the customer in the shared order's chat. */
		CUSTOMER_MESSAGE,
		/** A file the caller uploaded and has not sent yet. */
		OWN_UPLOAD,
		/** A file the customer uploaded and has not sent yet. */
		CUSTOMER_UPLOAD,
		/** A fresh external id. */
		NEW_EXTERNAL_ID

	}

	/** A body that is multipart: one PNG file and a {@code content} field. */
	static final String MULTIPART = "<multipart: one PNG and content>";

	/** Marks the staff-only notes, so a cell can tell whether an answer leaked one. */
	static final String NOTE_MARK = "matrix-internal-note";

	/** An id nothing has: the admin's answer is 404 where the others are refused. */
	static final String NO_SUCH_ID = "00000000-0000-4000-8000-000000000000";

	static final String ORDER_NOTE = NOTE_MARK + " in the order chat";

	static final String SESSION_NOTE = NOTE_MARK + " in the support session";

	// @formatter:off
	/**
	 * The expected outcomes. Columns: none, stranger, party of another order, customer,
	 * performer, moderator assigned, moderator not assigned, support agent, admin.
	 * {@code $order}/{@code $conv}: the order and its chat; {@code $dispute}/{@code $dconv};
	 * {@code $session}/{@code $sconv}; {@code $message}: a customer's message; {@code $file}:
	 * a file sent in the order's chat; {@code $self}: the caller's id.
	 */
	static final List<Row> TABLE = List.of(
		//                                                                       none str  othr cust perf modA modO supp admn
		// --- identity, errors
		rest("GET /api/demo/users",                                 SHARED, null, "404 404 404 404 404 404 404 404 404"),
		rest("POST /api/demo/token",                                SHARED, "{\"userId\":\"demo-customer\"}",
		                                                                          "404 404 404 404 404 404 404 404 404"),
		rest("GET /error",                                          SHARED, null, "404 404 404 404 404 404 404 404 404"),
		// --- the REST reference: public, like the API's documentation
		rest("GET /v3/api-docs",                                    SHARED, null, "ok  ok  ok  ok  ok  ok  ok  ok  ok "),
		rest("GET /v3/api-docs.yaml",                               SHARED, null, "ok  ok  ok  ok  ok  ok  ok  ok  ok "),
		rest("GET /v3/api-docs/swagger-config",                     SHARED, null, "ok  ok  ok  ok  ok  ok  ok  ok  ok "),
		rest("GET /swagger-ui.html",                                SHARED, null, "302 302 302 302 302 302 302 302 302"),
		// --- orders
		rest("POST /api/orders",                                    SHARED, "{\"exchangeMethod\":\"cash\",\"amount\":10}",
		                                                                          "401 ok  ok  ok  ok  ok  ok  ok  ok "),
		rest("GET /api/orders/my-orders",                           SHARED, null, "401 hidden hidden ok ok ok hidden hidden hidden").shows("order"),
		rest("GET /api/orders/my-orders/processing",                SHARED, null, "401 ok  ok  ok  ok  ok  ok  ok  ok "),
		rest("GET /api/orders/all",                                 SHARED, null, "401 403 403 403 403 ok  ok  403 ok "),
		rest("GET /api/orders/new-order-form",                      SHARED, null, "401 ok  ok  ok  ok  ok  ok  ok  ok "),
		rest("GET /api/orders/$order",                              SHARED, null, "401 403 403 ok  ok  ok  ok  ok  ok "),
		rest("PATCH /api/orders/$order/status", "processing",       PENDING_ORDER, "{\"status\":\"processing\"}",
		                                                                          "401 403 403 403 403 ok  ok  403 ok "),
		rest("PATCH /api/orders/$order/status", "completed",        ACCEPTED_ORDER, "{\"status\":\"completed\"}",
		                                                                          "401 403 403 403 ok  ok  403 403 ok "),
		rest("PATCH /api/orders/$order/status", "rejected",         ACCEPTED_ORDER, "{\"status\":\"rejected\"}",
		                                                                          "401 403 403 403 403 ok  403 403 ok "),
		rest("PATCH /api/orders/$order/status", "cancelled",        ACCEPTED_ORDER, "{\"status\":\"cancelled\"}",
		                                                                          "401 403 403 ok  403 ok  403 403 ok "),
		rest("PATCH /api/orders/$order/status", "host name",        PENDING_ORDER, "{\"status\":\"in_transit\"}",
		                                                                          "401 403 403 403 403 ok  ok  403 ok "),
		rest("PATCH /api/orders/$order/status", "updatedBy another", PENDING_ORDER, "{\"status\":\"in_transit\",\"updatedBy\":\"$customer\"}",
		                                                                          "401 403 403 403 403 403 403 403 ok "),
		rest("POST /api/orders/external",                           NEW_EXTERNAL_ID,
				"{\"externalId\":\"$externalId\",\"customer\":{\"id\":\"$customer\",\"name\":\"C\"},\"performer\":{\"id\":\"$performer\",\"name\":\"P\"}}",
		                                                                          "401 403 403 403 403 ok  ok  403 ok "),
		rest("PUT /api/orders/$order/performer", "own id",          ACCEPTED_ORDER, "{\"performer\":{\"id\":\"$self\",\"name\":\"Self\"}}",
		                                                                          "401 403 403 403 403 ok  403 403 ok "),
		// --- Pusher channel authorization (seed 000's pusher-js): private-order-<id> for whoever may read the order,
		// private-moderator-channel for moderators and admins
		rest("POST /pusher/auth",                                   SHARED, "{\"socket_id\":\"123.456\",\"channel_name\":\"private-order-$order\"}",
		                                                                          "401 403 403 ok  ok  ok  ok  ok  ok "),
		rest("POST /pusher/auth", "moderator channel",              SHARED, "{\"socket_id\":\"123.456\",\"channel_name\":\"private-moderator-channel\"}",
		                                                                          "401 403 403 403 403 ok  ok  403 ok "),
		// --- moderation
		rest("GET /api/moderation/queue",                           SHARED, null, "401 403 403 403 403 ok  ok  403 ok "),
		rest("POST /api/orders/$order/accept",                      PENDING_ORDER, null,
		                                                                          "401 403 403 403 403 ok  ok  403 ok "),
		rest("POST /api/orders/$order/transfer",                    ACCEPTED_ORDER, "{\"toModeratorId\":\"$moderator3\"}",
		                                                                          "401 403 403 403 403 ok  403 403 ok "),
		// A transfer only goes to a moderator: never a path into an order chat for a support agent.
		rest("POST /api/orders/$order/transfer", "to a support agent", ACCEPTED_ORDER, "{\"toModeratorId\":\"$support\"}",
		                                                                          "401 403 403 403 403 404 403 403 404"),
		rest("GET /api/orders/$order/transfer",                     TRANSFER_PENDING, null,
		                                                                          "401 403 403 403 403 ok  ok  403 ok "),
		rest("POST /api/orders/$order/transfer/accept",             TRANSFER_PENDING, null,
		                                                                          "401 403 403 403 403 403 ok  403 403"),
		rest("POST /api/orders/$order/transfer/decline",            TRANSFER_PENDING, null,
		                                                                          "401 403 403 403 403 403 ok  403 403"),
		rest("POST /api/conversations/$conv/clean",                 ACCEPTED_ORDER, null,
		                                                                          "401 403 403 403 403 ok  403 403 ok "),
		rest("POST /api/conversations/$conv/notes",                 SHARED, "{\"content\":\"a note\"}",
		                                                                          "401 403 403 403 403 ok  403 403 ok "),
		rest("POST /api/conversations/$dconv/notes", "dispute",     SHARED, "{\"content\":\"a note\"}",
		                                                                          "401 403 403 403 403 ok  ok  403 ok "),
		rest("POST /api/conversations/$sconv/notes", "support",     SHARED, "{\"content\":\"a note\"}",
		                                                                          "401 403 403 403 403 403 403 ok  ok "),
		rest("GET /api/admin/audit",                                SHARED, null, "401 403 403 403 403 403 403 403 ok "),
		// --- signing a user out everywhere: admins (and the host's service token) only; a
		// user nobody else is, so that the table's own tokens stay valid
		rest("POST /api/admin/users/signed-out-$uuid/sign-out",     SHARED, "{\"reason\":\"matrix\"}",
		                                                                          "401 403 403 403 403 403 403 403 ok "),
		// --- statistics: staff, each for their own area (admins all)
		rest("GET /api/admin/stats?from=2020-03-01&to=2020-03-02", SHARED, null,
		                                                                          "401 403 403 403 403 ok  ok  ok  ok "),
		// --- webhooks: admins only (an unknown id is the admin's 404, after the role check)
		rest("POST /api/admin/webhooks",                            SHARED, "{\"url\":\"http://127.0.0.1:9/hook\",\"events\":[\"message.created\"],\"enabled\":false}",
		                                                                          "401 403 403 403 403 403 403 403 ok "),
		rest("GET /api/admin/webhooks",                             SHARED, null, "401 403 403 403 403 403 403 403 ok "),
		rest("PATCH /api/admin/webhooks/" + NO_SUCH_ID,             SHARED, "{\"enabled\":false}",
		                                                                          "401 403 403 403 403 403 403 403 404"),
		rest("DELETE /api/admin/webhooks/" + NO_SUCH_ID,            SHARED, null, "401 403 403 403 403 403 403 403 404"),
		rest("GET /api/admin/webhooks/deliveries",                  SHARED, null, "401 403 403 403 403 403 403 403 ok "),
		rest("POST /api/admin/webhooks/deliveries/" + NO_SUCH_ID + "/retry", SHARED, null,
		                                                                          "401 403 403 403 403 403 403 403 404"),
		// --- conversations (canonical)
		rest("GET /api/conversations",                              SHARED, null, "401 hidden hidden ok ok ok hidden hidden hidden").shows("conv"),
		rest("GET /api/conversations/$conv",                        SHARED, null, "401 403 403 hidden hidden ok 403 403 ok "),
		rest("GET /api/conversations/$dconv", "dispute",            SHARED, null, "401 403 403 ok  ok  ok  ok  403 ok "),
		rest("GET /api/conversations/$sconv", "support",            SHARED, null, "401 403 403 hidden 403 403 403 ok ok "),
		rest("GET /api/conversations/$conv/messages",               SHARED, null, "401 403 403 hidden hidden ok 403 403 ok "),
		rest("GET /api/conversations/$conv/presence",               SHARED, null, "401 403 403 ok  ok  ok  403 403 ok "),
		rest("GET /api/conversations/$conv/export?format=json", "json", SHARED, null, "401 403 403 hidden hidden ok 403 403 ok "),
		rest("GET /api/conversations/$conv/export?format=csv", "csv",   SHARED, null, "401 403 403 hidden hidden ok 403 403 ok "),
		rest("GET /api/conversations/$conv/export?format=html", "html", SHARED, null, "401 403 403 hidden hidden ok 403 403 ok "),
		rest("POST /api/conversations/$conv/messages",              SHARED, "{\"content\":\"hello\"}",
		                                                                          "401 403 403 ok  ok  ok  403 403 ok "),
		rest("POST /api/conversations/$dconv/messages", "dispute",  SHARED, "{\"content\":\"hello\"}",
		                                                                          "401 403 403 ok  ok  ok  ok  403 ok "),
		rest("POST /api/conversations/$sconv/messages", "support",  SHARED, "{\"content\":\"hello\"}",
		                                                                          "401 403 403 ok  403 403 403 ok  ok "),
		rest("POST /api/conversations/$conv/read",                  SHARED, "{}", "401 403 403 ok  ok  ok  403 403 ok "),
		// --- replies and reactions: who may write may react; nobody reacts to a staff note (quoting one is
		// REPLY_TO_INVALID for everyone, RepliesAndReactionsIT)
		rest("POST /api/conversations/$conv/messages", "reply",     SHARED, "{\"content\":\"re\",\"replyTo\":$messageSeq}",
		                                                                          "401 403 403 ok  ok  ok  403 403 ok "),
		rest("PUT /api/conversations/$conv/messages/$messageSeq/reactions/%F0%9F%91%8D", SHARED, null,
		                                                                          "401 403 403 ok  ok  ok  403 403 ok "),
		rest("DELETE /api/conversations/$conv/messages/$messageSeq/reactions/%F0%9F%91%8D", SHARED, null,
		                                                                          "401 403 403 ok  ok  ok  403 403 ok "),
		rest("PUT /api/conversations/$conv/messages/$noteSeq/reactions/%F0%9F%91%8D", "a note", SHARED, null,
		                                                                          "401 403 403 404 404 403 403 403 403"),
		rest("DELETE /api/messages/$message",                       CUSTOMER_MESSAGE, null,
		                                                                          "401 403 403 ok  403 403 403 403 ok "),
		rest("GET /api/unread",                                     SHARED, null, "401 hidden hidden ok ok ok hidden hidden hidden").shows("conv"),
		// --- search: who reads a conversation finds in it (its staff notes for staff only)
		rest("GET /api/search?q=order+chat&conversationId=$conv",  SHARED, null, "401 403 403 hidden hidden ok 403 403 ok "),
		rest("GET /api/search?q=order+chat", "all of the caller's", SHARED, null,
		                                                                          "401 hidden hidden hidden hidden ok hidden hidden ok "),
		// --- seed 001 REST (no moderators)
		rest("GET /api/v0/chat/messages/$order",                    SHARED, null, "401 403 403 hidden hidden 403 403 403 ok "),
		rest("GET /api/v0/chat/unread",                             SHARED, null, "401 ok  ok  ok  ok  ok  ok  ok  ok "),
		rest("GET /api/v0/chat/unread?orderId=$order", "of order",  SHARED, null, "401 403 403 ok  ok  403 403 403 ok "),
		rest("POST /api/v0/chat/read/$order",                       SHARED, null, "401 403 403 ok  ok  403 403 403 ok "),
		// --- seed 002 REST (no moderators)
		rest("POST /api/chat/messages",                             SHARED, "{\"orderId\":\"$order\",\"message\":\"hello\"}",
		                                                                          "401 403 403 ok  ok  403 403 403 ok "),
		rest("GET /api/chat/orders/$order/messages",                SHARED, null, "401 403 403 hidden hidden 403 403 403 ok "),
		rest("GET /api/chat/orders",                                SHARED, null, "401 ok  ok  ok  ok  ok  ok  ok  ok "),
		rest("PATCH /api/chat/orders/$order/read",                  SHARED, null, "401 403 403 ok  ok  403 403 403 ok "),
		rest("GET /api/chat/orders/$order/unread-count",            SHARED, null, "401 403 403 ok  ok  403 403 403 ok "),
		rest("DELETE /api/chat/messages/$message",                  CUSTOMER_MESSAGE, null,
		                                                                          "401 403 403 ok  403 403 403 403 ok "),
		// --- disputes
		rest("POST /api/orders/$order/disputes",                    ACCEPTED_ORDER, "{\"reason\":\"late\"}",
		                                                                          "401 403 403 ok  ok  403 403 403 403"),
		rest("GET /api/orders/$order/disputes",                     SHARED, null, "401 403 403 ok  ok  ok  ok  hidden ok").shows("dispute"),
		rest("GET /api/disputes",                                   SHARED, null, "401 hidden hidden ok ok ok ok hidden ok").shows("dispute"),
		rest("GET /api/disputes/$dispute",                          SHARED, null, "401 403 403 ok  ok  ok  ok  403 ok "),
		rest("PATCH /api/disputes/$dispute/status",                 FRESH_DISPUTE, "{\"status\":\"in_review\"}",
		                                                                          "401 403 403 403 403 ok  ok  403 ok "),
		rest("PATCH /api/disputes/$dispute/status", "host name",    FRESH_DISPUTE, "{\"status\":\"under_review\"}",
		                                                                          "401 403 403 403 403 ok  ok  403 ok "),
		rest("PATCH /api/disputes/$dispute/status", "updatedBy another", FRESH_DISPUTE, "{\"status\":\"under_review\",\"updatedBy\":\"$customer\"}",
		                                                                          "401 403 403 403 403 403 403 403 ok "),
		rest("POST /api/disputes/$dispute/evidence",                SHARED, "{\"messageIds\":[\"$message\"]}",
		                                                                          "401 403 403 ok  ok  ok  ok  403 ok "),
		rest("GET /api/disputes/$dispute/evidence",                 SHARED, null, "401 403 403 ok  ok  ok  ok  403 ok "),
		// --- support sessions (seed 003 REST)
		rest("POST /api/v1/chat/sessions",                          SHARED, "{\"subject\":\"help\"}",
		                                                                          "401 ok  ok  ok  ok  ok  ok  ok  ok "),
		// DIALECTS.md §4.3: admins list every waiting or active session
		rest("GET /api/v1/chat/sessions",                           SHARED, null, "401 hidden hidden ok hidden hidden hidden ok ok ").shows("session"),
		rest("GET /api/v1/chat/sessions/queue",                     SHARED, null, "401 403 403 403 403 403 403 ok  ok "),
		rest("GET /api/v1/chat/sessions/$session",                  SHARED, null, "401 403 403 ok  403 403 403 ok  ok "),
		rest("GET /api/v1/chat/sessions/$session/messages",         SHARED, null, "401 403 403 hidden 403 403 403 ok ok "),
		rest("POST /api/v1/chat/sessions/$session/messages",        SHARED, "{\"content\":\"hello\"}",
		                                                                          "401 403 403 ok  403 403 403 ok  ok "),
		rest("POST /api/v1/chat/sessions/$session/messages", "internal", SHARED, "{\"content\":\"psst\",\"is_internal\":true}",
		                                                                          "401 403 403 403 403 403 403 ok  ok "),
		rest("POST /api/v1/chat/sessions/$session/messages", "multipart", SHARED, MULTIPART,
		                                                                          "401 403 403 ok  403 403 403 ok  ok "),
		rest("POST /api/v1/chat/sessions/$session/read",            SHARED, "{}", "401 403 403 ok  403 403 403 ok  ok "),
		rest("POST /api/v1/chat/sessions/$session/accept",          WAITING_SESSION, null,
		                                                                          "401 403 403 403 403 403 403 ok  ok "),
		rest("POST /api/v1/chat/sessions/$session/assign",          WAITING_SESSION, "{\"agent_id\":\"$support\"}",
		                                                                          "401 403 403 403 403 403 403 ok  ok "),
		rest("PATCH /api/v1/chat/sessions/$session/status", "resolved", ACTIVE_SESSION, "{\"status\":\"resolved\"}",
		                                                                          "401 403 403 403 403 403 403 ok  ok "),
		// DIALECTS.md §4.3: the status is the agents'; the customer closes with POST …/close
		rest("PATCH /api/v1/chat/sessions/$session/status", "closed", ACTIVE_SESSION, "{\"status\":\"closed\"}",
		                                                                          "401 403 403 403 403 403 403 ok  ok "),
		rest("POST /api/v1/chat/sessions/$session/close",           ACTIVE_SESSION, null,
		                                                                          "401 403 403 ok  403 403 403 ok  ok "),
		// --- attachments
		rest("POST /api/attachments",                               SHARED, MULTIPART,
		                                                                          "401 ok  ok  ok  ok  ok  ok  ok  ok "),
		rest("POST /api/v1/chat/upload",                            SHARED, MULTIPART,
		                                                                          "401 ok  ok  ok  ok  ok  ok  ok  ok "),
		rest("GET /api/attachments/$file",                          SHARED, null, "401 403 403 ok  ok  ok  403 403 ok "),
		rest("POST /api/conversations/$conv/attachments",           OWN_UPLOAD, "{\"attachments\":[\"$upload\"]}",
		                                                                          "401 403 403 ok  ok  ok  403 403 ok "),
		// Until a message references it, a file is its uploader's alone.
		rest("GET /api/attachments/$upload", "unsent",              CUSTOMER_UPLOAD, null,
		                                                                          "401 403 403 ok  403 403 403 403 403"),
		rest("GET /uploads/chat-attachments/$upload", "unsent",     CUSTOMER_UPLOAD, null,
		                                                                          "401 403 403 ok  403 403 403 403 403"),
		// Someone else's file is 404 (docs/rest.md), for those who may not write the chat as well.
		rest("POST /api/conversations/$conv/attachments", "the customer's upload", CUSTOMER_UPLOAD, "{\"attachments\":[\"$upload\"]}",
		                                                                          "401 404 404 ok  404 404 404 404 404"),
		rest("POST /api/conversations/$conv/attachments", "multipart", SHARED, MULTIPART,
		                                                                          "401 403 403 ok  ok  ok  403 403 ok "),
		rest("GET /uploads/chat-attachments/$file",                 SHARED, null, "401 403 403 ok  ok  ok  403 403 ok "),
		rest("GET /uploads/chat-attachments/$file/image.png",       SHARED, null, "401 403 403 ok  ok  ok  403 403 ok "),
		rest("GET /uploads/chat-attachments/$file/thumbnail",       SHARED, null, "401 403 403 ok  ok  ok  403 403 ok "),

		// --- canonical socket commands
		socket("canonical", "conversation:join",                    SHARED, "{\"conversationId\":\"$conv\"}",
		                                                                          "401 403 403 hidden hidden ok 403 403 ok "),
		socket("canonical", "conversation:join", "by orderId",      SHARED, "{\"orderId\":\"$order\"}",
		                                                                          "401 403 403 hidden hidden ok 403 403 ok "),
		socket("canonical", "conversation:join", "dispute",         SHARED, "{\"conversationId\":\"$dconv\"}",
		                                                                          "401 403 403 ok  ok  ok  ok  403 ok "),
		socket("canonical", "conversation:join", "support",         SHARED, "{\"conversationId\":\"$sconv\"}",
		                                                                          "401 403 403 hidden 403 403 403 ok ok "),
		socket("canonical", "conversation:leave",                   SHARED, "{\"conversationId\":\"$conv\"}",
		                                                                          "401 -   -   ok  ok  ok  -   -   ok "),
		socket("canonical", "message:send",                         SHARED, "{\"conversationId\":\"$conv\",\"content\":\"hi\"}",
		                                                                          "401 403 403 ok  ok  ok  403 403 ok "),
		socket("canonical", "message:send", "dispute",              SHARED, "{\"conversationId\":\"$dconv\",\"content\":\"hi\"}",
		                                                                          "401 403 403 ok  ok  ok  ok  403 ok "),
		socket("canonical", "message:send", "support",              SHARED, "{\"conversationId\":\"$sconv\",\"content\":\"hi\"}",
		                                                                          "401 403 403 ok  403 403 403 ok  ok "),
		socket("canonical", "message:delete",                       CUSTOMER_MESSAGE, "{\"messageId\":\"$message\"}",
		                                                                          "401 403 403 ok  403 403 403 403 ok "),
		socket("canonical", "message:react",                        SHARED, "{\"conversationId\":\"$conv\",\"seq\":$messageSeq,\"emoji\":\"❤️\"}",
		                                                                          "401 403 403 ok  ok  ok  403 403 ok "),
		socket("canonical", "message:react", "a note",              SHARED, "{\"conversationId\":\"$conv\",\"seq\":$noteSeq,\"emoji\":\"❤️\"}",
		                                                                          "401 403 403 404 404 403 403 403 403"),
		socket("canonical", "message:unreact",                      SHARED, "{\"conversationId\":\"$conv\",\"seq\":$messageSeq,\"emoji\":\"❤️\"}",
		                                                                          "401 403 403 ok  ok  ok  403 403 ok "),
		socket("canonical", "message:history",                      SHARED, "{\"conversationId\":\"$conv\"}",
		                                                                          "401 403 403 hidden hidden ok 403 403 ok "),
		socket("canonical", "message:search",                       SHARED, "{\"q\":\"order chat\",\"conversationId\":\"$conv\"}",
		                                                                          "401 403 403 hidden hidden ok 403 403 ok "),
		socket("canonical", "typing:start",                         SHARED, "{\"conversationId\":\"$conv\"}",
		                                                                          "401 403 403 ok  ok  ok  403 403 ok "),
		socket("canonical", "typing:stop",                          SHARED, "{\"conversationId\":\"$conv\"}",
		                                                                          "401 -   -   ok  ok  ok  -   -   ok "),
		socket("canonical", "conversation:read",                    SHARED, "{\"conversationId\":\"$conv\"}",
		                                                                          "401 403 403 ok  ok  ok  403 403 ok "),
		socket("canonical", "sync:resume",                          SHARED, "{\"conversations\":[{\"conversationId\":\"$conv\",\"lastSeq\":$beforeNote}]}",
		                                                                          "401 403 403 hidden hidden ok 403 403 ok "),
		socket("canonical", "unread:get",                           SHARED, "{}", "401 hidden hidden ok ok ok hidden hidden hidden").shows("conv"),
		socket("canonical", "moderation:queue",                     SHARED, "{}", "401 403 403 403 403 ok  ok  403 ok "),
		socket("canonical", "order:accept",                         PENDING_ORDER, "{\"orderId\":\"$order\"}",
		                                                                          "401 403 403 403 403 ok  ok  403 ok "),
		socket("canonical", "transfer:initiate",                    ACCEPTED_ORDER, "{\"orderId\":\"$order\",\"toModeratorId\":\"$moderator3\"}",
		                                                                          "401 403 403 403 403 ok  403 403 ok "),
		socket("canonical", "transfer:initiate", "to a support agent", ACCEPTED_ORDER, "{\"orderId\":\"$order\",\"toModeratorId\":\"$support\"}",
		                                                                          "401 403 403 403 403 404 403 403 404"),
		socket("canonical", "transfer:accept",                      TRANSFER_PENDING, "{\"orderId\":\"$order\"}",
		                                                                          "401 403 403 403 403 403 ok  403 403"),
		socket("canonical", "transfer:decline",                     TRANSFER_PENDING, "{\"orderId\":\"$order\"}",
		                                                                          "401 403 403 403 403 403 ok  403 403"),
		socket("canonical", "conversation:clean",                   ACCEPTED_ORDER, "{\"conversationId\":\"$conv\"}",
		                                                                          "401 403 403 403 403 ok  403 403 ok "),
		socket("canonical", "note:add",                             SHARED, "{\"conversationId\":\"$conv\",\"content\":\"a note\"}",
		                                                                          "401 403 403 403 403 ok  403 403 ok "),
		socket("canonical", "support:queue",                        SHARED, "{}", "401 403 403 403 403 403 403 ok  ok "),
		socket("canonical", "support:accept",                       WAITING_SESSION, "{\"sessionId\":\"$session\"}",
		                                                                          "401 403 403 403 403 403 403 ok  ok "),
		socket("canonical", "support:close",                        ACTIVE_SESSION, "{\"sessionId\":\"$session\"}",
		                                                                          "401 403 403 ok  403 403 403 ok  ok "),
		socket("canonical", "support:status",                       ACTIVE_SESSION, "{\"sessionId\":\"$session\",\"status\":\"resolved\"}",
		                                                                          "401 403 403 403 403 403 403 ok  ok "),
		socket("canonical", "dispute:open",                         ACCEPTED_ORDER, "{\"orderId\":\"$order\",\"reason\":\"late\"}",
		                                                                          "401 403 403 ok  ok  403 403 403 403"),
		socket("canonical", "dispute:status",                       FRESH_DISPUTE, "{\"disputeId\":\"$dispute\",\"status\":\"in_review\"}",
		                                                                          "401 403 403 403 403 ok  ok  403 ok "),
		// --- seed 000: the order owner, its current moderator, admin (DIALECTS.md §1: not the performer)
		socket("seed000", "chat:join",                              SHARED, "{\"roomId\":\"$conv\"}",
		                                                                          "401 403 403 hidden 403 ok  403 403 ok "),
		socket("seed000", "chat:message",                           SHARED, "{\"roomId\":\"$conv\",\"message\":\"hi\"}",
		                                                                          "401 403 403 ok  403 ok  403 403 ok "),
		socket("seed000", "chat:image",                             SHARED, "{\"roomId\":\"$conv\",\"file\":\"$png\"}",
		                                                                          "401 403 403 ok  403 ok  403 403 ok "),
		socket("seed000", "chat:typing",                            SHARED, "{\"roomId\":\"$conv\",\"isTyping\":true}",
		                                                                          "401 403 403 ok  403 ok  403 403 ok "),
		socket("seed000", "chat:getMessages",                       SHARED, "{\"roomId\":\"$conv\"}",
		                                                                          "401 403 403 hidden 403 ok  403 403 ok "),
		socket("seed000", "order:updateStatus",                     ACCEPTED_ORDER, "{\"roomId\":\"$conv\",\"status\":\"cancelled\"}",
		                                                                          "401 403 403 ok  403 ok  403 403 ok "),
		socket("seed000", "moderator:accept",                       PENDING_ORDER, "{\"roomId\":\"$conv\"}",
		                                                                          "401 403 403 403 403 ok  ok  403 ok "),
		socket("seed000", "moderator:initiateTransfer",             ACCEPTED_ORDER, "{\"roomId\":\"$conv\",\"toModeratorId\":\"$moderator3\"}",
		                                                                          "401 403 403 403 403 ok  403 403 ok "),
		socket("seed000", "moderator:acceptTransfer",               TRANSFER_PENDING, "{\"roomId\":\"$conv\"}",
		                                                                          "401 403 403 403 403 403 ok  403 403"),
		socket("seed000", "moderator:declineTransfer",              TRANSFER_PENDING, "{\"roomId\":\"$conv\"}",
		                                                                          "401 403 403 403 403 403 ok  403 403"),
		socket("seed000", "chat:clean",                             ACCEPTED_ORDER, "{\"roomId\":\"$conv\"}",
		                                                                          "401 403 403 403 403 ok  403 403 ok "),
		// --- seed 001: customer, performer, admin; no moderators
		socket("seed001", "join-order-chat",                        SHARED, "\"$order\"",
		                                                                          "401 403 403 ok  ok  403 403 403 ok "),
		socket("seed001", "send-message",                           SHARED, "{\"orderId\":\"$order\",\"message\":\"hi\"}",
		                                                                          "401 403 403 ok  ok  403 403 403 ok "),
		socket("seed001", "typing",                                 SHARED, "{\"orderId\":\"$order\",\"isTyping\":true}",
		                                                                          "401 403 403 ok  ok  403 403 403 ok "),
		socket("seed001", "leave-order-chat",                       SHARED, "\"$order\"",
		                                                                          "401 -   -   ok  ok  -   -   -   ok "),
		// --- seed 002: customer, performer, admin; no moderators
		socket("seed002", "join-order-room",                        SHARED, "\"$order\"",
		                                                                          "401 403 403 ok  ok  403 403 403 ok "),
		socket("seed002", "leave-order-room",                       SHARED, "\"$order\"",
		                                                                          "401 -   -   ok  ok  -   -   -   ok "),
		socket("seed002", "typing-start",                           SHARED, "\"$order\"",
		                                                                          "401 403 403 ok  ok  403 403 403 ok "),
		socket("seed002", "typing-stop",                            SHARED, "\"$order\"",
		                                                                          "401 403 403 ok  ok  403 403 403 ok "),
		socket("seed002", "mark-read",                              SHARED, "\"$order\"",
		                                                                          "401 403 403 ok  ok  403 403 403 ok "),
		// --- seed 003: the session's customer, support agents, admin
		socket("seed003", "join_session",                           SHARED, "{\"session_id\":\"$session\"}",
		                                                                          "401 403 403 hidden 403 403 403 ok ok "),
		socket("seed003", "send_message",                           SHARED, "{\"session_id\":\"$session\",\"content\":\"hi\",\"message_type\":\"text\",\"temp_id\":\"$uuid\"}",
		                                                                          "401 403 403 ok  403 403 403 ok  ok "),
		socket("seed003", "send_message", "internal",               SHARED, "{\"session_id\":\"$session\",\"content\":\"psst\",\"message_type\":\"text\",\"is_internal\":true}",
		                                                                          "401 403 403 403 403 403 403 ok  ok "),
		socket("seed003", "typing",                                 SHARED, "{\"session_id\":\"$session\"}",
		                                                                          "401 403 403 ok  403 403 403 ok  ok "),
		socket("seed003", "stop_typing",                            SHARED, "{\"session_id\":\"$session\"}",
		                                                                          "401 403 403 ok  403 403 403 ok  ok "),
		socket("seed003", "mark_as_read",                           SHARED, "{\"session_id\":\"$session\"}",
		                                                                          "401 403 403 ok  403 403 403 ok  ok "),
		socket("seed003", "accept_chat",                            WAITING_SESSION, "{\"session_id\":\"$session\"}",
		                                                                          "401 403 403 403 403 403 403 ok  ok "),
		socket("seed003", "close_chat",                             ACTIVE_SESSION, "{\"session_id\":\"$session\"}",
		                                                                          "401 403 403 403 403 403 403 ok  ok "),
		socket("seed003", "leave_session",                          SHARED, "{\"session_id\":\"$session\"}",
		                                                                          "401 -   -   ok  -   -   -   ok  ok "),
		// --- seed 004: order chat = customer, performer, assigned moderator, admin; dispute chat = parties, every moderator, admin
		socket("seed004", "join_order_chat",                        SHARED, "{\"orderId\":\"$order\"}",
		                                                                          "401 403 403 hidden hidden ok 403 403 ok "),
		socket("seed004", "leave_order_chat",                       SHARED, "{\"orderId\":\"$order\"}",
		                                                                          "401 -   -   ok  ok  ok  -   -   ok "),
		socket("seed004", "order_message",                          SHARED, "{\"orderId\":\"$order\",\"content\":\"hi\"}",
		                                                                          "401 403 403 ok  ok  ok  403 403 ok "),
		socket("seed004", "order_typing",                           SHARED, "{\"orderId\":\"$order\",\"isTyping\":true}",
		                                                                          "401 403 403 ok  ok  ok  403 403 ok "),
		socket("seed004", "join_dispute_chat",                      SHARED, "{\"disputeId\":\"$dispute\"}",
		                                                                          "401 403 403 ok  ok  ok  ok  403 ok "),
		socket("seed004", "leave_dispute_chat",                     SHARED, "{\"disputeId\":\"$dispute\"}",
		                                                                          "401 -   -   ok  ok  ok  ok  -   ok "),
		socket("seed004", "dispute_message",                        SHARED, "{\"disputeId\":\"$dispute\",\"content\":\"hi\"}",
		                                                                          "401 403 403 ok  ok  ok  ok  403 ok "),
		socket("seed004", "dispute_typing",                         SHARED, "{\"disputeId\":\"$dispute\",\"isTyping\":true}",
		                                                                          "401 403 403 ok  ok  ok  ok  403 ok "),
		socket("seed004", "mark_messages_read",                     SHARED, "{\"orderId\":\"$order\"}",
		                                                                          "401 403 403 ok  ok  ok  403 403 ok "));
	// @formatter:on

	/**
	 * Cells that still differ from the spec because of a bug nobody has fixed yet: each
	 * is printed on every run and reported; one that starts passing fails the test until
	 * it is removed from here. Key: {@code action × RELATION}, value: today's outcome.
	 */
	static final Map<String, String> KNOWN_GAPS = Map.of();

	/** What a socket command must join before it may act (typing needs a joined room). */
	static final Map<String, String> JOIN_FIRST = Map.ofEntries(
			Map.entry("canonical typing:start", "conversation:join {\"conversationId\":\"$conv\"}"),
			Map.entry("canonical typing:stop", "conversation:join {\"conversationId\":\"$conv\"}"),
			Map.entry("canonical conversation:leave", "conversation:join {\"conversationId\":\"$conv\"}"),
			Map.entry("seed000 chat:message", "chat:join {\"roomId\":\"$conv\"}"),
			Map.entry("seed000 chat:image", "chat:join {\"roomId\":\"$conv\"}"),
			Map.entry("seed000 chat:typing", "chat:join {\"roomId\":\"$conv\"}"),
			Map.entry("seed000 chat:getMessages", "chat:join {\"roomId\":\"$conv\"}"),
			Map.entry("seed001 typing", "join-order-chat \"$order\""),
			Map.entry("seed001 leave-order-chat", "join-order-chat \"$order\""),
			Map.entry("seed002 leave-order-room", "join-order-room \"$order\""),
			Map.entry("seed002 typing-start", "join-order-room \"$order\""),
			Map.entry("seed002 typing-stop", "join-order-room \"$order\""),
			Map.entry("seed002 mark-read", "join-order-room \"$order\""),
			Map.entry("seed003 typing", "join_session {\"session_id\":\"$session\"}"),
			Map.entry("seed003 stop_typing", "join_session {\"session_id\":\"$session\"}"),
			Map.entry("seed003 leave_session", "join_session {\"session_id\":\"$session\"}"),
			Map.entry("seed004 leave_order_chat", "join_order_chat {\"orderId\":\"$order\"}"),
			Map.entry("seed004 order_typing", "join_order_chat {\"orderId\":\"$order\"}"),
			Map.entry("seed004 leave_dispute_chat", "join_dispute_chat {\"disputeId\":\"$dispute\"}"),
			Map.entry("seed004 dispute_typing", "join_dispute_chat {\"disputeId\":\"$dispute\"}"),
			Map.entry("seed004 mark_messages_read", "join_order_chat {\"orderId\":\"$order\"}"));

	private static final Set<String> CELL_VALUES = Set.of("ok", "hidden", "-", "302", "401", "403", "404", "409");

	/** What "-" (the spec has no rule: leaving, stopping to type) accepts. */
	private static final Set<String> NO_RULE = Set.of("ok", "403", "404");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$([a-zA-Z0-9]+)");

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	CommandRouter router;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	final Map<Relation, Person> people = new EnumMap<>(Relation.class);

	final Person otherPerformer = person("Other Performer", Role.PERFORMER);

	final Person moderator3 = person("Transfer Target", Role.MODERATOR);

	final Map<String, String> world = new HashMap<>();

	final Map<Relation, RawSocketIo> sockets = new EnumMap<>(Relation.class);

	byte[] png;

	@Test
	void everyEndpointAndCommandHasARow() {
		for (Row row : TABLE) {
			assertThat(row.cells()).as("cells of %s", row.name()).hasSize(Relation.values().length);
			assertThat(CELL_VALUES).as("cells of %s", row.name()).containsAll(row.cells());
			if (row.isSocket()) {
				assertThat(row.cells().getFirst()).as("a socket without a token: %s", row.name()).isEqualTo("401");
			}
		}
		Set<String> covered = new TreeSet<>();
		Set<String> mapped = new TreeSet<>();
		this.mappings.getHandlerMethods().keySet().forEach((info) -> {
			for (String pattern : info.getPatternValues()) {
				mapped.add(endpoint(info, pattern));
			}
		});
		List<String> unmatched = new ArrayList<>();
		for (Row row : TABLE) {
			if (!row.isSocket()) {
				String handler = handlerOf(row);
				if (handler == null) {
					unmatched.add(row.name());
				}
				else {
					covered.add(handler);
				}
			}
		}
		assertThat(unmatched).as("rows that name no endpoint").isEmpty();
		assertThat(covered).as("REST endpoints without a row in AuthorizationMatrixIT.TABLE")
			.containsExactlyInAnyOrderElementsOf(mapped);
		Map<String, Set<String>> commands = new TreeMap<>();
		for (Row row : TABLE) {
			if (row.isSocket()) {
				commands.computeIfAbsent(row.vocabulary(), (name) -> new TreeSet<>()).add(row.command());
			}
		}
		assertThat(commands).as("socket commands of every vocabulary vs the rows of AuthorizationMatrixIT.TABLE")
			.isEqualTo(this.router.eventsByDialect());
	}

	/**
	 * The endpoint a REST row calls: the most specific path pattern that matches its path
	 * with its method and its body's media type, as Spring would choose.
	 */
	private String handlerOf(Row row) {
		PathContainer path = PathContainer.parsePath(PLACEHOLDER.matcher(row.path().split("\\?")[0]).replaceAll("x"));
		MediaType body = MULTIPART.equals(row.body()) ? MediaType.MULTIPART_FORM_DATA : MediaType.APPLICATION_JSON;
		PathPattern best = null;
		String bestEndpoint = null;
		for (RequestMappingInfo info : this.mappings.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			Set<MediaType> consumes = info.getConsumesCondition().getConsumableMediaTypes();
			if ((!methods.isEmpty() && !methods.contains(RequestMethod.valueOf(row.method())))
					|| (!consumes.isEmpty() && consumes.stream().noneMatch((type) -> type.includes(body)))) {
				continue;
			}
			for (String value : info.getPatternValues()) {
				PathPattern pattern = PathPatternParser.defaultInstance.parse(value);
				if (pattern.matches(path)
						&& (best == null || PathPattern.SPECIFICITY_COMPARATOR.compare(pattern, best) < 0)) {
					best = pattern;
					bestEndpoint = endpoint(info, value);
				}
			}
		}
		return bestEndpoint;
	}

	private static String endpoint(RequestMappingInfo info, String pattern) {
		Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
		Set<MediaType> consumes = info.getConsumesCondition().getConsumableMediaTypes();
		return (methods.isEmpty() ? "*" : methods.toString()) + " " + pattern
				+ (consumes.isEmpty() ? "" : " " + consumes);
	}

	@Test
	void everyRoleAndRelationGetsWhatTheSpecSays() throws Exception {
		long started = System.nanoTime();
		setUpWorld();
		Map<String, String> actual = new TreeMap<>();
		List<String> mismatches = new ArrayList<>();
		StringBuilder report = new StringBuilder();
		try {
			checkSocketsWithoutToken();
			for (Row row : TABLE) {
				List<String> got = new ArrayList<>();
				for (Relation relation : Relation.values()) {
					String outcome = (row.isSocket() && relation == Relation.NONE) ? "401" : run(row, relation);
					got.add(outcome);
					String key = row.name() + " × " + relation;
					String expected = row.cells().get(relation.ordinal());
					actual.put(key, outcome);
					if (!expected.equals(outcome) && !(expected.equals("-") && NO_RULE.contains(outcome))) {
						mismatches.add(key + ": expected " + expected + ", got " + outcome);
					}
				}
				report.append(String.format("%-75s %s%n", row.name(), String.join(" ", got)));
			}
			mismatches.addAll(notesDelivered());
		}
		finally {
			this.sockets.values().forEach(RawSocketIo::close);
		}
		System.out.printf("AuthorizationMatrixIT: %d rows × %d relations in %d s; actual outcomes:%n%s", TABLE.size(),
				Relation.values().length, Duration.ofNanos(System.nanoTime() - started).toSeconds(), report);
		List<String> unexpected = new ArrayList<>();
		for (String mismatch : mismatches) {
			String key = mismatch.substring(0, mismatch.indexOf(": expected"));
			if (KNOWN_GAPS.containsKey(key) && mismatch.endsWith("got " + KNOWN_GAPS.get(key))) {
				System.out.println("KNOWN GAP (reported, not fixed yet): " + mismatch);
			}
			else {
				unexpected.add(mismatch);
			}
		}
		List<String> healed = new ArrayList<>();
		KNOWN_GAPS.forEach((key, outcome) -> {
			if (!outcome.equals(actual.get(key))) {
				healed.add(key + " is now " + actual.get(key) + ": remove it from KNOWN_GAPS");
			}
		});
		assertThat(healed).as("known gaps that no longer happen").isEmpty();
		assertThat(unexpected).as("cells that differ from AuthorizationMatrixIT.TABLE").isEmpty();
	}

	// --- the world

	private void setUpWorld() throws Exception {
		this.people.put(Relation.STRANGER, person("Stranger", Role.CUSTOMER));
		this.people.put(Relation.OTHER_PARTY, person("Other Customer", Role.CUSTOMER));
		this.people.put(Relation.CUSTOMER, person("Carla Customer", Role.CUSTOMER));
		this.people.put(Relation.PERFORMER, person("Pete Performer", Role.PERFORMER));
		this.people.put(Relation.MOD_ASSIGNED, person("Mona Moderator", Role.MODERATOR));
		this.people.put(Relation.MOD_OTHER, person("Max Moderator", Role.MODERATOR));
		this.people.put(Relation.SUPPORT, person("Sam Support", Role.SUPPORT));
		this.people.put(Relation.ADMIN, person("Ada Admin", Role.ADMIN));
		this.png = png();
		// Every staff member is known to the server (transfer targets, assignees must
		// be).
		for (Person person : List.of(who(Relation.MOD_ASSIGNED), who(Relation.MOD_OTHER), who(Relation.SUPPORT),
				who(Relation.ADMIN), this.moderator3)) {
			ok(api().get("/api/unread", person.token()));
		}
		this.world.put("customer", who(Relation.CUSTOMER).id());
		this.world.put("performer", who(Relation.PERFORMER).id());
		this.world.put("support", who(Relation.SUPPORT).id());
		this.world.put("moderator3", this.moderator3.id());
		this.world.put("png", "data:image/png;base64," + Base64.getEncoder().encodeToString(this.png));
		this.world.putAll(acceptedOrder());
		order(who(Relation.OTHER_PARTY), this.otherPerformer);
		String conv = this.world.get("conv");
		JsonNode message = ok(api().post("/api/conversations/" + conv + "/messages", who(Relation.CUSTOMER).token(),
				"{\"content\":\"for the dispute\"}"))
			.path("message");
		this.world.put("message", message.path("id").asString());
		this.world.put("messageSeq", message.path("seq").asString());
		this.world.put("noteSeq", ok(api().post("/api/conversations/" + conv + "/notes",
				who(Relation.MOD_ASSIGNED).token(), "{\"content\":\"" + ORDER_NOTE + "\"}"))
			.path("seq")
			.asString());
		String upload = upload(who(Relation.CUSTOMER));
		ok(api().post("/api/conversations/" + conv + "/attachments", who(Relation.CUSTOMER).token(),
				"{\"attachments\":[\"" + upload + "\"]}"));
		this.world.put("file", upload);
		JsonNode dispute = ok(api().post("/api/orders/" + this.world.get("order") + "/disputes",
				who(Relation.CUSTOMER).token(), "{\"reason\":\"late\"}"));
		this.world.put("dispute", dispute.path("id").asString());
		this.world.put("dconv", dispute.path("conversationId").asString());
		Map<String, String> session = activeSession();
		this.world.put("session", session.get("session"));
		this.world.put("sconv", session.get("sconv"));
		ok(api().post("/api/v1/chat/sessions/" + session.get("session") + "/messages", who(Relation.SUPPORT).token(),
				"{\"content\":\"" + SESSION_NOTE + "\",\"is_internal\":true}"));
		for (Relation relation : Relation.values()) {
			if (relation != Relation.NONE) {
				this.sockets.put(relation, RawSocketIo.open(this.port, who(relation).token()));
			}
		}
	}

	private Person who(Relation relation) {
		return this.people.get(relation);
	}

	private Map<String, String> order(Person customer, Person performer) {
		JsonNode placed = ok(api().post("/api/orders/external", who(Relation.ADMIN).token(),
				Api.json(Map.of("externalId", "matrix-" + UUID.randomUUID(), "customer",
						Map.of("id", customer.id(), "name", customer.name()), "performer",
						Map.of("id", performer.id(), "name", performer.name()), "title", "Groceries"))));
		return Map.of("order", placed.path("order").path("id").asString(), "conv",
				placed.path("chatRoomId").asString());
	}

	private Map<String, String> pendingOrder() {
		return order(who(Relation.CUSTOMER), who(Relation.PERFORMER));
	}

	private Map<String, String> acceptedOrder() {
		Map<String, String> order = pendingOrder();
		ok(api().post("/api/orders/" + order.get("order") + "/accept", who(Relation.MOD_ASSIGNED).token(), null));
		return order;
	}

	private Map<String, String> waitingSession() {
		JsonNode session = ok(
				api().post("/api/v1/chat/sessions", who(Relation.CUSTOMER).token(), "{\"subject\":\"My order\"}"));
		return Map.of("session", session.path("id").asString(), "sconv", session.path("conversation_id").asString());
	}

	private Map<String, String> activeSession() {
		Map<String, String> session = waitingSession();
		ok(api().post("/api/v1/chat/sessions/" + session.get("session") + "/accept", who(Relation.SUPPORT).token(),
				null));
		return session;
	}

	private Map<String, String> fixture(Fixture fixture, Person caller) {
		return switch (fixture) {
			case SHARED -> Map.of();
			case PENDING_ORDER -> pendingOrder();
			case ACCEPTED_ORDER -> acceptedOrder();
			case TRANSFER_PENDING -> {
				Map<String, String> order = acceptedOrder();
				ok(api().post("/api/orders/" + order.get("order") + "/transfer", who(Relation.MOD_ASSIGNED).token(),
						"{\"toModeratorId\":\"" + who(Relation.MOD_OTHER).id() + "\"}"));
				yield order;
			}
			case FRESH_DISPUTE -> {
				Map<String, String> order = acceptedOrder();
				JsonNode dispute = ok(api().post("/api/orders/" + order.get("order") + "/disputes",
						who(Relation.CUSTOMER).token(), "{\"reason\":\"late\"}"));
				yield Map.of("order", order.get("order"), "conv", order.get("conv"), "dispute",
						dispute.path("id").asString(), "dconv", dispute.path("conversationId").asString());
			}
			case WAITING_SESSION -> waitingSession();
			case ACTIVE_SESSION -> activeSession();
			case CUSTOMER_MESSAGE -> Map.of("message",
					ok(api().post("/api/conversations/" + this.world.get("conv") + "/messages",
							who(Relation.CUSTOMER).token(), "{\"content\":\"to delete\"}"))
						.path("message")
						.path("id")
						.asString());
			case OWN_UPLOAD -> Map.of("upload", (caller != null) ? upload(caller) : UUID.randomUUID().toString());
			case CUSTOMER_UPLOAD -> Map.of("upload", upload(who(Relation.CUSTOMER)));
			case NEW_EXTERNAL_ID -> Map.of("externalId", "matrix-" + UUID.randomUUID());
		};
	}

	/**
	 * A staff-only note as the latest message of the order's chat and of the support
	 * session, so it is on every first page of history; {@code $beforeNote} is the seq
	 * before the order chat's note.
	 */
	private Map<String, String> freshNotes() {
		long seq = ok(api().post("/api/conversations/" + this.world.get("conv") + "/notes",
				who(Relation.MOD_ASSIGNED).token(), "{\"content\":\"" + ORDER_NOTE + "\"}"))
			.path("seq")
			.asLong();
		ok(api().post("/api/v1/chat/sessions/" + this.world.get("session") + "/messages", who(Relation.SUPPORT).token(),
				"{\"content\":\"" + SESSION_NOTE + "\",\"is_internal\":true}"));
		return Map.of("beforeNote", String.valueOf(seq - 1));
	}

	// --- running a cell

	private String run(Row row, Relation relation) throws Exception {
		Person caller = who(relation);
		Map<String, String> values = new HashMap<>(this.world);
		values.putAll(fixture(row.fixture(), caller));
		values.put("self", (caller != null) ? caller.id() : "nobody");
		values.put("uuid", UUID.randomUUID().toString());
		if (row.cells().contains("hidden")) {
			values.putAll(freshNotes());
		}
		String token = (caller != null) ? caller.token() : null;
		if (row.isSocket()) {
			RawSocketIo socket = this.sockets.get(relation);
			String join = JOIN_FIRST.get(row.vocabulary() + " " + row.command());
			if (join != null) {
				int space = join.indexOf(' ');
				socket.call(quote(join.substring(0, space)), fill(join.substring(space + 1), values),
						Duration.ofSeconds(10));
			}
			String ack = socket.call(quote(row.command()), fill(row.body(), values), Duration.ofSeconds(10));
			return socketOutcome(row, ack);
		}
		String path = fill(row.path(), values);
		Response response = (MULTIPART.equals(row.body())) ? multipart(path, token)
				: send(row.method(), path, token, (row.body() != null) ? fill(row.body(), values) : null);
		if (response.status() / 100 != 2) {
			return String.valueOf(response.status());
		}
		return allowed(row, response.text());
	}

	/**
	 * An allowed call: did its answer show the row's secret (the staff-only note, or the
	 * shared order, chat, dispute or session in a list), where the row asks?
	 */
	private String allowed(Row row, String answer) {
		if (!row.cells().contains("hidden")) {
			return "ok";
		}
		String secret = (row.secret() != null) ? this.world.get(row.secret()) : NOTE_MARK;
		return answer.contains(secret) ? "ok" : "hidden";
	}

	private String socketOutcome(Row row, String ack) {
		if (ack == null) {
			return "no answer";
		}
		JsonNode reply = json.readTree(ack.substring(ack.indexOf('['))).path(0);
		// sync:resume answers ok for the batch and refuses conversation by conversation.
		JsonNode refusedInBatch = reply.path("data").path("conversations").path(0).path("error");
		if (refusedInBatch.isObject()) {
			reply = json.createObjectNode().set("error", refusedInBatch);
		}
		if (reply.path("ok").asBoolean(false)) {
			return allowed(row, reply.toString());
		}
		String code = reply.path("error").path("code").asString("");
		try {
			return String.valueOf(ErrorCode.valueOf(code).httpStatus());
		}
		catch (IllegalArgumentException ex) {
			return "unreadable " + ack;
		}
	}

	/**
	 * Staff-only notes never reach a socket outside the staff who may read them: by now
	 * every socket has joined (or tried to join) the order chat and the session in every
	 * vocabulary, and notes were added to both all along.
	 */
	private List<String> notesDelivered() throws InterruptedException {
		List<String> leaks = new ArrayList<>();
		Map<String, Set<Relation>> readers = Map.of(ORDER_NOTE, Set.of(Relation.MOD_ASSIGNED, Relation.ADMIN),
				SESSION_NOTE, Set.of(Relation.SUPPORT, Relation.ADMIN));
		readers.forEach((note, staff) -> this.sockets.forEach((relation, socket) -> {
			try {
				if (!staff.contains(relation) && socket.awaitFrame(note, Duration.ofMillis(50))) {
					leaks.add("socket events × " + relation + ": expected no staff-only note, got '" + note + "'");
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}));
		assertThat(this.sockets.get(Relation.MOD_ASSIGNED).awaitFrame(ORDER_NOTE, Duration.ofSeconds(5)))
			.as("the order chat's moderator received its notes (the check can see a delivery)")
			.isTrue();
		return leaks;
	}

	/**
	 * Without a token the socket is refused at connect, and no command sent anyway is
	 * answered.
	 */
	private void checkSocketsWithoutToken() throws Exception {
		RawSocketIo anonymous = RawSocketIo.open(this.port, null);
		try {
			anonymous.text("40");
			assertThat(anonymous.awaitFrame("44{", Duration.ofSeconds(10))).as("connect_error without a token")
				.isTrue();
			Map<String, String> values = new HashMap<>(this.world);
			values.put("self", "nobody");
			values.put("uuid", UUID.randomUUID().toString());
			values.put("beforeNote", "0");
			for (Row row : TABLE) {
				if (row.isSocket() && row.fixture() == Fixture.SHARED) {
					anonymous.text("421[" + quote(row.command()) + "," + fill(row.body(), values) + "]");
				}
			}
			String ack = anonymous.call(quote("unread:get"), "{}", Duration.ofSeconds(2));
			// Every command above used acknowledgement id 1 too.
			assertThat(ack).as("an answer to a socket without a token").isNull();
		}
		finally {
			anonymous.close();
		}
	}

	private static String fill(String template, Map<String, String> values) {
		Matcher matcher = PLACEHOLDER.matcher(template);
		StringBuilder filled = new StringBuilder();
		while (matcher.find()) {
			String value = values.get(matcher.group(1));
			assertThat(value).as("placeholder %s in %s", matcher.group(), template).isNotNull();
			matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
		}
		matcher.appendTail(filled);
		return filled.toString();
	}

	private static String quote(String text) {
		return Api.json(text);
	}

	private static JsonNode ok(Response response) {
		assertThat(response.status() / 100).as("setting up: %s", response).isEqualTo(2);
		return response.data();
	}

	private String upload(Person person) {
		Response response = multipart("/api/attachments", person.token());
		return ok(response).path(0).path("id").asString();
	}

	/** A REST call whose answer may be any bytes (downloads): status and text only. */
	private Response send(String method, String path, String token, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return exchange(request);
	}

	private Response multipart(String path, String token) {
		String boundary = "matrix" + UUID.randomUUID().toString().replace("-", "");
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"content\"\r\n\r\nfile\r\n--"
				+ boundary + "\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\"image.png\"\r\n"
				+ "Content-Type: image/png\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(this.png);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return exchange(request);
	}

	private static Response exchange(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = http.send(request.build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.ISO_8859_1));
			boolean isJson = response.headers()
				.firstValue("Content-Type")
				.filter((type) -> type.contains("json"))
				.isPresent();
			JsonNode parsed = isJson ? json.readTree(response.body()) : json.missingNode();
			return new Response(response.statusCode(), parsed, response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] png() throws IOException {
		BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		ImageIO.write(image, "png", bytes);
		return bytes.toByteArray();
	}

	// --- the table's rows

	/**
	 * One action: a REST call ({@code vocabulary} "rest", {@code command} the method and
	 * path) or a socket command of a vocabulary; {@code cells} in {@link Relation} order.
	 */
	record Row(String vocabulary, String command, String variant, Fixture fixture, String body, List<String> cells,
			String secret) {

		/**
		 * Where the row has {@code hidden} cells: the placeholder whose value an allowed
		 * answer shows only to those who may see it (by default the staff-only note).
		 */
		Row shows(String placeholder) {
			return new Row(this.vocabulary, this.command, this.variant, this.fixture, this.body, this.cells,
					placeholder);
		}

		boolean isSocket() {
			return !this.vocabulary.equals("rest");
		}

		String method() {
			return this.command.substring(0, this.command.indexOf(' '));
		}

		String path() {
			return this.command.substring(this.command.indexOf(' ') + 1);
		}

		String name() {
			return (isSocket() ? this.vocabulary + " " : "") + this.command
					+ ((this.variant != null) ? " [" + this.variant + "]" : "");
		}

	}

	static Row rest(String methodAndPath, Fixture fixture, String body, String cells) {
		return rest(methodAndPath, null, fixture, body, cells);
	}

	static Row rest(String methodAndPath, String variant, Fixture fixture, String body, String cells) {
		return new Row("rest", methodAndPath, variant, fixture, body, cells(cells), null);
	}

	static Row socket(String vocabulary, String command, Fixture fixture, String payload, String cells) {
		return socket(vocabulary, command, null, fixture, payload, cells);
	}

	static Row socket(String vocabulary, String command, String variant, Fixture fixture, String payload,
			String cells) {
		return new Row(vocabulary, command, variant, fixture, payload, cells(cells), null);
	}

	private static List<String> cells(String cells) {
		return List.of(cells.trim().split("\\s+"));
	}

	static {
		Set<String> names = new LinkedHashSet<>();
		for (Row row : TABLE) {
			if (!names.add(row.name())) {
				throw new IllegalStateException("Two rows named " + row.name());
			}
		}
	}

}
