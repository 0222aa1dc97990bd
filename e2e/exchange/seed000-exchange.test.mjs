// Seed 000 (currency exchange, moderated order chat): the exchange app's own client calls,
// written from DIALECTS.md §0 and §1.1–1.3 — REST /api/orders, then socket.io-client with the
// seed's event names and payloads, including someone who must be refused for every command.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { URL, token, unique, rest, connect, closeAll, next, collect, call } from "../support.mjs";

after(closeAll);

const person = (role, name) => {
  const id = unique(role);
  return { id, name, role, token: token(id, role, { name }) };
};

/** Makes the server know a user (a transfer's target must have called it once). */
const introduce = (who) => rest("GET", "/api/orders/my-orders", who.token);

// A real 1×1 PNG.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

const quiet = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms));

/** The seed's error event: `{ message }`, a non-empty string. */
async function refused(socket, event, payload) {
  const error = next(socket, "error");
  socket.emit(event, payload);
  const answer = await error;
  assert.equal(typeof answer.message, "string");
  assert.ok(answer.message.length > 0, JSON.stringify(answer));
  return answer;
}

async function placeOrder(customer, body = { exchangeMethod: "usd-eur", amount: 100, notes: "e2e" }) {
  const placed = await rest("POST", "/api/orders", customer.token, body);
  assert.equal(placed.status, 201, JSON.stringify(placed.body));
  return { orderId: placed.body.data.order._id, roomId: placed.body.data.chatRoomId, order: placed.body.data.order };
}

/** The customer's joined socket, the chat:userJoined confirmation awaited. */
async function joined(who, order) {
  const socket = await connect(who.token);
  const confirmed = next(socket, "chat:userJoined", { where: (e) => e.userId === who.id });
  socket.emit("chat:join", { roomId: order.roomId, orderId: order.orderId });
  await confirmed;
  return socket;
}

/** A moderator's socket that accepted the order (and so is in its room). */
async function accepted(moderator, order) {
  const socket = await connect(moderator.token);
  const joinedEvent = next(socket, "moderator:joined", { where: (e) => e.roomId === order.roomId });
  socket.emit("moderator:accept", { roomId: order.roomId });
  await joinedEvent;
  return socket;
}

// --- §1.1 REST

test("REST: placing an order answers 201 { success, data: { order, chatRoomId } } with the order's fields", async () => {
  const customer = person("customer", "Carla");
  const placed = await rest("POST", "/api/orders", customer.token, { exchangeMethod: "cash", amount: 250.5, notes: "by noon" });
  assert.equal(placed.status, 201, JSON.stringify(placed.body));
  assert.equal(placed.body.success, true);
  const { order, chatRoomId } = placed.body.data;
  assert.ok(typeof chatRoomId === "string" && chatRoomId.length > 0);
  assert.ok(typeof order._id === "string" && order._id.length > 0);
  assert.equal(order.user, customer.id);
  assert.equal(order.exchangeMethod, "cash");
  assert.equal(order.amount, 250.5);
  assert.equal(order.notes, "by noon");
  assert.equal(order.status, "pending");
  assert.equal(order.moderator, null);
  assert.equal(order.chatRoomId, chatRoomId);
  assert.ok(!Number.isNaN(Date.parse(order.createdAt)) && !Number.isNaN(Date.parse(order.updatedAt)));

  for (const body of [{ amount: 10 }, { exchangeMethod: "cash" }, { exchangeMethod: "cash", amount: 0 }, { exchangeMethod: "cash", amount: -1 }]) {
    const bad = await rest("POST", "/api/orders", customer.token, body);
    assert.equal(bad.status, 400, JSON.stringify(body));
    assert.equal(bad.body.success, false);
    assert.ok(bad.body.message.length > 0);
  }
  const anonymous = await rest("POST", "/api/orders", null, { exchangeMethod: "cash", amount: 1 });
  assert.equal(anonymous.status, 401);
  assert.equal(anonymous.body.success, false);
  assert.ok(anonymous.body.message.length > 0);
});

