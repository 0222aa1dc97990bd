// Rate limits and caps end to end, with the real socket.io-client. RateLimitsIT starts the server with tight
// limits: 5 messages at once then 1 per second, 3 orders per minute, 2 uploads per minute, 3 sockets per user,
// 2 joins per socket.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { URL, token, unique, rest, connect, closeAll, call, orderBetween, chatOf } from "../support.mjs";

after(closeAll);

const MESSAGE_BURST = 5;


const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

test("a socket sending above the rate is refused RATE_LIMITED, in every vocabulary and over REST, and stays usable", async () => {
  const chat = await chatOf();
  const alice = await connect(chat.customerToken);
  assert.equal((await call(alice, "conversation:join", { conversationId: chat.conversationId })).ok, true);

  const replies = [];
  for (let i = 0; i < MESSAGE_BURST + 5; i++) {
    replies.push(await call(alice, "message:send", { conversationId: chat.conversationId, content: `burst ${i}` }));
  }
  const refused = replies.filter((reply) => !reply.ok);
  assert.ok(refused.length >= 3, `expected refusals after the burst, got ${JSON.stringify(replies.map((r) => r.ok))}`);
  assert.ok(replies.slice(0, MESSAGE_BURST).every((reply) => reply.ok), "the burst itself is allowed");
  for (const reply of refused) {
    assert.equal(reply.error.code, "RATE_LIMITED");
    assert.match(reply.error.message, /messages/);
  }

  // The same user's budget is spent whatever the vocabulary or transport.
  const seed001 = await call(alice, "send-message", { orderId: chat.orderId, message: "over the limit too" });
  assert.equal(seed001.error.code, "RATE_LIMITED");
  const overRest = await rest("POST", `/api/conversations/${chat.conversationId}/messages`, chat.customerToken,
    { content: "and over REST" });
  assert.equal(overRest.status, 429);
  assert.equal(overRest.body.success, false);
  assert.equal(overRest.body.error.code, "RATE_LIMITED");

  // Someone else's sending is not affected.
  const bob = await connect(chat.performerToken);
  const bobs = await call(bob, "message:send", { conversationId: chat.conversationId, content: "I can still talk" });
  assert.equal(bobs.ok, true);

  // The connection stays up and usable: other commands work, and sending works again once the bucket refills.
  assert.equal(alice.connected, true);
  assert.equal((await call(alice, "message:history", { conversationId: chat.conversationId })).ok, true);
  await sleep(1500);
  const again = await call(alice, "message:send", { conversationId: chat.conversationId, content: "later" });
  assert.equal(again.ok, true, JSON.stringify(again));
});

test("creating orders above the rate answers 429 with Retry-After and the envelope; another customer is unaffected", async () => {
  const customerToken = token(unique("cust"), "customer");
  const order = { exchangeMethod: "usd-eur", amount: 100 };
  for (let i = 0; i < 3; i++) {
    const placed = await rest("POST", "/api/orders", customerToken, order);
    assert.ok(placed.status < 300, JSON.stringify(placed.body));
  }
  const response = await fetch(`${URL}/api/orders`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${customerToken}` },
    body: JSON.stringify(order),
  });
  assert.equal(response.status, 429);
  const retryAfter = Number(response.headers.get("retry-after"));
  assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60, `Retry-After ${retryAfter}`);
  const body = await response.json();
  assert.equal(body.success, false);
  assert.equal(body.error.code, "RATE_LIMITED");
  assert.match(body.error.message, /orders/);

  const other = await rest("POST", "/api/orders", token(unique("cust"), "customer"), order);
  assert.ok(other.status < 300, JSON.stringify(other.body));
});

test("a user's connection over the cap is refused at connect with RATE_LIMITED; closing one frees a place", async () => {
  const userToken = token(unique("many"), "customer");
  const sockets = [];
  for (let i = 0; i < 3; i++) sockets.push(await connect(userToken));
  const error = await connect(userToken).then(() => null, (err) => err);
  assert.ok(error, "the fourth connection must be refused");
  assert.match(error.message, /connections/);
  assert.equal(error.data.code, "RATE_LIMITED");
  assert.equal(sockets.every((socket) => socket.connected), true, "the open ones stay open");

  // Another user connects as usual.
  const other = await connect(token(unique("other"), "customer"));
  assert.equal(other.connected, true);

  sockets[0].close();
  let reconnected = null;
  for (let i = 0; i < 20 && !reconnected; i++) {
    await sleep(100);
    reconnected = await connect(userToken).then((socket) => socket, () => null);
  }
  assert.ok(reconnected, "a closed connection frees its place");
});

test("a socket over the joined-conversations cap is refused RATE_LIMITED; leaving one frees a place", async () => {
  const customer = unique("cust");
  const customerToken = token(customer, "customer");
  const ids = [];
  for (let i = 0; i < 3; i++) ids.push((await orderBetween(customer, unique("perf"))).chatRoomId);
  const socket = await connect(customerToken);
  assert.equal((await call(socket, "conversation:join", { conversationId: ids[0] })).ok, true);
  assert.equal((await call(socket, "conversation:join", { conversationId: ids[1] })).ok, true);
  assert.equal((await call(socket, "conversation:join", { conversationId: ids[1] })).ok, true, "joining again is free");

  const third = await call(socket, "conversation:join", { conversationId: ids[2] });
  assert.equal(third.ok, false);
  assert.equal(third.error.code, "RATE_LIMITED");
  assert.match(third.error.message, /conversations/);
  const viaResume = await call(socket, "sync:resume", { conversations: [{ conversationId: ids[2], lastSeq: 0 }] });
  assert.equal(JSON.stringify(viaResume).includes("RATE_LIMITED"), true, JSON.stringify(viaResume));

  // Another socket of the same user has its own allowance.
  const second = await connect(customerToken);
  assert.equal((await call(second, "conversation:join", { conversationId: ids[2] })).ok, true);

  assert.equal((await call(socket, "conversation:leave", { conversationId: ids[0] })).ok, true);
  assert.equal((await call(socket, "conversation:join", { conversationId: ids[2] })).ok, true);
});

// A real 1×1 PNG.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

async function upload(tokenValue) {
  const form = new FormData();
  form.append("attachments", new Blob([PNG], { type: "image/png" }), "dot.png");
  const response = await fetch(URL + "/api/v1/chat/upload", {
    method: "POST",
    headers: { authorization: `Bearer ${tokenValue}` },
    body: form,
  });
  return { status: response.status, retryAfter: response.headers.get("retry-after"), body: await response.json() };
}

test("uploading above the rate answers 429 RATE_LIMITED with Retry-After; another user uploads as usual", async () => {
  const userToken = token(unique("uploader"), "customer");
  for (let i = 0; i < 2; i++) {
    const uploaded = await upload(userToken);
    assert.equal(uploaded.status, 200, JSON.stringify(uploaded.body)); // seed 003's upload answers 200
  }
  const refused = await upload(userToken);
  assert.equal(refused.status, 429);
  // seed 003's error envelope (DIALECTS.md §4.3): the text in `error` and `message`, OrderChat's code beside
  assert.equal(refused.body.code, "RATE_LIMITED");
  assert.match(refused.body.error, /uploads/);
  assert.equal(refused.body.message, refused.body.error);
  assert.ok(Number(refused.retryAfter) >= 1, `Retry-After ${refused.retryAfter}`);

  assert.equal((await upload(token(unique("uploader"), "customer"))).status, 200);
});
