// Seed 001 (Busy2Shop), driven as the app's own src/public/js/chat.js and its REST client call
// OrderChat (DIALECTS.md §2): bare order ids, message.sender.id, data.user.id, the
// {status: "success", message, data} envelope, per-user unread {count}.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { token, unique, rest, connect, closeAll, next, collect, orderBetween } from "../support.mjs";

after(closeAll);

/** The next matching event; patient, because a loaded CI machine is slow to deliver. */
const wait = (socket, event, options = {}) => next(socket, event, { ms: 8000, ...options });


/** An order the host registered under its own id, which its clients use. */
async function hostOrder() {
  const customerId = unique("cust");
  const agentId = unique("agent");
  const { order } = await orderBetween(customerId, agentId);
  return { customerId, agentId, orderId: order.externalId, order };
}

test("chat.js's flow: history, messages with sender.id, typing with user.id, joins and leaves", async () => {
  const { customerId, agentId, orderId } = await hostOrder();
  const customer = await connect(token(customerId, "user", { name: "Cora" }));
  const agent = await connect(token(agentId, "agent", { name: "Andy" }));

  const history = wait(customer, "previous-messages");
  customer.emit("join-order-chat", orderId);
  // The chat has the server's "Order created" notice; Busy2Shop's chat shows users' messages only.
  assert.deepEqual(await history, []);

  const joined = wait(customer, "user-joined", { where: (e) => e.userId === agentId });
  const agentHistory = wait(agent, "previous-messages");
  const selfJoined = collect(agent, "user-joined", 500);
  agent.emit("join-order-chat", orderId);
  await agentHistory;
  const joinedEvent = await joined;
  assert.equal(joinedEvent.name, "Andy");
  assert.equal(joinedEvent.orderId, orderId);
  assert.ok(joinedEvent.timestamp);
  assert.deepEqual((await selfJoined).filter((e) => e.userId === agentId), [], "user-joined goes to the others only");

  const received = wait(agent, "new-message", { where: (m) => m.message === "Is the milk fresh?" });
  const echoed = wait(customer, "new-message", { where: (m) => m.message === "Is the milk fresh?" });
  customer.emit("send-message", { orderId, message: "Is the milk fresh?" });
  const message = await received;
  assert.equal(message.sender.id, customerId);
  assert.equal(message.sender.name, "Cora");
  assert.equal(message.sender.type, "customer");
  assert.equal(message.orderId, orderId);
  assert.equal(typeof message.id, "string");
  assert.ok(!Number.isNaN(new Date(message.createdAt).getTime()));
  assert.equal((await echoed).sender.id, customerId);

  const typing = wait(customer, "user-typing");
  agent.emit("typing", { orderId, isTyping: true });
  const typingEvent = await typing;
  assert.equal(typingEvent.user.id, agentId);
  assert.equal(typingEvent.user.name, "Andy");
  assert.equal(typingEvent.isTyping, true);
  assert.equal(typingEvent.orderId, orderId);

  const rejoin = wait(agent, "previous-messages");
  agent.emit("join-order-chat", { orderId });
  const again = await rejoin;
  assert.deepEqual(again.map((m) => [m.message, m.sender.id]), [["Is the milk fresh?", customerId]]);

  const left = wait(customer, "user-left", { where: (e) => e.userId === agentId });
  agent.emit("leave-order-chat", orderId);
  assert.equal((await left).name, "Andy");
});

