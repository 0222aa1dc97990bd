// Live events cross nodes (the Redis event bus): two clients of one conversation on different nodes
// hear each other as they would on one node, over WebSocket and over long-polling.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { token, unique, call, next, collect, URL } from "../support.mjs";
import { NODES, closeSockets, connectTo, restAt, chat } from "./cluster-support.mjs";

after(closeSockets);

for (const transport of ["websocket", "polling"]) {
  test(`over ${transport}, messages, typing, read receipts and presence cross nodes`, async () => {
    const c = await chat();
    const options = { transports: [transport] };
    const customer = await connectTo(NODES[0], c.customerToken, options);
    assert.equal((await call(customer, "conversation:join", { conversationId: c.conversationId })).ok, true);

    const online = next(customer, "presence", { where: (e) => e.userId === c.performer && e.online, ms: 5000 });
    const performer = await connectTo(NODES[1], c.performerToken, options);
    await online;
    assert.equal((await call(performer, "conversation:join", { conversationId: c.conversationId })).ok, true);

    const heard = next(performer, "message", { where: (e) => e.message.type === "text", ms: 5000 });
    const sent = await call(customer, "message:send", { conversationId: c.conversationId, content: "across nodes", clientId: "x1" });
    assert.equal(sent.ok, true, JSON.stringify(sent));
    const event = await heard;
    assert.equal(event.message.seq, sent.data.message.seq);
    assert.equal(event.message.content, "across nodes");

    const typing = next(customer, "typing", { where: (e) => e.userId === c.performer, ms: 5000 });
    assert.equal((await call(performer, "typing:start", { conversationId: c.conversationId })).ok, true);
    assert.equal((await typing).isTyping, true);

    const read = next(customer, "conversation:read", { where: (e) => e.userId === c.performer, ms: 5000 });
    assert.equal((await call(performer, "conversation:read", { conversationId: c.conversationId })).ok, true);
    assert.equal((await read).seq, sent.data.message.seq);

    const offline = next(customer, "presence", { where: (e) => e.userId === c.performer && !e.online, ms: 5000 });
    performer.close();
    await offline;
  });
}

test("a member who has not joined hears a notification from another node", async () => {
  const c = await chat();
  const performer = await connectTo(NODES[1], c.performerToken);
  // the order's own "Order created" may still be on its way from the node that created it
  const notified = next(performer, "notification", {
    where: (e) => e.conversationId === c.conversationId && e.content !== "Order created", ms: 5000 });
  const sent = await restAt(NODES[0], "POST", `/api/conversations/${c.conversationId}/messages`, c.customerToken,
    { content: "are you there?", clientId: "n1" });
  assert.equal(sent.status, 201, JSON.stringify(sent.body));
  assert.equal((await notified).content, "are you there?");
});

test("moderators on another node hear of a new order", async () => {
  const moderator = await connectTo(NODES[1], token(unique("mod"), "moderator"));
  const customerToken = token(unique("cust"), "customer");
  const queued = next(moderator, "order:new", { ms: 5000, where: (e) => e.order?.notes === "cluster order" });
  const placed = await restAt(NODES[0], "POST", "/api/orders", customerToken,
    { exchangeMethod: "usd-eur", amount: 5, notes: "cluster order" });
  assert.equal(placed.status, 201, JSON.stringify(placed.body));
  const event = await queued;
  assert.equal(event.conversationId, placed.body.data.chatRoomId);
});

test("a performer removed through one node leaves the conversation on another node at once", async () => {
  const c = await chat();
  const customer = await connectTo(NODES[0], c.customerToken);
  const old = await connectTo(NODES[1], c.performerToken);
  // the customer's second device, on the performer's node: it must go on hearing the conversation
  const customerThere = await connectTo(NODES[1], c.customerToken);
  for (const socket of [customer, old, customerThere]) {
    assert.equal((await call(socket, "conversation:join", { conversationId: c.conversationId })).ok, true);
  }

  const removed = next(customer, "participant:removed", { where: (e) => e.userId === c.performer, ms: 5000 });
  const admin = token(unique("service"), "admin");
  const changed = await restAt(NODES[0], "PUT", `/api/orders/${c.orderId}/performer`, admin,
    { performer: { id: unique("perf2"), name: "Paula Performer" } });
  assert.equal(changed.status, 200, JSON.stringify(changed.body));
  await removed;

  const heardByOld = collect(old, "message", 1500);
  const heardThere = next(customerThere, "message", { where: (e) => e.message.content === "not for you", ms: 5000 });
  assert.equal((await call(customer, "message:send", { conversationId: c.conversationId, content: "not for you", clientId: "r1" })).ok, true);
  await heardThere;
  assert.deepEqual((await heardByOld).filter((e) => e.message.content === "not for you"), [],
    "the removed performer's socket on the other node no longer hears the conversation");
});

test("through HAProxy, two polling clients chat whichever nodes they land on", async () => {
  const c = await chat();
  const options = { transports: ["polling"], withCredentials: true };
  const customer = await connectTo(URL, c.customerToken, options);
  const performer = await connectTo(URL, c.performerToken, options);
  assert.equal((await call(customer, "conversation:join", { conversationId: c.conversationId })).ok, true);
  assert.equal((await call(performer, "conversation:join", { conversationId: c.conversationId })).ok, true);
  const heard = next(performer, "message", { where: (e) => e.message.clientId === "p1" || e.message.content === "via haproxy", ms: 5000 });
  assert.equal((await call(customer, "message:send", { conversationId: c.conversationId, content: "via haproxy", clientId: "p1" })).ok, true);
  await heard;
});