test("REST: my orders newest first and by status; an unknown status is 400; all orders for moderators only", async () => {
  const customer = person("customer", "Carla");
  const first = await placeOrder(customer);
  const second = await placeOrder(customer);

  const mine = await rest("GET", "/api/orders/my-orders", customer.token);
  assert.equal(mine.status, 200);
  assert.equal(mine.body.success, true);
  assert.deepEqual(mine.body.data.map((o) => o._id), [second.orderId, first.orderId]);
  const pending = await rest("GET", "/api/orders/my-orders/pending", customer.token);
  assert.deepEqual(pending.body.data.map((o) => o._id), [second.orderId, first.orderId]);
  const completed = await rest("GET", "/api/orders/my-orders/completed", customer.token);
  assert.deepEqual(completed.body.data, []);
  const unknown = await rest("GET", "/api/orders/my-orders/shipped", customer.token);
  assert.equal(unknown.status, 400);
  assert.equal(unknown.body.success, false);
  assert.ok(unknown.body.message.length > 0);

  const notStaff = await rest("GET", "/api/orders/all", customer.token);
  assert.equal(notStaff.status, 403);
  assert.equal(notStaff.body.success, false);
  assert.ok(notStaff.body.message.length > 0);
  const all = await rest("GET", "/api/orders/all", person("moderator", "Mo").token);
  assert.equal(all.status, 200);
  assert.ok(all.body.data.some((o) => o._id === first.orderId));
});

// --- §1.2/1.3 chat:join

test("chat:join: the joiner gets chat:userJoined as its confirmation, and the room hears of later joiners", async () => {
  const customer = person("customer", "Carla");
  const order = await placeOrder(customer);
  const socket = await connect(customer.token);
  const confirmation = next(socket, "chat:userJoined");
  socket.emit("chat:join", { roomId: order.roomId, orderId: order.orderId });
  assert.deepEqual(await confirmation, { roomId: order.roomId, orderId: order.orderId, userId: customer.id, name: "Carla", role: "customer" });

  const admin = person("admin", "Ada");
  const adminSocket = await connect(admin.token);
  const heard = next(socket, "chat:userJoined", { where: (e) => e.userId === admin.id });
  const own = next(adminSocket, "chat:userJoined", { where: (e) => e.userId === admin.id });
  adminSocket.emit("chat:join", { roomId: order.roomId });
  assert.equal((await heard).name, "Ada");
  assert.equal((await own).role, "admin");
});

test("chat:join refuses a missing roomId, an unknown room, a mismatching orderId, a stranger and a moderator not assigned", async () => {
  const customer = person("customer", "Carla");
  const order = await placeOrder(customer);
  const other = await placeOrder(customer);
  const customerSocket = await connect(customer.token);
  await refused(customerSocket, "chat:join", { orderId: order.orderId });
  await refused(customerSocket, "chat:join", { roomId: "00000000-0000-0000-0000-000000000000" });
  await refused(customerSocket, "chat:join", { roomId: order.roomId, orderId: other.orderId });
  await refused(customerSocket, "chat:join", { roomId: order.roomId, orderId: "no-such-order" });

  const stranger = await connect(person("customer", "Xavier").token);
  await refused(stranger, "chat:join", { roomId: order.roomId, orderId: order.orderId });
  const moderator = await connect(person("moderator", "Mo").token);
  await refused(moderator, "chat:join", { roomId: order.roomId, orderId: order.orderId });

  // nothing was joined: the room's messages reach none of them, the connections stay usable
  const owner = await joined(customer, order);
  const overheard = [collect(customerSocket, "chat:message", 600), collect(stranger, "chat:message", 600), collect(moderator, "chat:message", 600)];
  owner.emit("chat:message", { roomId: order.roomId, message: "private" });
  for (const seen of await Promise.all(overheard)) assert.deepEqual(seen, []);
  const confirmed = next(customerSocket, "chat:userJoined", { where: (e) => e.userId === customer.id });
  customerSocket.emit("chat:join", { roomId: order.roomId, orderId: order.orderId });
  await confirmed;
});

