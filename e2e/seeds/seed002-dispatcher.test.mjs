// Seed 002 (dispatcher): bare-id socket commands, messages sent over REST, pushes per order room.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { token, unique, rest, connect, closeAll, next, orderBetween } from "../support.mjs";

after(closeAll);

test("a message sent over REST reaches the order room; typing and read receipts flow", async () => {
  const userId = unique("user");
  const driverId = unique("driver");
  const { order } = await orderBetween(userId, driverId);
  const userToken = token(userId, "customer");
  const user = await connect(userToken);
  const driver = await connect(token(driverId, "driver"));
  user.emit("join-order-room", order.id);
  driver.emit("join-order-room", order.id);
  await new Promise((resolve) => setTimeout(resolve, 300));

  const pushed = next(driver, "new-message", { where: (e) => e.message.message === "Hello, how is my order?" });
  const sent = await rest("POST", "/api/chat/messages", userToken,
    { orderId: order.id, message: "Hello, how is my order?", messageType: "text", senderType: "user" });
  assert.equal(sent.status, 201, JSON.stringify(sent.body));
  const event = await pushed;
  assert.equal(event.orderId, order.id);
  assert.equal(event.message.sender, userId);
  assert.ok(event.timestamp);

  const typing = next(user, "user-typing", { where: (e) => e.isTyping });
  driver.emit("typing-start", order.id);
  assert.deepEqual(await typing, { userId: driverId, orderId: order.id, isTyping: true });
  const stopped = next(user, "user-typing", { where: (e) => !e.isTyping });
  driver.emit("typing-stop", order.id);
  await stopped;

  const read = next(user, "message-read", { where: (e) => e.userId === driverId });
  driver.emit("mark-read", order.id);
  assert.equal((await read).orderId, order.id);
});

test("order updates and notifications reach the right people", async () => {
  const userId = unique("user");
  const driverId = unique("driver");
  const { order } = await orderBetween(userId, driverId);
  const user = await connect(token(userId, "customer"));
  user.emit("join-order-room", order.id);
  const driverToken = token(driverId, "driver");
  const driver = await connect(driverToken);
  await new Promise((resolve) => setTimeout(resolve, 300));

  const notified = next(driver, "notification");
  await rest("POST", "/api/chat/messages", token(userId, "customer"), { orderId: order.id, message: "ping" });
  assert.equal((await notified).orderId, order.id);

  const updated = next(user, "order-updated");
  const changed = await rest("PATCH", `/api/orders/${order.id}/status`, token(unique("mod"), "moderator"), { status: "processing" });
  assert.equal(changed.status, 200);
  assert.equal((await updated).update.status, "processing");

  const stranger = await connect(token(unique("stranger"), "customer"));
  const refused = next(stranger, "error");
  stranger.emit("join-order-room", order.id);
  assert.equal((await refused).code, "FORBIDDEN");
});
