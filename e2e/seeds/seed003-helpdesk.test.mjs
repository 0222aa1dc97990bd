// Seed 003 (restaurant support sessions), driven as the app's own client calls it (DIALECTS.md §4):
// REST /api/v1/chat with the { success, data } envelope, Socket.IO events with snake_case payloads.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { URL, token, unique, rest, connect, closeAll, next, collect } from "../support.mjs";

after(closeAll);

const SESSIONS = "/api/v1/chat/sessions";

function person(role) {
  const id = unique(role);
  return { id, token: token(id, role, { name: `${role} ${id}` }) };
}

/** A refusal in the app's REST envelope. */
function refused(response, status) {
  assert.equal(response.status, status, JSON.stringify(response.body));
  assert.equal(response.body.success, false);
  assert.equal(typeof response.body.error, "string");
  assert.ok(response.body.error.length > 0);
  assert.equal(response.body.message, response.body.error);
}

async function openSession(customer, initial = "My order is delayed") {
  const created = await rest("POST", SESSIONS, customer.token, {
    subject: "Order #42 is late", category: "order_issue", priority: "high", restaurant_id: "r-1", initial_message: initial,
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return created.body.data;
}

test("a customer opens a session, agents list and accept it; only agents may accept", async () => {
  const customer = person("customer");
  const other = person("customer");
  const agent = person("support");
  const session = await openSession(customer);
  for (const field of ["id", "subject", "category", "priority", "restaurant_id", "customer_id", "agent_id", "status",
    "created_at", "updated_at", "agent_accepted_at", "closed_at", "last_message_at"]) {
    assert.ok(field in session, `Session.${field}`);
  }
  assert.equal(session.status, "waiting");
  assert.equal(session.customer_id, customer.id);
  assert.equal(session.agent_id, null);

  const agentList = await rest("GET", SESSIONS, agent.token);
  assert.ok(agentList.body.data.some((s) => s.id === session.id), "support sees the waiting session");
  assert.ok((await rest("GET", SESSIONS, customer.token)).body.data.some((s) => s.id === session.id));
  assert.ok(!(await rest("GET", SESSIONS, other.token)).body.data.some((s) => s.id === session.id));
  refused(await rest("GET", `${SESSIONS}/${session.id}`, other.token), 403);
  refused(await rest("GET", `${SESSIONS}/${session.id}`, undefined), 401);
  refused(await rest("GET", `${SESSIONS}/00000000-0000-0000-0000-000000000000`, customer.token), 404);

  const customerSocket = await connect(customer.token);
  const agentSocket = await connect(agent.token);
  // every support socket hears every session's status (§4.2, §0.3): one that has spoken no vocabulary
  // yet, and not one bound to OrderChat's own
  const bystander = await connect(person("support").token);
  const canonicalAgent = await connect(person("support").token);
  await canonicalAgent.timeout(5000).emitWithAck("support:queue", {});
  const notAgent = next(customerSocket, "error");
  customerSocket.emit("accept_chat", { session_id: session.id });
  assert.equal((await notAgent).message, "Only support agents can accept chats");

  const joined = next(customerSocket, "session_joined");
  customerSocket.emit("join_session", { session_id: session.id });
  await joined;
  const accepted = next(customerSocket, "chat_accepted");
  const status = next(customerSocket, "session_status_changed", { where: (s) => s.status === "active" });
  const bystanderHears = next(bystander, "session_status_changed", { where: (s) => s.session_id === session.id });
  const canonicalHears = collect(canonicalAgent, "session_status_changed", 1000);
  agentSocket.emit("accept_chat", { session_id: session.id });
  const acceptance = await accepted;
  assert.equal(acceptance.agent_id, agent.id);
  assert.equal(acceptance.session.status, "active");
  assert.equal(acceptance.session.agent_id, agent.id);
  assert.ok(acceptance.session.agent_accepted_at);
  assert.deepEqual(await status, { session_id: session.id, status: "active", agent_id: agent.id });
  assert.deepEqual(await bystanderHears, { session_id: session.id, status: "active", agent_id: agent.id });
  assert.deepEqual(await canonicalHears, [], "a socket bound to the canonical vocabulary");

  const again = next(agentSocket, "error");
  agentSocket.emit("accept_chat", { session_id: session.id });
  assert.equal((await again).message, "Chat already accepted");
  refused(await rest("POST", `${SESSIONS}/${session.id}/assign`, agent.token), 400);
});

test("join_session confirms, marks read; send_message answers message_sent; strangers are refused", async () => {
  const customer = person("customer");
  const stranger = person("customer");
  const agent = person("support");
  const session = await openSession(customer, "hello?");
  const agentSocket = await connect(agent.token);
  const strangerSocket = await connect(stranger.token);

  const strangerRefused = next(strangerSocket, "error");
  strangerSocket.emit("join_session", { session_id: session.id });
  assert.ok((await strangerRefused).message);
  const missing = next(strangerSocket, "error");
  strangerSocket.emit("join_session", {});
  assert.ok((await missing).message);

  const sessionJoined = next(agentSocket, "session_joined");
  const userJoined = next(agentSocket, "user_joined");
  const readOnJoin = next(agentSocket, "messages_read");
  agentSocket.emit("join_session", { session_id: session.id });
  const view = await sessionJoined;
  assert.equal(view.session.id, session.id);
  assert.ok(view.messages.some((m) => m.content === "hello?"));
  assert.ok(view.messages.findIndex((m) => m.content === "hello?") > view.messages.findIndex((m) => m.is_system_message),
    "oldest first");
  assert.ok(view.participants.some((p) => p.user_id === customer.id && "online" in p && "role" in p && "name" in p));
  assert.deepEqual(await userJoined, { user_id: agent.id, role: "support", name: `support ${agent.id}`, session_id: session.id });
  assert.equal((await readOnJoin).user_id, agent.id);

  const customerSocket = await connect(customer.token);
  const agentHearsJoin = next(agentSocket, "user_joined", { where: (u) => u.user_id === customer.id });
  customerSocket.emit("join_session", { session_id: session.id });
  assert.equal((await agentHearsJoin).role, "customer");

  const accepted = next(customerSocket, "chat_accepted");
  agentSocket.emit("accept_chat", { session_id: session.id });
  await accepted;

  const confirmation = next(customerSocket, "message_sent");
  const arrives = next(agentSocket, "new_message", { where: (e) => e.message.content === "Still waiting" });
  customerSocket.emit("send_message", { session_id: session.id, content: "Still waiting", message_type: "text", temp_id: "tmp-1" });
  const sent = await confirmation;
  assert.equal(sent.temp_id, "tmp-1");
  assert.ok(sent.message_id && sent.sent_at);
  const { message } = await arrives;
  assert.equal(message.id, sent.message_id);
  for (const field of ["session_id", "sender_id", "sender_role", "sender_name", "message_type", "content",
    "is_system_message", "created_at", "updated_at", "attachments", "read_by"]) {
    assert.ok(field in message, `Message.${field}`);
  }
  assert.equal(message.sender_id, customer.id);
  assert.equal(message.is_system_message, false);

  const empty = next(customerSocket, "error");
  customerSocket.emit("send_message", { session_id: session.id, content: "", message_type: "text", temp_id: "tmp-2" });
  assert.ok((await empty).message);
  const outsider = next(strangerSocket, "error");
  strangerSocket.emit("send_message", { session_id: session.id, content: "let me in", message_type: "text", temp_id: "x" });
  assert.ok((await outsider).message);

  // the sender's typing ends with its message
  const typing = next(agentSocket, "user_typing");
  customerSocket.emit("typing", { session_id: session.id });
  assert.deepEqual(await typing, { session_id: session.id, user_id: customer.id, user_name: `customer ${customer.id}` });
  const stopped = next(agentSocket, "typing_stopped");
  customerSocket.emit("send_message", { session_id: session.id, content: "sorry", message_type: "text", temp_id: "tmp-3" });
  assert.equal((await stopped).user_id, customer.id);
  const notJoined = next(strangerSocket, "error");
  strangerSocket.emit("typing", { session_id: session.id });
  assert.ok((await notJoined).message);

  const readByAgent = next(customerSocket, "messages_read", { where: (r) => r.user_id === agent.id });
  const readAnswer = next(agentSocket, "messages_read", { where: (r) => r.message_ids });
  agentSocket.emit("mark_as_read", { session_id: session.id, message_ids: [sent.message_id] });
  assert.equal((await readByAgent).session_id, session.id);
  assert.deepEqual((await readAnswer).message_ids, [sent.message_id]);

  const left = next(agentSocket, "user_left");
  customerSocket.emit("leave_session", { session_id: session.id });
  const leaving = await left;
  assert.equal(leaving.user_id, customer.id);
  assert.equal(leaving.role, "customer");
});

test("REST: messages newest first, read, status by agents only, close by agents only over the socket", async () => {
  const customer = person("customer");
  const agent = person("support");
  const session = await openSession(customer, "first");
  assert.equal((await rest("POST", `${SESSIONS}/${session.id}/assign`, customer.token)).status, 403);
  const assigned = await rest("POST", `${SESSIONS}/${session.id}/assign`, agent.token);
  assert.equal(assigned.status, 200, JSON.stringify(assigned.body));
  assert.equal(assigned.body.data.agent_id, agent.id);
  assert.equal(assigned.body.data.status, "active");

  const customerSocket = await connect(customer.token);
  const joined = next(customerSocket, "session_joined");
  customerSocket.emit("join_session", { session_id: session.id });
  await joined;
  const form = new FormData();
  form.append("content", "second");
  form.append("message_type", "text");
  const broadcast = next(customerSocket, "new_message", { where: (e) => e.message.content === "second" });
  const posted = await fetch(`${URL}${SESSIONS}/${session.id}/messages`, {
    method: "POST", headers: { authorization: `Bearer ${agent.token}` }, body: form,
  });
  assert.equal(posted.status, 201, await posted.clone().text());
  await broadcast;

  const page = await rest("GET", `${SESSIONS}/${session.id}/messages?limit=50&offset=0`, customer.token);
  assert.equal(page.body.success, true);
  const contents = page.body.data.filter((m) => !m.is_system_message).map((m) => m.content);
  assert.deepEqual(contents, ["second", "first"], "newest first");
  const details = await rest("GET", `${SESSIONS}/${session.id}`, customer.token);
  assert.ok(details.body.data.unread_count >= 1);
  assert.equal(details.body.data.last_message.content, "second");
  const listed = (await rest("GET", SESSIONS, customer.token)).body.data.find((row) => row.id === session.id);
  assert.equal(listed.last_message.content, "second", "list rows add last_message too (§4.2)");
  assert.equal(listed.last_message_at, listed.last_message.created_at);
  assert.ok(listed.unread_count >= 1);

  const readEvent = next(customerSocket, "messages_read", { where: (r) => r.user_id === agent.id });
  const read = await rest("POST", `${SESSIONS}/${session.id}/read`, agent.token, {});
  assert.equal(read.status, 200);
  assert.equal(read.body.success, true);
  assert.equal(read.body.message, "Messages marked as read");
  assert.equal((await readEvent).session_id, session.id);

  refused(await rest("PATCH", `${SESSIONS}/${session.id}/status`, customer.token, { status: "closed" }), 403);
  refused(await rest("PATCH", `${SESSIONS}/${session.id}/status`, agent.token, { status: "finished" }), 400);
  refused(await rest("PATCH", `${SESSIONS}/${session.id}/status`, agent.token, {}), 400);
  const resolvedEvent = next(customerSocket, "session_status_changed", { where: (s) => s.status === "resolved" });
  const resolved = await rest("PATCH", `${SESSIONS}/${session.id}/status`, agent.token, { status: "resolved" });
  assert.equal(resolved.status, 200, JSON.stringify(resolved.body));
  assert.equal(resolved.body.data.status, "resolved");
  assert.equal((await resolvedEvent).session_id, session.id);

  const customerCannotClose = next(customerSocket, "error");
  customerSocket.emit("close_chat", { session_id: session.id });
  assert.ok((await customerCannotClose).message);
  const agentSocket = await connect(agent.token);
  const closed = next(customerSocket, "chat_closed");
  const closedStatus = next(customerSocket, "session_status_changed", { where: (s) => s.status === "closed" });
  agentSocket.emit("close_chat", { session_id: session.id });
  const closing = await closed;
  assert.equal(closing.closed_by, agent.id);
  assert.equal(closing.session.status, "closed");
  assert.ok(closing.session.closed_at);
  await closedStatus;
  assert.deepEqual(await collect(customerSocket, "chat_closed", 300), []);
});

test("uploads answer 200 with the files; a type the app refuses is a 400 in its envelope", async () => {
  const customer = person("customer");
  const png = Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");
  const upload = async (name, type, bytes, tokenValue = customer.token) => {
    const form = new FormData();
    form.append("attachments", new Blob([bytes], { type }), name);
    const response = await fetch(`${URL}/api/v1/chat/upload`, {
      method: "POST", headers: tokenValue ? { authorization: `Bearer ${tokenValue}` } : {}, body: form,
    });
    return { status: response.status, body: await response.json() };
  };
  const ok = await upload("dot.png", "image/png", png);
  assert.equal(ok.status, 200, JSON.stringify(ok.body));
  assert.equal(ok.body.success, true);
  const [file] = ok.body.data;
  assert.equal(file.file_name, "dot.png");
  assert.equal(file.file_type, "image/png");
  assert.equal(file.file_size, png.length);
  const served = await fetch(URL + file.file_url, { headers: { authorization: `Bearer ${customer.token}` } });
  assert.equal(served.status, 200);
  refused(await upload("page.html", "text/html", Buffer.from("<html><script>alert(1)</script></html>")), 400);
  refused(await upload("dot.png", "image/png", png, null), 401);
});
