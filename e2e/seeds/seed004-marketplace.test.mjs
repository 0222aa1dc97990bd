// Seed 004 (services marketplace): order chats between client and performer.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { token, unique, rest, connect, closeAll, next, collect, orderBetween } from "../support.mjs";

after(closeAll);

test("client and performer message, type and see each other's presence", async () => {
  const clientId = unique("client");
  const performerId = unique("performer");
  const { order } = await orderBetween(clientId, performerId);
  const client = await connect(token(clientId, "client"));
  client.emit("join_order_chat", { orderId: order.externalId });
  await new Promise((resolve) => setTimeout(resolve, 200));

  const online = next(client, "user_presence", { where: (e) => e.userId === performerId && e.isOnline });
  const performer = await connect(token(performerId, "performer"));
  await online;
  performer.emit("join_order_chat", { orderId: order.externalId });
  await new Promise((resolve) => setTimeout(resolve, 200));

  const received = next(performer, "order_message", { where: (m) => m.content === "Коли ви будете?" });
  // every socket of the receiver, the one in the chat too (DIALECTS.md §0.3, §5.2)
  const notifiedInChat = next(performer, "notification", { where: (n) => n.relatedId === order.externalId });
  client.emit("order_message", { orderId: order.externalId, content: "Коли ви будете?", attachments: [] });
  const message = await received;
  assert.equal((await notifiedInChat).userId, performerId);
  assert.equal(message.orderId, order.externalId);
  assert.equal(message.senderId, clientId);

  const typing = next(client, "order_typing");
  performer.emit("order_typing", { orderId: order.externalId, isTyping: true });
  const event = await typing;
  assert.equal(event.userId, performerId);
  assert.equal(event.isTyping, true);

  const status = next(client, "order_status_update");
  await rest("PATCH", `/api/orders/${order.externalId}/status`, token(unique("mod"), "moderator"), { status: "processing" });
  assert.equal((await status).status, "processing");
});

test("a performer of another order is refused", async () => {
  const { order } = await orderBetween(unique("client"), unique("performer"));
  const outsider = await connect(token(unique("performer"), "performer"));
  const refused = next(outsider, "error");
  outsider.emit("join_order_chat", { orderId: order.externalId });
  assert.equal((await refused).code, "FORBIDDEN");
  const sendRefused = next(outsider, "error");
  outsider.emit("order_message", { orderId: order.externalId, content: "hi" });
  assert.equal((await sendRefused).code, "FORBIDDEN");
});

// The rest is written from DIALECTS.md §5, the way the marketplace's websocketService and useWebSocket call it.

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

test("join_order_chat is confirmed; order_message names its receiver and notifies them; bad input is refused", async () => {
  const clientId = unique("client");
  const performerId = unique("performer");
  const { order } = await orderBetween(clientId, performerId);
  const client = await connect(token(clientId, "client"), { transports: ["websocket", "polling"] });
  const performer = await connect(token(performerId, "performer"));
  const performerElsewhere = await connect(token(performerId, "performer"));
  // a socket hears its user's events in the first vocabulary it speaks
  performerElsewhere.emit("leave_order_chat", { orderId: order.externalId });

  const confirmed = next(client, "joined_order_chat");
  client.emit("join_order_chat", { orderId: order.externalId });
  assert.equal((await confirmed).orderId, order.externalId);
  const performerJoined = next(performer, "joined_order_chat");
  performer.emit("join_order_chat", { orderId: order.externalId });
  await performerJoined;
  for (const bad of [{}, { orderId: "no-such-order" }]) {
    const refused = next(client, "error");
    client.emit("join_order_chat", bad);
    assert.ok((await refused).message);
  }

  const received = next(performer, "order_message", { where: (m) => m.content === "When will you arrive?" });
  const notified = next(performerElsewhere, "notification");
  client.emit("order_message", { orderId: order.externalId, content: "When will you arrive?" });
  const message = await received;
  assert.equal(message.orderId, order.externalId);
  assert.ok(message.messageId);
  assert.equal(message.senderId, clientId);
  assert.equal(message.receiverId, performerId);
  assert.deepEqual(message.attachments, []);
  assert.ok(message.createdAt);
  const notification = await notified;
  assert.equal(notification.userId, performerId);
  assert.equal(notification.type, "order_message");
  assert.equal(notification.relatedId, order.externalId);
  assert.ok(notification.id && notification.content && notification.createdAt);

  const answer = next(client, "order_message", { where: (m) => m.content === "In ten minutes" });
  performer.emit("order_message", { orderId: order.externalId, content: "In ten minutes" });
  assert.equal((await answer).receiverId, clientId);

  for (const bad of [
    { orderId: order.externalId, content: "" },
    { orderId: order.externalId },
    { orderId: order.externalId, content: "x", attachments: "photo.png" },
    { orderId: order.externalId, content: "x", attachments: [{ fileName: "no url" }] },
    { orderId: order.externalId, content: "x", attachments: [{ fileUrl: "ftp://example.com/a" }] },
  ]) {
    const refused = next(client, "error");
    client.emit("order_message", bad);
    assert.ok((await refused).message, JSON.stringify(bad));
  }
  assert.deepEqual(await collect(performer, "order_message", 300), [], "a refused message is not delivered");
});