// --- moderator:accept

test("moderator:accept: a customer is refused; the moderator's socket joins the room, the order is processing", async () => {
  const customer = person("customer", "Carla");
  const mona = person("moderator", "Mona");
  const order = await placeOrder(customer);
  const customerSocket = await joined(customer, order);
  await refused(customerSocket, "moderator:accept", { roomId: order.roomId });

  const monaSocket = await connect(mona.token);
  const moderatorJoined = [next(customerSocket, "moderator:joined"), next(monaSocket, "moderator:joined")];
  const statusUpdated = [next(customerSocket, "order:statusUpdated"), next(monaSocket, "order:statusUpdated")];
  monaSocket.emit("moderator:accept", { roomId: order.roomId });
  for (const event of await Promise.all(moderatorJoined)) {
    assert.deepEqual(event, { roomId: order.roomId, orderId: order.orderId, moderator: { id: mona.id, name: "Mona" } });
  }
  for (const event of await Promise.all(statusUpdated)) {
    assert.equal(event.orderId, order.orderId);
    assert.equal(event.roomId, order.roomId);
    assert.equal(event.status, "processing");
    assert.equal(event.previousStatus, "pending");
    assert.equal(event.updatedBy, mona.id);
    assert.ok(!Number.isNaN(Date.parse(event.timestamp)));
  }
  const fetched = await rest("GET", `/api/orders/${order.orderId}`, customer.token);
  assert.equal(fetched.body.data.status, "processing");
  assert.equal(fetched.body.data.moderator, mona.id);

  // in the room without a chat:join
  const received = next(monaSocket, "chat:message", { where: (m) => m.content === "hello moderator" });
  customerSocket.emit("chat:message", { roomId: order.roomId, message: "hello moderator" });
  await received;

  // the room has a moderator now
  await refused(await connect(person("moderator", "Max").token), "moderator:accept", { roomId: order.roomId });
  await refused(monaSocket, "moderator:accept", { roomId: order.roomId });
});

// --- chat:message, chat:typing, chat:image, chat:getMessages

test("chat:message: a joined socket only, a non-empty message; the room including the sender gets the seed's shape", async () => {
  const customer = person("customer", "Carla");
  const order = await placeOrder(customer);
  const early = await connect(customer.token);
  await refused(early, "chat:message", { roomId: order.roomId, message: "not joined yet" });
  const customerSocket = await joined(customer, order);
  const monaSocket = await accepted(person("moderator", "Mona"), order);
  await refused(customerSocket, "chat:message", { roomId: order.roomId, message: "" });
  await refused(customerSocket, "chat:message", { roomId: order.roomId });

  const echoed = next(customerSocket, "chat:message");
  const received = next(monaSocket, "chat:message");
  customerSocket.emit("chat:message", { roomId: order.roomId, message: "Rate for 100 USD?" });
  const message = await received;
  assert.deepEqual(await echoed, message);
  assert.ok(message._id.length > 0);
  assert.equal(message.roomId, order.roomId);
  assert.equal(message.orderId, order.orderId);
  assert.equal(message.type, "text");
  assert.equal(message.content, "Rate for 100 USD?");
  assert.equal(message.message, "Rate for 100 USD?");
  assert.deepEqual({ ...message.sender }, { _id: customer.id, id: customer.id, name: "Carla", role: "customer" });
  assert.ok(!Number.isNaN(Date.parse(message.createdAt)));
});

test("chat:typing: user:typing to the other room members, not the typist; a socket that has not joined is refused", async () => {
  const customer = person("customer", "Carla");
  const order = await placeOrder(customer);
  const outsider = await connect(customer.token);
  await refused(outsider, "chat:typing", { roomId: order.roomId, isTyping: true });
  const customerSocket = await joined(customer, order);
  const monaSocket = await accepted(person("moderator", "Mona"), order);

  const own = collect(customerSocket, "user:typing", 600);
  const typing = next(monaSocket, "user:typing");
  customerSocket.emit("chat:typing", { roomId: order.roomId, isTyping: true });
  assert.deepEqual(await typing, { roomId: order.roomId, userId: customer.id, name: "Carla", isTyping: true });
  assert.deepEqual(await own, []);
  const stopped = next(monaSocket, "user:typing", { where: (e) => !e.isTyping });
  customerSocket.emit("chat:typing", { roomId: order.roomId, isTyping: false });
  await stopped;
});

