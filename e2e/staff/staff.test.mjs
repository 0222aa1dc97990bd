// Staff workflows over the socket: seed 000 moderators, seed 003 support sessions, seed 004
// disputes, and the canonical staff commands; every refusal the issue names is exercised.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { token, unique, rest, connect, closeAll, next, collect, call } from "../support.mjs";

after(closeAll);

const person = (role, name) => {
  const id = unique(role);
  return { id, name, token: token(id, role, { name }) };
};

/** Makes the server know a user (transfer and assign targets must have called it once). */
const introduce = (who) => rest("GET", "/api/orders/my-orders", who.token);

async function placeOrder(customer) {
  const created = await rest("POST", "/api/orders", customer.token, { exchangeMethod: "cash", amount: 100 });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return { orderId: created.body.data.order.id, roomId: created.body.data.chatRoomId };
}

test("seed 000: accept, transfer to a named moderator, clean; others are refused", async () => {
  const customer = person("customer", "Carla Customer");
  const mona = person("moderator", "Mona Moderator");
  const max = person("moderator", "Max Moderator");
  const mia = person("moderator", "Mia Moderator");
  await Promise.all([introduce(mona), introduce(max), introduce(mia)]);
  const monaSocket = await connect(mona.token);
  const queued = next(monaSocket, "new-order-chat");
  const queuedCanonical = next(monaSocket, "order:new");

  const { orderId, roomId } = await placeOrder(customer);
  assert.equal((await queued).roomId, roomId);
  assert.equal((await queuedCanonical).order.id, orderId);

  const customerSocket = await connect(customer.token);
  assert.equal((await call(customerSocket, "chat:join", { roomId, orderId })).success, true);

  // A customer cannot accept an order.
  const refused = next(customerSocket, "error");
  customerSocket.emit("moderator:accept", { roomId });
  assert.equal((await refused).code, "FORBIDDEN");

  const joined = next(customerSocket, "moderator:joined");
  monaSocket.emit("moderator:accept", { roomId });
  assert.equal((await joined).moderator.name, "Mona Moderator");
  assert.equal((await call(monaSocket, "chat:join", { roomId, orderId })).success, true);

  const maxSocket = await connect(max.token);
  const told = next(maxSocket, "transfer:initiated");
  const transferring = next(customerSocket, "chat:transferring");
  monaSocket.emit("moderator:initiateTransfer", { roomId, toModeratorId: max.id });
  assert.equal((await transferring).from, "Mona Moderator");
  assert.equal((await told).to.id, max.id);

  // A moderator who is not the target cannot accept the transfer.
  const miaSocket = await connect(mia.token);
  const notYours = next(miaSocket, "error");
  miaSocket.emit("moderator:acceptTransfer", { roomId });
  assert.equal((await notYours).code, "FORBIDDEN");

  const changed = next(customerSocket, "moderator:changed");
  maxSocket.emit("moderator:acceptTransfer", { roomId });
  assert.equal((await changed).newModerator.name, "Max Moderator");
  assert.equal((await changed).newModerator.id, max.id);

  const cleaned = next(customerSocket, "chat:cleaned");
  maxSocket.emit("chat:clean", { roomId });
  const report = await cleaned;
  assert.equal(report.moderator.name, "Max Moderator");
  assert.equal(report.imagesDeleted, 0);
});

test("a moderator uses an order's chat only while assigned to it; a transfer away takes the socket out", async () => {
  const customer = person("customer", "Carla Customer");
  const mona = person("moderator", "Mona Moderator");
  const max = person("moderator", "Max Moderator");
  await Promise.all([introduce(mona), introduce(max)]);
  const { orderId, roomId } = await placeOrder(customer);
  const customerSocket = await connect(customer.token);
  const monaSocket = await connect(mona.token);
  const maxSocket = await connect(max.token);
  assert.equal((await call(customerSocket, "conversation:join", { conversationId: roomId })).ok, true);

  // Before accepting: the queue shows the order, its chat is refused (canonical and seed 000).
  const queue = await call(monaSocket, "moderation:queue", {});
  assert.ok(JSON.stringify(queue).includes(orderId), JSON.stringify(queue));
  const early = await call(monaSocket, "conversation:join", { conversationId: roomId });
  assert.equal(early.ok, false, JSON.stringify(early));
  assert.equal(early.error.code, "FORBIDDEN");
  const seedRefused = next(monaSocket, "error");
  monaSocket.emit("chat:join", { roomId, orderId });
  assert.equal((await seedRefused).code, "FORBIDDEN");
  assert.equal((await rest("GET", `/api/conversations/${roomId}`, mona.token)).status, 403);

  // Accepting assigns her; another moderator stays out.
  assert.equal((await call(monaSocket, "order:accept", { orderId })).ok, true);
  assert.equal((await call(monaSocket, "conversation:join", { conversationId: roomId })).ok, true);
  const other = await call(maxSocket, "message:send", { conversationId: roomId, content: "let me in" });
  assert.equal(other.error.code, "FORBIDDEN");

  // Transferred away: her joined socket leaves the room and she is refused from then on.
  assert.equal((await call(monaSocket, "transfer:initiate", { orderId, toModeratorId: max.id })).ok, true);
  assert.equal((await call(maxSocket, "transfer:accept", { orderId })).ok, true);
  assert.equal((await call(maxSocket, "conversation:join", { conversationId: roomId })).ok, true);
  const overheard = collect(monaSocket, "message", 700);
  const delivered = next(maxSocket, "message", { where: (m) => m.message.content === "after the transfer" });
  assert.equal((await call(customerSocket, "message:send", { conversationId: roomId, content: "after the transfer" })).ok, true);
  await delivered;
  assert.deepEqual((await overheard).filter((m) => m.message?.content === "after the transfer"), []);
  const late = await call(monaSocket, "message:send", { conversationId: roomId, content: "still here?" });
  assert.equal(late.error.code, "FORBIDDEN");
  assert.equal((await rest("GET", `/api/conversations/${roomId}/messages`, mona.token)).status, 403);
});