test("typing and mark_messages_read need a joined socket; readers and typists are told to the others", async () => {
  const clientId = unique("client");
  const performerId = unique("performer");
  const { order } = await orderBetween(clientId, performerId);
  const client = await connect(token(clientId, "client"));
  const performer = await connect(token(performerId, "performer"));

  for (const [event, payload] of [["order_typing", { orderId: order.externalId, isTyping: true }], ["mark_messages_read", { orderId: order.externalId }]]) {
    const refused = next(client, "error");
    client.emit(event, payload);
    assert.ok((await refused).message, event);
  }
  const joined = Promise.all([next(client, "joined_order_chat"), next(performer, "joined_order_chat")]);
  client.emit("join_order_chat", { orderId: order.externalId });
  performer.emit("join_order_chat", { orderId: order.externalId });
  await joined;

  const typing = next(performer, "order_typing");
  client.emit("order_typing", { orderId: order.externalId, isTyping: true });
  assert.deepEqual({ ...(await typing), name: undefined }, { orderId: order.externalId, userId: clientId, isTyping: true, name: undefined });
  const stopped = next(performer, "order_typing", { where: (t) => !t.isTyping });
  client.emit("order_typing", { orderId: order.externalId, isTyping: false });
  await stopped;

  const arrived = next(client, "order_message");
  performer.emit("order_message", { orderId: order.externalId, content: "read me" });
  await arrived;
  const read = next(performer, "messages_read");
  client.emit("mark_messages_read", { orderId: order.externalId });
  const receipt = await read;
  assert.equal(receipt.orderId, order.externalId);
  assert.equal(receipt.readBy, clientId);
  assert.ok(receipt.readAt);

  const status = next(client, "order_status_update");
  const moderatorId = unique("mod");
  const changed = await rest("POST", `/api/orders/${order.externalId}/accept`, token(moderatorId, "moderator"));
  assert.equal(changed.status, 200, JSON.stringify(changed.body));
  const update = await status;
  assert.equal(update.orderId, order.externalId);
  assert.equal(update.status, "processing");
  assert.equal(update.updatedBy, moderatorId);
  assert.ok(update.updatedAt);

  // the host's own status name, and the user it names, exactly as the host sent them (§0.7)
  const hostStatus = next(client, "order_status_update", { where: (u) => u.status === "in_progress" });
  const host = token(unique("service"), "admin");
  const named = await rest("PATCH", `/api/orders/${order.externalId}/status`, host, { status: "in_progress", updatedBy: performerId });
  assert.equal(named.status, 200, JSON.stringify(named.body));
  assert.equal((await hostStatus).updatedBy, performerId);

  const offline = next(client, "user_presence", { where: (p) => p.userId === performerId && !p.isOnline });
  performer.close();
  assert.ok((await offline).lastSeen);
});