test("chat:image: a binary image becomes an image chat:message whose content is its served URL; bad files are refused", async () => {
  const customer = person("customer", "Carla");
  const order = await placeOrder(customer);
  const outsider = await connect(customer.token);
  await refused(outsider, "chat:image", { roomId: order.roomId, file: PNG });
  const customerSocket = await joined(customer, order);
  const mona = person("moderator", "Mona");
  const monaSocket = await accepted(mona, order);

  const received = next(monaSocket, "chat:message", { where: (m) => m.type === "image" });
  customerSocket.emit("chat:image", { roomId: order.roomId, file: PNG, fileName: "dot.png", mimeType: "image/png" });
  const message = await received;
  assert.equal(message.type, "image");
  assert.ok(message.imageUrl.length > 0);
  assert.equal(message.content, message.imageUrl);
  assert.equal(message.message, message.imageUrl);
  assert.deepEqual({ ...message.metadata }, { mimeType: "image/png", size: PNG.length });
  const file = await fetch(new globalThis.URL(message.imageUrl, URL), { headers: { authorization: `Bearer ${mona.token}` } });
  assert.equal(file.status, 200);
  assert.equal(file.headers.get("content-type"), "image/png");
  assert.ok(Buffer.from(await file.arrayBuffer()).equals(PNG));

  await refused(customerSocket, "chat:image", { roomId: order.roomId });
  await refused(customerSocket, "chat:image", { roomId: order.roomId, file: Buffer.from("%PDF-1.4 not an image") });
  const tooBig = Buffer.alloc(5 * 1024 * 1024 + 1, 7);
  PNG.copy(tooBig, 0, 0, 16);
  const error = next(customerSocket, "error", { ms: 15000 });
  customerSocket.emit("chat:image", { roomId: order.roomId, file: tooBig });
  assert.ok((await error).message.length > 0);
  // the connection stays
  const still = next(monaSocket, "chat:message", { where: (m) => m.content === "still here" });
  customerSocket.emit("chat:message", { roomId: order.roomId, message: "still here" });
  await still;
});

test("chat:getMessages: pages of the room's messages, oldest first, to the caller only; not joined is refused", async () => {
  const customer = person("customer", "Carla");
  const order = await placeOrder(customer);
  const outsider = await connect(customer.token);
  await refused(outsider, "chat:getMessages", { roomId: order.roomId });
  const customerSocket = await joined(customer, order);
  const monaSocket = await accepted(person("moderator", "Mona"), order);
  for (const text of ["one", "two", "three"]) {
    const stored = next(customerSocket, "chat:message", { where: (m) => m.content === text });
    customerSocket.emit("chat:message", { roomId: order.roomId, message: text });
    await stored;
  }

  const others = collect(monaSocket, "chat:messages", 600);
  const latest = next(customerSocket, "chat:messages");
  customerSocket.emit("chat:getMessages", { roomId: order.roomId, page: 1, limit: 2 });
  const page1 = await latest;
  assert.equal(page1.roomId, order.roomId);
  assert.equal(page1.page, 1);
  assert.equal(page1.hasMore, true);
  assert.deepEqual(page1.messages.map((m) => m.content), ["two", "three"]);
  assert.equal(page1.messages[0].sender.id, customer.id);
  assert.deepEqual(await others, []);

  const older = next(customerSocket, "chat:messages");
  customerSocket.emit("chat:getMessages", { roomId: order.roomId, page: 2, limit: 2 });
  const page2 = await older;
  assert.equal(page2.page, 2);
  assert.equal(page2.messages.at(-1).content, "one");

  const all = next(customerSocket, "chat:messages");
  customerSocket.emit("chat:getMessages", { roomId: order.roomId });
  assert.deepEqual((await all).messages.map((m) => m.content), ["one", "two", "three"]);
});

