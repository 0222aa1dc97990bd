// Seed 002 (dispatcher), driven as its clients call OrderChat (DIALECTS.md §3): bare order ids on
// the socket, messages over REST in the app's envelopes, the MessageDTO with user: {id}, the
// host's own status names in order-updated.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { token, unique, rest, connect, closeAll, next, collect, call, orderBetween } from "../support.mjs";

after(closeAll);

/** The next matching event; patient, because a loaded CI machine is slow to deliver. */
const wait = (socket, event, options = {}) => next(socket, event, { ms: 8000, ...options });


/** An order the host registered under its own id, which its clients use. */
async function hostOrder() {
  const userId = unique("user");
  const driverId = unique("driver");
  const { order } = await orderBetween(userId, driverId);
  return { userId, driverId, orderId: order.externalId, order };
}

test("a message sent over REST reaches the room as the app's DTO; typing and read receipts flow", async () => {
  const { userId, driverId, orderId } = await hostOrder();
  const userToken = token(userId, "customer", { name: "Uma" });
  const driverToken = token(driverId, "driver", { name: "Dan" });
  const user = await connect(userToken);
  const driver = await connect(driverToken);
  // The app's clients pass no acknowledgement; the test asks for one only to know the join landed.
  await call(user, "join-order-room", orderId);
  const joined = wait(user, "user-joined-order", { where: (e) => e.userId === driverId });
  driver.emit("join-order-room", orderId);
  const joinedEvent = await joined;
  assert.equal(joinedEvent.orderId, orderId);
  assert.ok(joinedEvent.timestamp);

  const pushed = wait(driver, "new-message", { where: (e) => e.message.message === "Hello, how is my order?" });
  const sent = await rest("POST", "/api/chat/messages", userToken,
    { orderId, message: "Hello, how is my order?", messageType: "text", senderType: "user" });
  assert.equal(sent.status, 201, JSON.stringify(sent.body));
  assert.equal(sent.body.status, 201);
  assert.equal(sent.body.success, true);
  const dto = sent.body.data;
  assert.equal(dto.user.id, userId);
  assert.equal(dto.user.email, null);
  assert.equal(dto.orderId, orderId);
  assert.equal(dto.messageType, "text");
  assert.equal(dto.senderType, "user");
  assert.equal(dto.isRead, false);
  assert.ok(dto.id && dto.createdAt && dto.updatedAt);
  const event = await pushed;
  assert.equal(event.orderId, orderId);
  assert.equal(event.message.user.id, userId);
  assert.equal(event.message.id, dto.id);
  assert.ok(event.timestamp);

  const typing = wait(user, "user-typing", { where: (e) => e.isTyping });
  driver.emit("typing-start", orderId);
  const typingEvent = await typing;
  assert.equal(typingEvent.userId, driverId);
  assert.equal(typingEvent.orderId, orderId);
  const stopped = wait(user, "user-typing", { where: (e) => !e.isTyping });
  driver.emit("typing-stop", orderId);
  await stopped;

  assert.deepEqual((await rest("GET", `/api/chat/orders/${orderId}/unread-count`, driverToken)).body.data, { count: 1 });
  const read = wait(user, "message-read", { where: (e) => e.userId === driverId });
  driver.emit("mark-read", orderId);
  const readEvent = await read;
  assert.equal(readEvent.orderId, orderId);
  assert.ok(readEvent.timestamp);
  const unread = await rest("GET", `/api/chat/orders/${orderId}/unread-count`, driverToken);
  assert.equal(unread.status, 200);
  assert.deepEqual(unread.body.data, { count: 0 }, "mark-read persists");
  const again = wait(user, "message-read", { where: (e) => e.userId === driverId });
  driver.emit("mark-read", orderId);
  assert.equal((await again).orderId, orderId, "every mark-read is answered, also with nothing new to read");

  const deleted = await rest("DELETE", `/api/chat/messages/${dto.id}`, driverToken);
  assert.equal(deleted.status, 403);
  assert.equal(deleted.body.success, false);
  const own = await rest("DELETE", `/api/chat/messages/${dto.id}`, userToken);
  assert.equal(own.status, 200);
  assert.equal(own.body.data, null);

  const left = wait(user, "user-left-order", { where: (e) => e.userId === driverId });
  driver.emit("leave-order-room", orderId);
  assert.equal((await left).orderId, orderId);
});

