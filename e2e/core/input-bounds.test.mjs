// Hardening of what clients send (findings 3, 7, 9, 11 of the hardening issue), on the socket
// with the real socket.io-client and over REST: poisoned metadata, forged internal notes, the
// NUL character, coerced types and wrapped numbers are refused, and the conversation stays usable.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { token, unique, rest, connect, closeAll, next, call, orderBetween, chatOf } from "../support.mjs";

after(closeAll);


function deep(levels) {
  let value = "bottom";
  for (let i = 0; i < levels; i++) value = { down: value };
  return value;
}

test("poisoned metadata is refused over REST and the other party can still open the conversation", async () => {
  const chat = await chatOf();
  const path = `/api/conversations/${chat.conversationId}/messages`;
  const send = (metadata) => rest("POST", path, chat.customerToken, { content: "hi", metadata });

  const huge = await send({ blob: "x".repeat(1_000_000) });
  assert.equal(huge.status, 413);
  assert.equal(huge.body.error.code, "PAYLOAD_TOO_LARGE");
  const large = await send({ blob: "x".repeat(20_000) });
  assert.equal(large.status, 413);
  assert.equal(large.body.error.code, "CONTENT_TOO_LONG");
  const nested = await send(deep(400));
  assert.equal(nested.status, 400);
  assert.equal(nested.body.error.code, "VALIDATION_FAILED");
  const tooDeep = await send(deep(5));
  assert.equal(tooDeep.status, 400);
  const manyKeys = await send(Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`k${i}`, i])));
  assert.equal(manyKeys.status, 400);
  const longKey = await send({ ["k".repeat(200)]: 1 });
  assert.equal(longKey.status, 400);

  const fine = await send({ orderRef: "A-17", tags: ["gift"], nested: { level: 2 } });
  assert.equal(fine.status, 201, JSON.stringify(fine.body));
  const opened = await rest("GET", `/api/conversations/${chat.conversationId}`, chat.performerToken);
  assert.equal(opened.status, 200);
  assert.deepEqual(opened.body.data.messages.at(-1).metadata, { orderRef: "A-17", tags: ["gift"], nested: { level: 2 } });
});

test("a client cannot forge a staff-only note or a server event in metadata", async () => {
  const chat = await chatOf();
  const path = `/api/conversations/${chat.conversationId}/messages`;
  for (const metadata of [{ visibility: "staff" }, { event: "conversation.cleaned" }, { is_internal: true },
    { senderId: "someone-else" }, { attachments: [] }]) {
    const forged = await rest("POST", path, chat.customerToken, { content: "INTERNAL NOTE", metadata });
    assert.equal(forged.status, 400, JSON.stringify(metadata));
    assert.equal(forged.body.error.code, "VALIDATION_FAILED");
  }
  const history = await rest("GET", `${path}?limit=50`, chat.performerToken);
  assert.ok(history.body.data.messages.every((m) => m.metadata?.visibility === undefined));
});

test("the NUL character is refused on REST and on the socket of every vocabulary", async () => {
  const chat = await chatOf();
  const viaRest = await rest("POST", `/api/conversations/${chat.conversationId}/messages`, chat.customerToken,
    { content: "a\u0000b" });
  assert.equal(viaRest.status, 400);
  assert.equal(viaRest.body.error.code, "VALIDATION_FAILED");
  assert.match(viaRest.body.error.message, /content/);
  const inQuery = await rest("GET", `/api/orders/my-orders/pending%00`, chat.customerToken);
  assert.equal(inQuery.status, 400);
  assert.equal(inQuery.body.error.code, "VALIDATION_FAILED");

  const socket = await connect(chat.customerToken);
  const canonical = await call(socket, "message:send", { conversationId: chat.conversationId, content: "a\u0000b" });
  assert.equal(canonical.ok, false);
  assert.equal(canonical.error.code, "VALIDATION_FAILED");
  const seed = await call(socket, "send-message", { orderId: chat.orderId, message: "x\u0000" });
  assert.equal(seed.ok, false);
  assert.equal(seed.error.code, "VALIDATION_FAILED");
  const inKey = await call(socket, "message:send", { conversationId: chat.conversationId, content: "ok", ["k\u0000"]: 1 });
  assert.equal(inKey.error.code, "VALIDATION_FAILED");
  const still = await call(socket, "message:send", { conversationId: chat.conversationId, content: "still here" });
  assert.equal(still.ok, true);
});

test("wrong types are refused, never coerced, and limits never wrap around", async () => {
  const chat = await chatOf();
  const path = `/api/conversations/${chat.conversationId}/messages`;
  for (const content of [42, true, { text: "x" }]) {
    const reply = await rest("POST", path, chat.customerToken, { content });
    assert.equal(reply.status, 400, String(content));
    assert.equal(reply.body.error.code, "VALIDATION_FAILED");
    assert.match(reply.body.error.message, /content/);
    assert.doesNotMatch(reply.body.error.message, /java|tools\.jackson|io\.orderchat/i);
  }
  const amount = await rest("POST", "/api/orders", chat.customerToken, { exchangeMethod: "cash", amount: "10" });
  assert.equal(amount.status, 400);
  assert.match(amount.body.error.message, /amount/);

  const socket = await connect(chat.customerToken);
  const numeric = await call(socket, "message:send", { conversationId: chat.conversationId, content: 42 });
  assert.equal(numeric.ok, false);
  assert.equal(numeric.error.code, "VALIDATION_FAILED");
  const wrapped = await call(socket, "message:history", { conversationId: chat.conversationId, limit: 4294967306 });
  assert.equal(wrapped.ok, false);
  assert.equal(wrapped.error.code, "VALIDATION_FAILED");
  const history = await call(socket, "message:history", { conversationId: chat.conversationId, limit: 10 });
  assert.equal(history.ok, true);
  assert.ok(history.data.messages.every((m) => m.content !== "42"));
});

test("a support customer cannot write an internal note; an agent can", async () => {
  const customerToken = token(unique("cust"), "customer");
  const agentToken = token(unique("agent"), "support");
  const session = await rest("POST", "/api/v1/chat/sessions", customerToken, { subject: "help" });
  assert.equal(session.status, 201);
  const path = `/api/v1/chat/sessions/${session.body.data.id}/messages`;

  const forged = await rest("POST", path, customerToken, { content: "note?", is_internal: true });
  assert.equal(forged.status, 403);
  const socket = await connect(customerToken);
  const viaSocket = await call(socket, "send_message", { session_id: session.body.data.id, content: "note?", is_internal: true });
  assert.equal(viaSocket.ok, false);
  assert.equal(viaSocket.error.code, "FORBIDDEN");

  const note = await rest("POST", path, agentToken, { content: "customer seems upset", is_internal: true });
  assert.equal(note.status, 201, JSON.stringify(note.body));
  assert.equal(note.body.data.is_internal, true);
  const seen = await rest("GET", `${path}?limit=50`, customerToken);
  assert.ok(seen.body.data.every((m) => m.content !== "customer seems upset" && m.content !== "note?"));
});