// --- transfers

test("transfer: only the current moderator offers it; the room and the target hear chat:transferring, only the target moderator:transferRequest", async () => {
  const customer = person("customer", "Carla");
  const mona = person("moderator", "Mona");
  const max = person("moderator", "Max");
  const mia = person("moderator", "Mia");
  await Promise.all([introduce(max), introduce(mia)]);
  const order = await placeOrder(customer);
  const customerSocket = await joined(customer, order);
  const monaSocket = await accepted(mona, order);
  const maxSocket = await connect(max.token); // has said nothing yet
  const miaSocket = await connect(mia.token);

  await refused(customerSocket, "moderator:initiateTransfer", { roomId: order.roomId, toModeratorId: max.id });
  await refused(miaSocket, "moderator:initiateTransfer", { roomId: order.roomId, toModeratorId: max.id });
  await refused(monaSocket, "moderator:initiateTransfer", { roomId: order.roomId, toModeratorId: mona.id });
  await refused(monaSocket, "moderator:initiateTransfer", { roomId: order.roomId });
  await refused(miaSocket, "moderator:acceptTransfer", { roomId: order.roomId }); // nothing pending

  const transferring = [next(customerSocket, "chat:transferring"), next(monaSocket, "chat:transferring"), next(maxSocket, "chat:transferring")];
  const request = next(maxSocket, "moderator:transferRequest");
  const notForThem = [collect(customerSocket, "moderator:transferRequest", 800), collect(monaSocket, "moderator:transferRequest", 800)];
  monaSocket.emit("moderator:initiateTransfer", { roomId: order.roomId, toModeratorId: max.id });
  for (const event of await Promise.all(transferring)) {
    assert.equal(event.roomId, order.roomId);
    assert.equal(event.orderId, order.orderId);
    assert.equal(event.from, "Mona");
    assert.equal(event.toModeratorId, max.id);
    assert.ok(!Number.isNaN(Date.parse(event.timestamp)));
  }
  const asked = await request;
  assert.equal(asked.roomId, order.roomId);
  assert.equal(asked.orderId, order.orderId);
  assert.deepEqual({ ...asked.from }, { id: mona.id, name: "Mona" });
  assert.equal(typeof asked.roomName, "string");
  for (const seen of await Promise.all(notForThem)) assert.deepEqual(seen, []);

  await refused(miaSocket, "moderator:acceptTransfer", { roomId: order.roomId });
  await refused(customerSocket, "moderator:acceptTransfer", { roomId: order.roomId });

  const changed = [next(customerSocket, "moderator:changed"), next(monaSocket, "moderator:changed"), next(maxSocket, "moderator:changed")];
  maxSocket.emit("moderator:acceptTransfer", { roomId: order.roomId });
  for (const event of await Promise.all(changed)) {
    assert.deepEqual(event, {
      roomId: order.roomId, orderId: order.orderId,
      newModerator: { id: max.id, name: "Max" }, previousModerator: { id: mona.id, name: "Mona" },
    });
  }

  // the new moderator's socket is in the room, the previous one's is not, and she is refused there
  const delivered = next(maxSocket, "chat:message", { where: (m) => m.content === "after the transfer" });
  const overheard = collect(monaSocket, "chat:message", 800);
  customerSocket.emit("chat:message", { roomId: order.roomId, message: "after the transfer" });
  await delivered;
  assert.deepEqual(await overheard, []);
  await refused(monaSocket, "chat:message", { roomId: order.roomId, message: "still mine?" });
  await refused(monaSocket, "chat:join", { roomId: order.roomId });
  await refused(monaSocket, "chat:clean", { roomId: order.roomId });
  await refused(monaSocket, "order:updateStatus", { roomId: order.roomId, status: "completed" });
});