test("moderators: order chats only while assigned, every dispute chat; dispute events carry their order", async () => {
  const clientId = unique("client");
  const performerId = unique("performer");
  const { order } = await orderBetween(clientId, performerId);
  const assignedId = unique("mod");
  const assigned = await connect(token(assignedId, "moderator"));
  const other = await connect(token(unique("mod"), "moderator"));
  const outsider = await connect(token(unique("performer"), "performer"));

  const notYet = next(assigned, "error");
  assigned.emit("join_order_chat", { orderId: order.externalId });
  assert.equal((await notYet).code, "FORBIDDEN");
  assert.equal((await rest("POST", `/api/orders/${order.externalId}/accept`, token(assignedId, "moderator"))).status, 200);
  const confirmed = next(assigned, "joined_order_chat");
  assigned.emit("join_order_chat", { orderId: order.externalId });
  await confirmed;
  const refused = next(other, "error");
  other.emit("join_order_chat", { orderId: order.externalId });
  assert.equal((await refused).code, "FORBIDDEN");

  const opened = await rest("POST", `/api/orders/${order.externalId}/disputes`, token(clientId, "client"), { reason: "late" });
  assert.equal(opened.status, 201, JSON.stringify(opened.body));
  const disputeId = opened.body.data.id;
  const client = await connect(token(clientId, "client"));
  const joined = next(other, "joined_dispute_chat");
  other.emit("join_dispute_chat", { disputeId });
  const confirmation = await joined;
  assert.equal(confirmation.disputeId, disputeId);
  const clientJoined = next(client, "joined_dispute_chat");
  client.emit("join_dispute_chat", { disputeId });
  await clientJoined;
  for (const bad of [{}, { disputeId: "no-such-dispute" }]) {
    const missing = next(other, "error");
    other.emit("join_dispute_chat", bad);
    assert.ok((await missing).message);
  }
  const strangerRefused = next(outsider, "error");
  outsider.emit("join_dispute_chat", { disputeId });
  assert.equal((await strangerRefused).code, "FORBIDDEN");

  const said = next(client, "dispute_message", { where: (m) => m.content === "We are looking into it" });
  other.emit("dispute_message", { disputeId, content: "We are looking into it" });
  const message = await said;
  assert.equal(message.disputeId, disputeId);
  assert.equal(message.orderId, order.externalId);
  assert.ok(message.messageId && message.createdAt);
  assert.deepEqual(message.attachments, []);
  const empty = next(other, "error");
  other.emit("dispute_message", { disputeId, content: "   " });
  assert.ok((await empty).message);
  const outsiderSend = next(outsider, "error");
  outsider.emit("dispute_message", { disputeId, content: "me too" });
  assert.equal((await outsiderSend).code, "FORBIDDEN");

  const typing = next(client, "dispute_typing");
  other.emit("dispute_typing", { disputeId, isTyping: true });
  const typist = await typing;
  assert.equal(typist.disputeId, disputeId);
  assert.equal(typist.isTyping, true);

  const status = next(client, "dispute_status_update");
  const moderatorId = unique("mod");
  const changed = await rest("PATCH", `/api/disputes/${disputeId}/status`, token(moderatorId, "moderator"), { status: "under_review" });
  assert.equal(changed.status, 200, JSON.stringify(changed.body));
  const update = await status;
  assert.equal(update.disputeId, disputeId);
  assert.equal(update.orderId, order.externalId);
  assert.equal(update.status, "under_review", "the host's own name (§0.7)");
  assert.equal(update.updatedBy, moderatorId);
  assert.ok(update.updatedAt);
});

test("once the token has expired every event is refused", async () => {
  const clientId = unique("client");
  const { order } = await orderBetween(clientId, unique("performer"));
  const client = await connect(token(clientId, "client", { ttlSeconds: 2 }));
  // OrderChat may refuse each event with `error` or close the socket at expiry (DIALECTS.md §5)
  const outcome = new Promise((resolve) => {
    client.once("error", (error) => resolve({ error }));
    client.once("disconnect", () => resolve({ disconnected: true }));
  });
  await pause(2500);
  if (client.connected) client.emit("order_message", { orderId: order.externalId, content: "too late" });
  const answered = await outcome;
  assert.ok(answered.disconnected || answered.error.message, JSON.stringify(answered));
  await pause(200);
  const history = await rest("GET", `/api/v0/chat/messages/${order.externalId}`, token(clientId, "client"));
  assert.equal(history.status, 200);
  assert.ok(!JSON.stringify(history.body).includes("too late"), "nothing was stored");
});

