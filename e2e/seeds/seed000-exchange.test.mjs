// Seed 000 (currency exchange with moderators): its client's own events against OrderChat.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { token, unique, rest, connect, closeAll, next, collect } from "../support.mjs";

after(closeAll);

async function placeOrder() {
  const customer = unique("cust");
  const customerToken = token(customer, "customer", { name: "Carla" });
  const placed = await rest("POST", "/api/orders", customerToken, { exchangeMethod: "usd-eur", amount: 100, notes: "e2e" });
  assert.equal(placed.status, 201, JSON.stringify(placed.body));
  assert.equal(placed.body.success, true);
  assert.equal(placed.body.data.order.status, "pending");
  return { customer, customerToken, orderId: placed.body.data.order._id, roomId: placed.body.data.chatRoomId };
}

test("customer and moderator chat in the order's room and see typing", async () => {
  const order = await placeOrder();
  const customer = await connect(order.customerToken);
  const moderatorToken = token(unique("mod"), "moderator", { name: "Max Moderator" });
  const moderator = await connect(moderatorToken);

  customer.emit("chat:join", { roomId: order.roomId, orderId: order.orderId });
  const joinedSeen = next(customer, "chat:userJoined", { where: (e) => e.name === "Max Moderator" });
  await new Promise((resolve) => setTimeout(resolve, 200));
  // A moderator reads an order's chat only once assigned to it (DIALECTS.md §1).
  const accepted = await rest("POST", `/api/orders/${order.orderId}/accept`, moderatorToken);
  assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
  moderator.emit("chat:join", { roomId: order.roomId, orderId: order.orderId });
  await joinedSeen;

  const received = next(moderator, "chat:message", { where: (m) => m.message === "Hello, world!" });
  const echoed = next(customer, "chat:message", { where: (m) => m.message === "Hello, world!" });
  customer.emit("chat:message", { roomId: order.roomId, message: "Hello, world!" });
  const message = await received;
  assert.equal(message.roomId, order.roomId);
  assert.equal(message.sender.name, "Carla");
  await echoed;

  const typing = next(moderator, "user:typing");
  customer.emit("chat:typing", { roomId: order.roomId, isTyping: true });
  const event = await typing;
  assert.equal(event.name, "Carla");
  assert.equal(event.isTyping, true);
});

test("a moderator moves the order on with order:updateStatus; the customer may not", async () => {
  const order = await placeOrder();
  const customer = await connect(order.customerToken);
  const moderator = await connect(token(unique("mod"), "moderator"));
  customer.emit("chat:join", { roomId: order.roomId });
  await new Promise((resolve) => setTimeout(resolve, 300));

  const refused = next(customer, "error");
  customer.emit("order:updateStatus", { roomId: order.roomId, status: "completed" });
  assert.ok((await refused).message.length > 0);

  const updated = next(customer, "order:statusUpdated");
  const pusherStyle = next(customer, "status-updated");
  moderator.emit("order:updateStatus", { roomId: order.roomId, status: "processing", notes: "on it" });
  const event = await updated;
  assert.equal(event.orderId, order.orderId);
  assert.equal(event.status, "processing");
  assert.equal((await pusherStyle).status, "processing");
});

test("a stranger cannot join another customer's room", async () => {
  const order = await placeOrder();
  const stranger = await connect(token(unique("stranger"), "customer"));
  const error = next(stranger, "error");
  stranger.emit("chat:join", { roomId: order.roomId, orderId: order.orderId });
  assert.equal((await error).code, "FORBIDDEN");
  const customer = await connect(order.customerToken);
  customer.emit("chat:join", { roomId: order.roomId });
  await new Promise((resolve) => setTimeout(resolve, 200));
  const overheard = collect(stranger, "chat:message", 500);
  customer.emit("chat:message", { roomId: order.roomId, message: "private" });
  assert.deepEqual(await overheard, []);
});