test("REST: envelope, history oldest first that marks read, per-user unread counts of chat messages", async () => {
  const { customerId, agentId, orderId, order } = await hostOrder();
  const customerToken = token(customerId, "customer");
  const agentToken = token(agentId, "performer");
  const agent = await connect(agentToken);
  const sent = wait(agent, "new-message", { where: (m) => m.message === "second" });
  agent.emit("join-order-chat", orderId);
  agent.emit("send-message", { orderId, message: "first" });
  agent.emit("send-message", { orderId, message: "second" });
  await sent;
  // a status change posts a system message, which never counts and is never shown
  const changed = await rest("PATCH", `/api/orders/${order.id}/status`, token(unique("host"), "admin"), { status: "in_progress" });
  assert.equal(changed.status, 200, JSON.stringify(changed.body));

  const unread = await rest("GET", `/api/v0/chat/unread?orderId=${orderId}`, customerToken);
  assert.equal(unread.status, 200);
  assert.equal(unread.body.status, "success");
  assert.deepEqual(unread.body.data, { count: 2 });
  assert.deepEqual((await rest("GET", "/api/v0/chat/unread", customerToken)).body.data, { count: 2 });
  assert.deepEqual((await rest("GET", `/api/v0/chat/unread?orderId=${orderId}`, agentToken)).body.data, { count: 0 },
    "one's own messages never count");

  const history = await rest("GET", `/api/v0/chat/messages/${orderId}`, customerToken);
  assert.equal(history.status, 200);
  assert.equal(history.body.status, "success");
  assert.equal(typeof history.body.message, "string");
  assert.deepEqual(history.body.data.messages.map((m) => [m.message, m.sender.id, m.isRead]),
    [["first", agentId, false], ["second", agentId, false]]);
  assert.deepEqual((await rest("GET", `/api/v0/chat/unread?orderId=${orderId}`, customerToken)).body.data, { count: 0 },
    "reading the history marks it read");

  const third = wait(agent, "new-message", { where: (m) => m.message === "third" });
  agent.emit("send-message", { orderId, message: "third" });
  await third;
  assert.deepEqual((await rest("GET", `/api/v0/chat/unread?orderId=${orderId}`, customerToken)).body.data, { count: 1 });
  const read = await rest("POST", `/api/v0/chat/read/${orderId}`, customerToken);
  assert.equal(read.status, 200);
  assert.equal(read.body.status, "success");
  assert.equal(typeof read.body.message, "string");
  assert.deepEqual((await rest("GET", `/api/v0/chat/unread?orderId=${orderId}`, customerToken)).body.data, { count: 0 });
});

test("an outsider and a moderator are refused with error {message}; the connection stays open", async () => {
  const { customerId, orderId } = await hostOrder();
  for (const [who, role] of [[unique("stranger"), "customer"], [unique("mod"), "moderator"]]) {
    const socket = await connect(token(who, role));
    const silent = collect(socket, "previous-messages", 600);
    const error = wait(socket, "error");
    socket.emit("join-order-chat", orderId);
    const refusal = await error;
    assert.equal(typeof refusal.message, "string");
    assert.ok(refusal.message.length > 0);
    assert.deepEqual(await silent, []);
    const sendRefused = wait(socket, "error");
    socket.emit("send-message", { orderId, message: "let me in" });
    assert.ok((await sendRefused).message.length > 0);
    assert.equal(socket.connected, true);

    const answer = await rest("GET", `/api/v0/chat/messages/${orderId}`, token(who, role));
    assert.equal(answer.status, 403);
    assert.equal(answer.body.status, "error");
    assert.equal(answer.body.error, true);
    assert.ok(answer.body.message.length > 0);
  }
  const customer = await connect(token(customerId, "customer"));
  const typingRefused = wait(customer, "error");
  customer.emit("typing", { orderId, isTyping: true });
  assert.ok((await typingRefused).message.length > 0, "typing needs a joined socket");

  const unknown = await rest("GET", "/api/v0/chat/messages/no-such-order", token(customerId, "customer"));
  assert.equal(unknown.status, 404);
  assert.equal(unknown.body.status, "error");
  const anonymous = await rest("GET", `/api/v0/chat/unread`, null);
  assert.equal(anonymous.status, 401);
  assert.equal(anonymous.body.status, "error");
  assert.equal(anonymous.body.error, true);
});
