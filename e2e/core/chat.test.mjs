// The canonical protocol end to end, driven by the real socket.io-client against a running OrderChat
// backed by PostgreSQL. Every test makes its own users and orders.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { token, unique, rest, connect, closeAll, next, collect, call, orderBetween, chatOf } from "../support.mjs";

after(closeAll);


test("two participants chat live in an order", async () => {
  const chat = await chatOf();
  const alice = await connect(chat.customerToken);
  const bob = await connect(chat.performerToken);

  const joined = await call(alice, "conversation:join", { orderId: chat.orderId });
  assert.equal(joined.ok, true);
  assert.equal(joined.data.conversation.id, chat.conversationId);
  assert.ok(joined.data.participants.some((p) => p.userId === chat.performer));
  assert.equal((await call(bob, "conversation:join", { conversationId: chat.conversationId })).ok, true);

  const heard = next(bob, "message", { where: (e) => e.message.type === "text" });
  const sent = await call(alice, "message:send", { conversationId: chat.conversationId, content: "  Hello Bob  ", clientId: "m1" });
  assert.equal(sent.ok, true);
  assert.equal(sent.data.duplicate, false);
  assert.equal(sent.data.message.content, "Hello Bob");
  const event = await heard;
  assert.equal(event.conversationId, chat.conversationId);
  assert.equal(event.message.seq, sent.data.message.seq);
  assert.equal(event.message.senderId, chat.customer);
});

test("a stranger is refused at join, history, send and over REST", async () => {
  const chat = await chatOf();
  const strangerToken = token(unique("stranger"), "customer");
  const stranger = await connect(strangerToken);

  for (const [command, payload] of [
    ["conversation:join", { conversationId: chat.conversationId }],
    ["conversation:join", { orderId: chat.orderId }],
    ["message:history", { conversationId: chat.conversationId }],
    ["message:send", { conversationId: chat.conversationId, content: "let me in" }],
    ["conversation:read", { conversationId: chat.conversationId }],
  ]) {
    const reply = await call(stranger, command, payload);
    assert.equal(reply.ok, false, command);
    assert.equal(reply.error.code, "FORBIDDEN", command);
  }
  const typing = await call(stranger, "typing:start", { conversationId: chat.conversationId });
  assert.equal(typing.ok, false);
  const history = await rest("GET", `/api/conversations/${chat.conversationId}/messages`, strangerToken);
  assert.equal(history.status, 403);
  assert.equal(history.body.error.code, "FORBIDDEN");
  assert.equal(stranger.connected, true, "a refusal never closes the connection");
});

test("message:search finds what a participant may read, and nothing for a stranger", async () => {
  const chat = await chatOf();
  const alice = await connect(chat.customerToken);
  const sent = await call(alice, "message:send", { conversationId: chat.conversationId, content: "Посилка вже в дорозі" });
  assert.equal(sent.ok, true);

  const found = await call(alice, "message:search", { q: "посилк", conversationId: chat.conversationId });
  assert.equal(found.ok, true, JSON.stringify(found));
  assert.deepEqual(found.data.results.map((hit) => hit.seq), [sent.data.message.seq]);
  assert.match(found.data.results[0].snippet, /«/);

  const stranger = await connect(token(unique("stranger"), "customer"));
  const refused = await call(stranger, "message:search", { q: "посилк", conversationId: chat.conversationId });
  assert.equal(refused.ok, false);
  assert.equal(refused.error.code, "FORBIDDEN");
  const everywhere = await call(stranger, "message:search", { q: "посилк" });
  assert.equal(everywhere.ok, true);
  assert.equal(everywhere.data.results.some((hit) => hit.conversationId === chat.conversationId), false);
  const empty = await call(alice, "message:search", { q: "" });
  assert.equal(empty.error.code, "VALIDATION_FAILED");
});