test("user-directed events reach the target's sockets bound to seed 000 or not bound yet, not one bound to another vocabulary", async () => {
  const customer = person("customer", "Carla");
  const mona = person("moderator", "Mona");
  const max = person("moderator", "Max");
  await introduce(max);
  const order = await placeOrder(customer);
  const monaSocket = await accepted(mona, order);

  const unbound = await connect(max.token);
  const seed000 = await connect(max.token);
  await refused(seed000, "chat:typing", { roomId: order.roomId, isTyping: true }); // binds it to seed 000
  const canonical = await connect(max.token);
  assert.equal((await call(canonical, "unread:get", {})).ok, true); // binds it to the canonical vocabulary

  const requests = [next(unbound, "moderator:transferRequest"), next(seed000, "moderator:transferRequest")];
  const canonicalTold = next(canonical, "transfer:initiated");
  const unboundTold = next(unbound, "transfer:initiated");
  const notCanonical = [collect(canonical, "moderator:transferRequest", 1000), collect(canonical, "chat:transferring", 1000)];
  const notSeed000 = collect(seed000, "transfer:initiated", 1000);
  monaSocket.emit("moderator:initiateTransfer", { roomId: order.roomId, toModeratorId: max.id });
  for (const event of await Promise.all(requests)) assert.equal(event.roomId, order.roomId);
  assert.equal((await canonicalTold).orderId, order.orderId);
  await unboundTold;
  for (const seen of await Promise.all(notCanonical)) assert.deepEqual(seen, []);
  assert.deepEqual(await notSeed000, []);
});

test("a new order reaches moderators in the vocabulary their socket is bound to, in every one before it is bound", async () => {
  const moderator = person("moderator", "Mo");
  const unbound = await connect(moderator.token);
  const seed000 = await connect(moderator.token);
  await refused(seed000, "chat:typing", { roomId: "00000000-0000-0000-0000-000000000000", isTyping: true });
  const canonical = await connect(moderator.token);
  assert.equal((await call(canonical, "unread:get", {})).ok, true);

  const customer = person("customer", "Carla");
  const isIt = (roomId) => (e) => (e.roomId ?? e.conversationId) === roomId;
  let roomId;
  const seen = {
    unboundSeed: [], unboundCanonical: [], seed000: [], seed000Canonical: [], canonical: [], canonicalSeed: [],
  };
  const listen = (socket, event, list) => socket.on(event, (e) => list.push(e));
  listen(unbound, "new-order-chat", seen.unboundSeed);
  listen(unbound, "order:new", seen.unboundCanonical);
  listen(seed000, "new-order-chat", seen.seed000);
  listen(seed000, "order:new", seen.seed000Canonical);
  listen(canonical, "order:new", seen.canonical);
  listen(canonical, "new-order-chat", seen.canonicalSeed);
  roomId = (await placeOrder(customer)).roomId;
  await quiet(1000);
  const about = (list) => list.filter(isIt(roomId)).length;
  assert.equal(about(seen.unboundSeed), 1);
  assert.equal(about(seen.unboundCanonical), 1);
  assert.equal(about(seen.seed000), 1);
  assert.equal(about(seen.seed000Canonical), 0);
  assert.equal(about(seen.canonical), 1);
  assert.equal(about(seen.canonicalSeed), 0);
});

// --- chat:clean