test("cleaning is refused while a dispute on the order is open", async () => {
  const customer = person("customer", "Carla Customer");
  const mona = person("moderator", "Mona Moderator");
  const { orderId, roomId } = await placeOrder(customer);
  const monaSocket = await connect(mona.token);
  const accepted = await call(monaSocket, "order:accept", { orderId });
  assert.equal(accepted.ok, true, JSON.stringify(accepted));
  const dispute = await rest("POST", `/api/orders/${orderId}/disputes`, customer.token, { reason: "unpaid" });
  assert.equal(dispute.status, 201, JSON.stringify(dispute.body));

  const answer = await call(monaSocket, "conversation:clean", { conversationId: roomId });

  assert.equal(answer.ok, false);
  assert.equal(answer.error.code, "LEGAL_HOLD");
});

test("internal notes never reach a customer's socket or REST history", async () => {
  const customer = person("customer", "Carla Customer");
  const mona = person("moderator", "Mona Moderator");
  const { orderId, roomId } = await placeOrder(customer);
  const monaSocket = await connect(mona.token);
  await call(monaSocket, "order:accept", { orderId });
  const customerSocket = await connect(customer.token);
  assert.equal((await call(customerSocket, "conversation:join", { conversationId: roomId })).ok, true);
  assert.equal((await call(monaSocket, "conversation:join", { conversationId: roomId })).ok, true);
  const customerHears = [];
  customerSocket.onAny((event, payload) => customerHears.push(JSON.stringify([event, payload])));

  const staffHears = next(monaSocket, "note:added");
  const note = await call(monaSocket, "note:add", { conversationId: roomId, content: "secret staff remark" });
  assert.equal(note.ok, true, JSON.stringify(note));
  assert.equal((await staffHears).message.content, "secret staff remark");
  const refused = await call(customerSocket, "note:add", { conversationId: roomId, content: "me too" });
  assert.equal(refused.error.code, "FORBIDDEN");
  const publicReply = next(customerSocket, "message", { where: (m) => m.message.content === "public reply" });
  const sent = await call(monaSocket, "message:send", { conversationId: roomId, content: "public reply" });
  assert.equal(sent.ok, true, JSON.stringify(sent));
  await publicReply;

  assert.ok(!customerHears.some((line) => line.includes("secret staff remark")), customerHears.join("\n"));
  const history = await rest("GET", `/api/conversations/${roomId}/messages`, customer.token);
  assert.ok(!JSON.stringify(history.body).includes("secret staff remark"));
  const staffHistory = await rest("GET", `/api/conversations/${roomId}/messages`, mona.token);
  assert.ok(JSON.stringify(staffHistory.body).includes("secret staff remark"));
});