test("a reply quotes its original; reactions are counted once per user and reach the other member live", async () => {
  const chat = await chatOf();
  const alice = await connect(chat.customerToken);
  const bob = await connect(chat.performerToken);
  await call(alice, "conversation:join", { conversationId: chat.conversationId });
  await call(bob, "conversation:join", { conversationId: chat.conversationId });
  const original = await call(alice, "message:send", { conversationId: chat.conversationId, content: "Friday?" });

  const heardReply = next(alice, "message", { where: (e) => e.message.content === "Friday works" });
  const reply = await call(bob, "message:send", { conversationId: chat.conversationId, content: "Friday works", replyTo: original.data.message.seq });
  assert.equal(reply.ok, true, JSON.stringify(reply));
  const quote = (await heardReply).message.replyTo;
  assert.deepEqual({ ...quote, senderName: undefined }, { seq: original.data.message.seq, senderName: undefined, excerpt: "Friday?", deleted: false });
  assert.equal(quote.senderName, original.data.message.senderName);
  const bad = await call(bob, "message:send", { conversationId: chat.conversationId, content: "x", replyTo: 999 });
  assert.equal(bad.error.code, "REPLY_TO_INVALID");

  const heard = next(alice, "message:reactions");
  const first = await call(bob, "message:react", { conversationId: chat.conversationId, seq: reply.data.message.seq, emoji: "👍" });
  const again = await call(bob, "message:react", { conversationId: chat.conversationId, seq: reply.data.message.seq, emoji: "👍" });
  assert.equal(first.ok, true, JSON.stringify(first));
  assert.deepEqual(again.data.reactions, [{ emoji: "👍", count: 1, userIds: [chat.performer] }]);
  const event = await heard;
  assert.equal(event.seq, reply.data.message.seq);
  assert.deepEqual(event.reactions, [{ emoji: "👍", count: 1, userIds: [chat.performer] }]);
  const word = await call(alice, "message:react", { conversationId: chat.conversationId, seq: reply.data.message.seq, emoji: "ok" });
  assert.equal(word.error.code, "EMOJI_INVALID");

  const removed = await call(bob, "message:unreact", { conversationId: chat.conversationId, seq: reply.data.message.seq, emoji: "👍" });
  assert.deepEqual(removed.data.reactions, []);
  const stranger = await connect(token(unique("stranger"), "customer"));
  const refused = await call(stranger, "message:react", { conversationId: chat.conversationId, seq: reply.data.message.seq, emoji: "👍" });
  assert.equal(refused.error.code, "FORBIDDEN");
});

test("a stranger's socket never receives the conversation's events", async () => {
  const chat = await chatOf();
  const stranger = await connect(token(unique("stranger"), "customer"));
  await call(stranger, "conversation:join", { conversationId: chat.conversationId });
  const alice = await connect(chat.customerToken);
  await call(alice, "conversation:join", { conversationId: chat.conversationId });
  const overheard = collect(stranger, "message", 600);
  await call(alice, "message:send", { conversationId: chat.conversationId, content: "private" });
  assert.deepEqual(await overheard, []);
});

test("typing shows to the others, never to the typist, and clears on stop", async () => {
  const chat = await chatOf();
  const alice = await connect(chat.customerToken);
  const bob = await connect(chat.performerToken);
  await call(alice, "conversation:join", { conversationId: chat.conversationId });
  await call(bob, "conversation:join", { conversationId: chat.conversationId });

  const echoed = collect(alice, "typing", 800);
  const started = next(bob, "typing", { where: (e) => e.isTyping });
  assert.equal((await call(alice, "typing:start", { conversationId: chat.conversationId })).ok, true);
  await call(alice, "typing:start", { conversationId: chat.conversationId }); // a second keystroke: no new event
  const event = await started;
  assert.equal(event.userId, chat.customer);
  const stopped = next(bob, "typing", { where: (e) => !e.isTyping });
  await call(alice, "typing:stop", { conversationId: chat.conversationId });
  assert.equal((await stopped).userId, chat.customer);
  assert.deepEqual(await echoed, []);
});

test("unread counts are exact across two devices and a receipt reaches the sender", async () => {
  const chat = await chatOf();
  const alice = await connect(chat.customerToken);
  const phone = await connect(chat.performerToken);
  const laptop = await connect(chat.performerToken);
  await call(alice, "conversation:join", { conversationId: chat.conversationId });
  const before = (await call(phone, "unread:get", {})).data;
  const baseline = before.conversations.find((c) => c.conversationId === chat.conversationId)?.unreadCount ?? 0;

  for (const text of ["one", "two", "three"]) {
    await call(alice, "message:send", { conversationId: chat.conversationId, content: text });
  }
  for (const device of [phone, laptop]) {
    const unread = (await call(device, "unread:get", {})).data;
    assert.equal(unread.conversations.find((c) => c.conversationId === chat.conversationId).unreadCount, baseline + 3);
  }

  const joined = await call(phone, "conversation:join", { conversationId: chat.conversationId });
  const receipt = next(alice, "conversation:read", { where: (e) => e.userId === chat.performer });
  const read = await call(phone, "conversation:read", { conversationId: chat.conversationId, seq: joined.data.lastSeq - 1 });
  assert.equal(read.data.unreadCount, 1);
  assert.equal((await receipt).seq, joined.data.lastSeq - 1);
  const onLaptop = (await call(laptop, "unread:get", {})).data;
  assert.equal(onLaptop.conversations.find((c) => c.conversationId === chat.conversationId).unreadCount, 1);
});