test("chat:clean: the current moderator, not the owner, deletes the room's messages and images", async () => {
  const customer = person("customer", "Carla");
  const mona = person("moderator", "Mona");
  const order = await placeOrder(customer);
  const customerSocket = await joined(customer, order);
  const monaSocket = await accepted(mona, order);
  const image = next(customerSocket, "chat:message", { where: (m) => m.type === "image" });
  customerSocket.emit("chat:image", { roomId: order.roomId, file: PNG });
  const imageUrl = (await image).imageUrl;

  await refused(customerSocket, "chat:clean", { roomId: order.roomId });
  await refused(await connect(person("moderator", "Max").token), "chat:clean", { roomId: order.roomId });

  const cleaned = [next(customerSocket, "chat:cleaned"), next(monaSocket, "chat:cleaned")];
  const confirmed = next(monaSocket, "chat:cleanConfirmed");
  const notConfirmedToOthers = collect(customerSocket, "chat:cleanConfirmed", 800);
  monaSocket.emit("chat:clean", { roomId: order.roomId });
  for (const event of await Promise.all(cleaned)) {
    assert.equal(event.roomId, order.roomId);
    assert.deepEqual({ ...event.moderator }, { id: mona.id, name: "Mona" });
    assert.equal(event.imagesDeleted, 1);
    assert.ok(!Number.isNaN(Date.parse(event.timestamp)));
  }
  assert.deepEqual(await confirmed, { success: true, roomId: order.roomId, imagesDeleted: 1 });
  assert.deepEqual(await notConfirmedToOthers, []);
  const gone = await fetch(new globalThis.URL(imageUrl, URL), { headers: { authorization: `Bearer ${mona.token}` } });
  assert.ok([404, 410].includes(gone.status), `image after clean: ${gone.status}`);
  const history = next(customerSocket, "chat:messages");
  customerSocket.emit("chat:getMessages", { roomId: order.roomId });
  assert.deepEqual((await history).messages, []);
});

// --- order:updateStatus

test("order:updateStatus follows the seed's status flow; violations are refused", async () => {
  const customer = person("customer", "Carla");
  const mona = person("moderator", "Mona");
  const order = await placeOrder(customer);
  const customerSocket = await joined(customer, order);
  const early = await connect(mona.token);
  await refused(early, "order:updateStatus", { roomId: order.roomId, status: "processing" }); // only by moderator:accept
  await refused(customerSocket, "order:updateStatus", { roomId: order.roomId, status: "processing" });
  await refused(customerSocket, "order:updateStatus", { roomId: order.roomId, status: "completed" });
  await refused(early, "order:updateStatus", { roomId: order.roomId, status: "rejected" }); // not from pending

  const monaSocket = await accepted(mona, order);
  await refused(customerSocket, "order:updateStatus", { roomId: order.roomId, status: "completed" });
  await refused(await connect(person("moderator", "Max").token), "order:updateStatus", { roomId: order.roomId, status: "completed" });
  await refused(monaSocket, "order:updateStatus", { roomId: order.roomId, status: "pending" });
  await refused(monaSocket, "order:updateStatus", { roomId: order.roomId, status: "shipped" });
  await refused(monaSocket, "order:updateStatus", { roomId: order.roomId });

  const updated = next(customerSocket, "order:statusUpdated");
  monaSocket.emit("order:updateStatus", { roomId: order.roomId, status: "completed", notes: "paid out" });
  const event = await updated;
  assert.equal(event.orderId, order.orderId);
  assert.equal(event.roomId, order.roomId);
  assert.equal(event.status, "completed");
  assert.equal(event.previousStatus, "processing");
  assert.equal(event.notes, "paid out");
  assert.equal(event.updatedBy, mona.id);
  assert.ok(!Number.isNaN(Date.parse(event.timestamp)));

  // completed is final
  await refused(customerSocket, "order:updateStatus", { roomId: order.roomId, status: "cancelled" });
  await refused(monaSocket, "order:updateStatus", { roomId: order.roomId, status: "rejected" });
});

test("the owner cancels a pending order; a stranger may not", async () => {
  const customer = person("customer", "Carla");
  const order = await placeOrder(customer);
  const customerSocket = await joined(customer, order);
  await refused(await connect(person("customer", "Xavier").token), "order:updateStatus", { roomId: order.roomId, status: "cancelled" });
  const updated = next(customerSocket, "order:statusUpdated");
  customerSocket.emit("order:updateStatus", { roomId: order.roomId, status: "cancelled" });
  const event = await updated;
  assert.equal(event.status, "cancelled");
  assert.equal(event.previousStatus, "pending");
  assert.equal(event.updatedBy, customer.id);
});
