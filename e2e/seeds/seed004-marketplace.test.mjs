// Seed 004 (services marketplace): order chats between client and performer.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { token, unique, rest, connect, closeAll, next, orderBetween } from "../support.mjs";

after(closeAll);

test("client and performer message, type and see each other's presence", async () => {
  const clientId = unique("client");
  const performerId = unique("performer");
  const { order } = await orderBetween(clientId, performerId);
  const client = await connect(token(clientId, "client"));
  client.emit("join_order_chat", { orderId: order.id });
  await new Promise((resolve) => setTimeout(resolve, 200));

  const online = next(client, "user_presence", { where: (e) => e.userId === performerId && e.isOnline });
  const performer = await connect(token(performerId, "performer"));
  await online;
  performer.emit("join_order_chat", { orderId: order.id });
  await new Promise((resolve) => setTimeout(resolve, 200));

  const received = next(performer, "order_message", { where: (m) => m.content === "Коли ви будете?" });
  client.emit("order_message", { orderId: order.id, content: "Коли ви будете?", attachments: [] });
  const message = await received;
  assert.equal(message.orderId, order.id);
  assert.equal(message.senderId, clientId);

  const typing = next(client, "order_typing");
  performer.emit("order_typing", { orderId: order.id, isTyping: true });
  const event = await typing;
  assert.equal(event.userId, performerId);
  assert.equal(event.isTyping, true);

  const status = next(client, "order_status_update");
  await rest("PATCH", `/api/orders/${order.id}/status`, token(unique("mod"), "moderator"), { status: "processing" });
  assert.equal((await status).status, "processing");
});

test("a performer of another order is refused", async () => {
  const { order } = await orderBetween(unique("client"), unique("performer"));
  const outsider = await connect(token(unique("performer"), "performer"));
  const refused = next(outsider, "error");
  outsider.emit("join_order_chat", { orderId: order.id });
  assert.equal((await refused).code, "FORBIDDEN");
  const sendRefused = next(outsider, "error");
  outsider.emit("order_message", { orderId: order.id, content: "hi" });
  assert.equal((await sendRefused).code, "FORBIDDEN");
});