test("the host's status names stay: later joins and the host API's answers show what the host named (§0.7)", async () => {
  const clientId = unique("client");
  const performerId = unique("performer");
  const { order } = await orderBetween(clientId, performerId);
  const host = token(unique("service"), "admin");
  const named = await rest("PATCH", `/api/orders/${order.externalId}/status`, host, { status: "in_progress", updatedBy: performerId });
  assert.equal(named.status, 200, JSON.stringify(named.body));
  assert.equal(named.body.data.status, "processing", "OrderChat's lifecycle");
  assert.equal(named.body.data.statusName, "in_progress", "the host's name beside it");
  const read = await rest("GET", `/api/orders/${order.externalId}`, host);
  assert.equal(read.body.data.statusName, "in_progress", "stored, not only sent on the event");

  const client = await connect(token(clientId, "client"));
  const joined = next(client, "joined_order_chat");
  client.emit("join_order_chat", { orderId: order.externalId });
  const confirmation = await joined;
  assert.equal(confirmation.orderId, order.externalId);
  assert.equal(confirmation.status, "in_progress");

  const opened = await rest("POST", `/api/orders/${order.externalId}/disputes`, token(clientId, "client"), { reason: "late" });
  assert.equal(opened.status, 201, JSON.stringify(opened.body));
  const disputeId = opened.body.data.id;
  const reviewing = await rest("PATCH", `/api/disputes/${disputeId}/status`, host, { status: "under_review", updatedBy: unique("mod") });
  assert.equal(reviewing.status, 200, JSON.stringify(reviewing.body));
  assert.equal(reviewing.body.data.status, "in_review");
  assert.equal(reviewing.body.data.statusName, "under_review");
  assert.equal((await rest("GET", `/api/disputes/${disputeId}`, host)).body.data.statusName, "under_review");
  const disputeJoined = next(client, "joined_dispute_chat");
  client.emit("join_dispute_chat", { disputeId });
  const dispute = await disputeJoined;
  assert.equal(dispute.status, "under_review", "a later join shows the host's name, not in_review");
  assert.equal(dispute.orderId, order.externalId, "the order by the id the app knows it by");
  const said = next(client, "dispute_message", { where: (m) => m.content === "Looking into it" });
  const notified = next(client, "notification", { where: (n) => n.type === "dispute_message" });
  const moderator = await connect(token(unique("mod"), "moderator"));
  moderator.emit("dispute_message", { disputeId, content: "Looking into it" });
  assert.equal((await said).orderId, order.externalId);
  const notification = await notified;
  assert.equal(notification.relatedId, disputeId, "the dispute's other parties are notified (§5.2 SHOULD)");
  assert.match(notification.content, /Looking into it/);
});

test("user_presence reaches every counterparty and admin wherever their sockets are, not strangers (§5.2)", async () => {
  const clientId = unique("client");
  const performerId = unique("performer");
  await orderBetween(clientId, performerId);
  // sockets that joined no chat: one bound to seed 004 by a harmless leave, one not bound yet (an admin)
  const client = await connect(token(clientId, "client"));
  client.emit("leave_order_chat", { orderId: unique("none") });
  const admin = await connect(token(unique("admin"), "admin"));
  const stranger = await connect(token(unique("performer"), "performer"));
  stranger.emit("leave_order_chat", { orderId: unique("none") });
  await pause(200);

  const clientHears = next(client, "user_presence", { where: (e) => e.userId === performerId && e.isOnline });
  const adminHears = next(admin, "user_presence", { where: (e) => e.userId === performerId && e.isOnline });
  const strangerHears = collect(stranger, "user_presence", 1500);
  const performer = await connect(token(performerId, "performer"));
  assert.equal((await clientHears).isOnline, true);
  await adminHears;
  assert.deepEqual((await strangerHears).filter((e) => e.userId === performerId), [], "no order shared, no presence");

  const gone = next(client, "user_presence", { where: (e) => e.userId === performerId && !e.isOnline });
  performer.close();
  assert.ok((await gone).lastSeen);
});
