// Seed 001 (Busy2Shop): the events its /js/chat.js client uses, against OrderChat.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { token, unique, connect, closeAll, next, orderBetween } from "../support.mjs";

after(closeAll);

test("customer and shopper agent chat in an order with history, typing and presence", async () => {
  const customerId = unique("cust");
  const agentId = unique("agent");
  const { order } = await orderBetween(customerId, agentId);
  const customer = await connect(token(customerId, "customer", { name: "Cora" }));
  const agent = await connect(token(agentId, "agent", { name: "Andy" }));

  const history = next(customer, "previous-messages");
  customer.emit("join-order-chat", order.id);
  assert.ok(Array.isArray(await history));

  const joined = next(customer, "user-joined", { where: (e) => e.userId === agentId });
  const agentHistory = next(agent, "previous-messages");
  agent.emit("join-order-chat", { orderId: order.id });
  await agentHistory;
  assert.equal((await joined).orderId, order.id);

  const received = next(agent, "new-message", { where: (m) => m.message === "Is the milk fresh?" });
  customer.emit("send-message", { orderId: order.id, message: "Is the milk fresh?" });
  const message = await received;
  assert.equal(message.senderId, customerId);
  assert.equal(message.orderId, order.id);

  const typing = next(customer, "user-typing");
  agent.emit("typing", { orderId: order.id, isTyping: true });
  assert.equal((await typing).userId, agentId);

  const left = next(customer, "user-left", { where: (e) => e.userId === agentId });
  agent.emit("leave-order-chat", order.id);
  await left;
});

test("someone outside the order gets an error and no messages", async () => {
  const { order } = await orderBetween(unique("cust"), unique("agent"));
  const stranger = await connect(token(unique("stranger"), "customer"));
  const error = next(stranger, "error");
  stranger.emit("join-order-chat", order.id);
  const refusal = await error;
  assert.equal(refusal.code, "FORBIDDEN");
  assert.ok(refusal.message.length > 0);
});