test("a resend with the same client id is stored and delivered once", async () => {
  const chat = await chatOf();
  const alice = await connect(chat.customerToken);
  const bob = await connect(chat.performerToken);
  await call(alice, "conversation:join", { conversationId: chat.conversationId });
  await call(bob, "conversation:join", { conversationId: chat.conversationId });

  const delivered = collect(bob, "message", 1000);
  const first = await call(alice, "message:send", { conversationId: chat.conversationId, content: "once", clientId: "retry-1" });
  const again = await call(alice, "message:send", { conversationId: chat.conversationId, content: "once", clientId: "retry-1" });
  assert.equal(again.data.duplicate, true);
  assert.equal(again.data.message.id, first.data.message.id);
  assert.equal((await delivered).filter((e) => e.message.clientId === "retry-1").length, 1);
  const history = await call(bob, "message:history", { conversationId: chat.conversationId, limit: 200 });
  assert.equal(history.data.messages.filter((m) => m.clientId === "retry-1").length, 1);
});

test("a client that reconnects gets exactly the messages it missed", async () => {
  const chat = await chatOf();
  const alice = await connect(chat.customerToken);
  await call(alice, "conversation:join", { conversationId: chat.conversationId });
  let bob = await connect(chat.performerToken);
  const joined = await call(bob, "conversation:join", { conversationId: chat.conversationId });
  const lastSeen = joined.data.lastSeq;
  bob.close();

  const missed = [];
  for (const text of ["while", "you", "were", "away"]) {
    missed.push((await call(alice, "message:send", { conversationId: chat.conversationId, content: text })).data.message.seq);
  }
  bob = await connect(chat.performerToken);
  const resumed = await call(bob, "sync:resume", { conversations: [{ conversationId: chat.conversationId, lastSeq: lastSeen }] });
  assert.equal(resumed.ok, true);
  const [entry] = resumed.data.conversations;
  assert.deepEqual(entry.messages.map((m) => m.seq), missed);
  assert.equal(entry.hasMore, false);
  assert.equal(entry.lastSeq, missed.at(-1));

  const live = next(bob, "message");
  await call(alice, "message:send", { conversationId: chat.conversationId, content: "and now live" });
  assert.equal((await live).message.seq, missed.at(-1) + 1, "resume re-subscribes the socket");
});

test("a status change posts a system message and a status event", async () => {
  const chat = await chatOf();
  const alice = await connect(chat.customerToken);
  await call(alice, "conversation:join", { conversationId: chat.conversationId });
  const moderatorToken = token(unique("mod"), "moderator");

  const status = next(alice, "order:status");
  const system = next(alice, "message", { where: (e) => e.message.type === "system" });
  const changed = await rest("PATCH", `/api/orders/${chat.orderId}/status`, moderatorToken, { status: "processing" });
  assert.equal(changed.status, 200, JSON.stringify(changed.body));
  const event = await status;
  assert.equal(event.orderId, chat.orderId);
  assert.equal(event.from, "pending");
  assert.equal(event.to, "processing");
  assert.ok((await system).message.content.length > 0);

  const illegal = await rest("PATCH", `/api/orders/${chat.orderId}/status`, moderatorToken, { status: "pending" });
  assert.equal(illegal.status, 409);
  assert.equal(illegal.body.error.code, "ILLEGAL_TRANSITION");

  // A host app's own name for the status (DIALECTS.md §0.7) comes beside OrderChat's.
  const renamed = next(alice, "order:status", { where: (e) => e.statusName === "in_transit" });
  const host = await rest("PATCH", `/api/orders/${chat.orderId}/status`, token(unique("host"), "admin"), { status: "in_transit" });
  assert.equal(host.status, 200, JSON.stringify(host.body));
  const hostEvent = await renamed;
  assert.equal(hostEvent.to, "processing");
  assert.equal(hostEvent.status, "processing");
});