test("REST reads: paged history with meta, the orders list, unread counts without system messages", async () => {
  const { userId, driverId, orderId, order } = await hostOrder();
  const userToken = token(userId, "customer");
  const driverToken = token(driverId, "driver");
  for (const text of ["one", "two", "three"]) {
    assert.equal((await rest("POST", "/api/chat/messages", driverToken, { orderId, message: text })).status, 201);
  }
  const changed = await rest("PATCH", `/api/orders/${order.id}/status`, token(unique("host"), "admin"), { status: "in_transit" });
  assert.equal(changed.status, 200, JSON.stringify(changed.body));

  const page = await rest("GET", `/api/chat/orders/${orderId}/messages?page=1&limit=2`, userToken);
  assert.equal(page.status, 200);
  assert.equal(page.body.success, true);
  assert.ok(Array.isArray(page.body.data));
  assert.equal(page.body.data.length, 2);
  assert.equal(page.body.meta.currentPage, 1);
  assert.equal(page.body.meta.itemsPerPage, 2);
  assert.ok(page.body.meta.totalItems >= 4);
  assert.equal(page.body.data.at(-1).messageType, "system", "the status change's notice is the newest");
  assert.equal(page.body.data.at(-1).senderType, "system");
  const all = await rest("GET", `/api/chat/orders/${orderId}/messages`, userToken);
  const texts = all.body.data.filter((m) => m.messageType === "text").map((m) => m.message);
  assert.deepEqual(texts, ["one", "two", "three"]);

  const unread = await rest("GET", `/api/chat/orders/${orderId}/unread-count`, userToken);
  assert.deepEqual(unread.body.data, { count: 3 }, "system messages never count; reading history changes nothing");

  const chats = await rest("GET", "/api/chat/orders?page=1&limit=10", userToken);
  assert.equal(chats.status, 200);
  assert.equal(chats.body.success, true);
  const list = chats.body.data.orderChats;
  assert.equal(list.length, 1);
  assert.equal(list[0].order._id, orderId, "the order by the id the app knows it by");
  assert.equal(list[0].order.status, "in_transit", "the host's status name, stored (§0.7)");
  // another of the host's names for the same lifecycle status is stored too
  const renamed = await rest("PATCH", `/api/orders/${orderId}/status`, token(unique("host"), "admin"), { status: "picked_up" });
  assert.equal(renamed.status, 200, JSON.stringify(renamed.body));
  const again = await rest("GET", "/api/chat/orders?page=1&limit=10", userToken);
  assert.equal(again.body.data.orderChats[0].order.status, "picked_up");
  assert.equal(list[0].unreadCount, 3);
  assert.ok(list[0].chat);
  assert.ok(list[0].lastMessage);
  assert.equal(chats.body.data.total, 1);
  assert.equal(chats.body.data.hasMore, false);

  const marked = await rest("PATCH", `/api/chat/orders/${orderId}/read`, userToken);
  assert.equal(marked.status, 200);
  assert.equal(marked.body.data, null);
  assert.deepEqual((await rest("GET", `/api/chat/orders/${orderId}/unread-count`, userToken)).body.data, { count: 0 });

  const missing = await rest("POST", "/api/chat/messages", userToken, { orderId });
  assert.equal(missing.status, 400);
  assert.equal(missing.body.status, 400);
  assert.equal(missing.body.success, false);
  assert.deepEqual(missing.body.data, {});
  assert.ok(missing.body.message.length > 0);
});

test("order-updated carries the host's status name; notifications reach the other party", async () => {
  const { userId, driverId, orderId, order } = await hostOrder();
  const user = await connect(token(userId, "customer"));
  await call(user, "join-order-room", orderId);
  const driver = await connect(token(driverId, "driver"));
  await call(driver, "leave-order-room", orderId); // speaks the dispatcher's vocabulary, joins nothing

  const notified = wait(driver, "notification");
  await rest("POST", "/api/chat/messages", token(userId, "customer", { name: "Uma" }), { orderId, message: "ping" });
  const notification = await notified;
  assert.equal(notification.type, "new-message");
  // every socket of the receiver, the one in the order's room too (DIALECTS.md §0.3)
  await call(driver, "join-order-room", orderId);
  const notifiedInRoom = wait(driver, "notification");
  await rest("POST", "/api/chat/messages", token(userId, "customer", { name: "Uma" }), { orderId, message: "pong" });
  assert.equal((await notifiedInRoom).message, "pong");
  assert.equal(notification.title, "New message from Uma");
  assert.equal(notification.message, "ping");
  assert.deepEqual(notification.metadata, { orderId });
  assert.ok(notification.id && notification.createdAt);

  const updated = wait(user, "order-updated");
  const host = token(unique("host"), "admin");
  const changed = await rest("PATCH", `/api/orders/${order.id}/status`, host, { status: "in_transit", updatedBy: driverId });
  assert.equal(changed.status, 200, JSON.stringify(changed.body));
  assert.equal(changed.body.data.status, "processing");
  assert.equal(changed.body.data.statusName, "in_transit", "the host API answers with the host's name too");
  const update = await updated;
  assert.equal(update.orderId, orderId);
  assert.equal(update.update.status, "in_transit");
  assert.equal(update.update.updatedBy, driverId);
  assert.ok(update.timestamp);

  const unknown = await rest("PATCH", `/api/orders/${order.id}/status`, host, { status: "teleported" });
  assert.equal(unknown.status, 400);
  assert.match(unknown.body.message, /in_transit/);
});

test("an outsider and a moderator are refused with error {message}, on the socket and REST", async () => {
  const { userId, orderId } = await hostOrder();
  for (const [who, role] of [[unique("stranger"), "customer"], [unique("mod"), "moderator"]]) {
    const socket = await connect(token(who, role));
    const refused = wait(socket, "error");
    socket.emit("join-order-room", orderId);
    assert.ok((await refused).message.length > 0);
    const markRefused = wait(socket, "error");
    socket.emit("mark-read", orderId);
    assert.ok((await markRefused).message.length > 0);
    assert.equal(socket.connected, true);

    const sent = await rest("POST", "/api/chat/messages", token(who, role), { orderId, message: "let me in" });
    assert.equal(sent.status, 403);
    assert.equal(sent.body.success, false);
    assert.deepEqual(sent.body.data, {});
    const history = await rest("GET", `/api/chat/orders/${orderId}/messages`, token(who, role));
    assert.equal(history.status, 403);
  }
  const user = await connect(token(userId, "customer"));
  const silent = collect(user, "message-read", 500);
  const notJoined = wait(user, "error");
  user.emit("mark-read", orderId);
  assert.ok((await notJoined).message.length > 0, "mark-read needs a joined socket");
  assert.deepEqual(await silent, []);
  assert.equal((await rest("GET", "/api/chat/orders", null)).status, 401);
});