test("seed 003: a session waits, one of two racing agents wins, chat, close refuses sends", async () => {
  const customer = person("customer", "Rita Restaurant");
  const sam = person("support", "Sam Support");
  const sue = person("support", "Sue Support");
  const samSocket = await connect(sam.token);
  const sueSocket = await connect(sue.token);
  const queued = next(samSocket, "support:queued");

  const created = await rest("POST", "/api/v1/chat/sessions", customer.token, {
    subject: "Need help with order", category: "order_issue", priority: "high", restaurant_id: "r1",
    initial_message: "My order is delayed",
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const sessionId = created.body.data.id;
  assert.equal((await queued).session.id, sessionId);

  const customerSocket = await connect(customer.token);
  const joined = next(customerSocket, "session_joined");
  customerSocket.emit("join_session", { session_id: sessionId });
  const session = await joined;
  assert.equal(session.session.status, "waiting");
  assert.ok(session.messages.some((m) => m.content === "My order is delayed"));
  assert.ok(session.participants.some((p) => p.user_id === customer.id));

  const acceptedEvent = next(customerSocket, "chat_accepted");
  const answers = await Promise.all([
    call(samSocket, "accept_chat", { session_id: sessionId }),
    call(sueSocket, "accept_chat", { session_id: sessionId }),
  ]);
  const winners = answers.filter((a) => a.success === true);
  const losers = answers.filter((a) => a.success === false);
  assert.equal(winners.length, 1, JSON.stringify(answers));
  assert.equal(losers.length, 1, JSON.stringify(answers));
  assert.equal(losers[0].error.code, "CONFLICT");
  assert.match(losers[0].message, /already accepted/);
  const accepted = await acceptedEvent;
  const agent = accepted.agent_id === sam.id ? { socket: samSocket, ...sam } : { socket: sueSocket, ...sue };
  assert.equal(accepted.session.status, "active");

  agent.socket.emit("join_session", { session_id: sessionId });
  await next(agent.socket, "session_joined");
  const arrives = next(agent.socket, "new_message", { where: (m) => m.message.content === "Still waiting" });
  const sent = next(customerSocket, "message_sent");
  customerSocket.emit("send_message", { session_id: sessionId, content: "Still waiting", message_type: "text", temp_id: "t-1" });
  const confirmation = await sent;
  assert.equal(confirmation.temp_id, "t-1");
  const message = (await arrives).message;
  assert.equal(message.id, confirmation.message_id);
  assert.equal(message.sender_role, "customer");

  const typing = next(agent.socket, "user_typing");
  customerSocket.emit("typing", { session_id: sessionId });
  assert.equal((await typing).user_id, customer.id);
  const stopped = next(agent.socket, "typing_stopped");
  customerSocket.emit("stop_typing", { session_id: sessionId });
  assert.equal((await stopped).user_id, customer.id);

  const read = next(customerSocket, "messages_read");
  agent.socket.emit("mark_as_read", { session_id: sessionId, message_ids: [message.id] });
  assert.equal((await read).user_id, agent.id);

  const closed = next(customerSocket, "chat_closed");
  const status = next(customerSocket, "session_status_changed", { where: (s) => s.status === "closed" });
  agent.socket.emit("close_chat", { session_id: sessionId });
  assert.equal((await closed).closed_by, agent.id);
  assert.equal((await status).session_id, sessionId);

  // A closed session refuses a send.
  const error = next(customerSocket, "error");
  customerSocket.emit("send_message", { session_id: sessionId, content: "hello?", temp_id: "t-2" });
  assert.equal((await error).code, "CONVERSATION_CLOSED");
});

test("seed 004: dispute chat for its parties only, status changes as events", async () => {
  const admin = person("admin", "Ada Admin");
  const customer = person("customer", "Carla Customer");
  const performer = person("performer", "Pete Performer");
  const stranger = person("performer", "Paula Performer");
  const mona = person("moderator", "Mona Moderator");
  const registered = await rest("POST", "/api/orders/external", admin.token, {
    externalId: unique("ext"), customer: { id: customer.id, name: customer.name },
    performer: { id: performer.id, name: performer.name },
  });
  const orderId = registered.body.data.order.id;
  const opened = await rest("POST", `/api/orders/${orderId}/disputes`, performer.token, { reason: "no payment" });
  assert.equal(opened.status, 201, JSON.stringify(opened.body));
  const disputeId = opened.body.data.id;

  const strangerSocket = await connect(stranger.token);
  const refused = next(strangerSocket, "error");
  strangerSocket.emit("join_dispute_chat", { disputeId });
  assert.equal((await refused).code, "FORBIDDEN");
  const forbiddenRest = await rest("GET", `/api/disputes/${disputeId}`, stranger.token);
  assert.equal(forbiddenRest.status, 403);

  const customerSocket = await connect(customer.token);
  customerSocket.emit("join_dispute_chat", { disputeId });
  await new Promise((resolve) => setTimeout(resolve, 300));
  const update = next(customerSocket, "dispute_status_update");
  const monaSocket = await connect(mona.token);
  const changed = await call(monaSocket, "dispute:status", { disputeId, status: "in_review" });
  assert.equal(changed.ok, true, JSON.stringify(changed));
  const event = await update;
  assert.equal(event.disputeId, disputeId);
  assert.equal(event.status, "in_review");
  const strangerHeard = await collect(strangerSocket, "dispute_status_update", 300);
  assert.equal(strangerHeard.length, 0);
});