test("a user who has not joined the conversation is notified of a new message", async () => {
  const chat = await chatOf();
  const alice = await connect(chat.customerToken);
  await call(alice, "conversation:join", { conversationId: chat.conversationId });
  const bob = await connect(chat.performerToken);
  const notified = next(bob, "notification");
  await call(alice, "message:send", { conversationId: chat.conversationId, content: "are you there?" });
  const notification = await notified;
  assert.equal(notification.conversationId, chat.conversationId);
  assert.equal(notification.message.content, "are you there?");
});

test("presence: online with the first device, offline after the last", async () => {
  const chat = await chatOf();
  const alice = await connect(chat.customerToken);
  await call(alice, "conversation:join", { conversationId: chat.conversationId });

  const online = next(alice, "presence", { where: (e) => e.userId === chat.performer && e.online });
  const phone = await connect(chat.performerToken);
  await online;
  const laptop = await connect(chat.performerToken);
  const early = collect(alice, "presence", 500);
  phone.close();
  assert.deepEqual((await early).filter((e) => e.userId === chat.performer), [], "still online on the laptop");
  const offline = next(alice, "presence", { where: (e) => e.userId === chat.performer && !e.online });
  laptop.close();
  await offline;
});

test("bad input gets a stable error code and the connection stays up", async () => {
  const chat = await chatOf();
  const alice = await connect(chat.customerToken);
  const cases = [
    ["message:send", "not an object", "VALIDATION_FAILED"],
    ["message:send", { conversationId: chat.conversationId, content: "   " }, "CONTENT_EMPTY"],
    ["message:send", { conversationId: chat.conversationId, content: "x".repeat(4001) }, "CONTENT_TOO_LONG"],
    ["message:send", { conversationId: chat.conversationId, content: { nested: true } }, "VALIDATION_FAILED"],
    ["message:send", { content: "no conversation" }, "VALIDATION_FAILED"],
    ["conversation:join", { conversationId: "not-a-uuid" }, "NOT_FOUND"],
    ["conversation:join", { conversationId: "00000000-0000-0000-0000-000000000000" }, "NOT_FOUND"],
    ["message:history", { conversationId: chat.conversationId, limit: "ten" }, "VALIDATION_FAILED"],
    ["message:history", { conversationId: chat.conversationId, limit: 100000 }, "VALIDATION_FAILED"],
    ["sync:resume", { conversations: "all" }, "VALIDATION_FAILED"],
  ];
  for (const [command, payload, code] of cases) {
    const reply = await call(alice, command, payload);
    assert.equal(reply.ok, false, `${command} ${JSON.stringify(payload).slice(0, 60)}`);
    assert.equal(reply.error.code, code, `${command} ${JSON.stringify(payload).slice(0, 60)}`);
    assert.ok(reply.error.message.length > 0);
  }
  const unknown = next(alice, "error");
  alice.emit("no:such-command", {});
  assert.equal((await unknown).code, "UNKNOWN_COMMAND");
  const withoutAck = next(alice, "error");
  alice.emit("message:send", { conversationId: chat.conversationId, content: "" });
  assert.equal((await withoutAck).code, "CONTENT_EMPTY");
  assert.equal(alice.connected, true);
  assert.equal((await call(alice, "conversation:join", { conversationId: chat.conversationId })).ok, true);
});

test("a handshake without a valid token is refused with connect_error", async () => {
  await assert.rejects(connect(undefined), (error) => error.data?.code === "UNAUTHENTICATED");
  await assert.rejects(connect("not.a.jwt"), (error) => error.data?.code === "UNAUTHENTICATED");
  await assert.rejects(connect(token(unique("old"), "customer", { ttlSeconds: -10 })), (error) => error.data?.code === "TOKEN_EXPIRED");
});

test("a token that expires mid-session is refused and the socket closed", async () => {
  const chat = await chatOf();
  const alice = await connect(token(chat.customer, "customer", { ttlSeconds: 2 }));
  assert.equal((await call(alice, "conversation:join", { conversationId: chat.conversationId })).ok, true);
  const expired = next(alice, "session:expired", { ms: 5000 });
  const disconnected = next(alice, "disconnect", { ms: 5000 });
  assert.equal((await expired).code, "TOKEN_EXPIRED");
  await disconnected;
});
