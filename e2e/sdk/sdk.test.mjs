// The client SDK (clients/js, built to clients/js/dist by the Maven build) against a running
// OrderChat: two users chatting, a connection dropped mid-conversation with sends waiting
// (each stored and delivered exactly once, the missed messages resumed gap-free), and a
// token expiring mid-session (the server drops the socket, the SDK signs in again with a
// fresh token from getToken()).
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { URL, token, chatOf, rest } from "../support.mjs";
import { OrderChatClient, OrderChatError } from "../../clients/js/dist/index.js";

const clients = [];
after(() => clients.forEach((client) => client.close()));

function client(getToken, options = {}) {
  const made = new OrderChatClient({
    url: URL, getToken, typingIdleMs: 300,
    socket: { transports: ["websocket"], reconnectionDelay: 300, reconnectionDelayMax: 300, randomizationFactor: 0, forceNew: true },
    ...options,
  });
  clients.push(made);
  return made;
}

/** Resolves when check() holds, polling; fails with what() after ms. */
async function until(check, what, ms = 8000) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const texts = (conversation) => conversation.snapshot().messages.filter((m) => m.type === "text").map((m) => m.content);

function assertGapFree(conversation) {
  const seqs = conversation.snapshot().messages.map((m) => m.seq);
  assert.deepEqual(seqs, [...new Set(seqs)].sort((a, b) => a - b), "ordered by seq, no duplicates");
  for (let i = 1; i < seqs.length; i++) assert.equal(seqs[i], seqs[i - 1] + 1, `no gap after seq ${seqs[i - 1]}`);
}

async function storedTexts(chat) {
  const history = await rest("GET", `/api/conversations/${chat.conversationId}/messages?limit=100`, chat.customerToken);
  assert.equal(history.status, 200, JSON.stringify(history.body));
  const messages = history.body.data.messages ?? history.body.data;
  return messages.filter((m) => m.type === "text").map((m) => m.content);
}

test("two users chat: live messages, unread counts, throttled typing, typed refusals", async () => {
  const chat = await chatOf();
  const alice = client(() => chat.customerToken);
  const bob = client(() => chat.performerToken);
  await Promise.all([alice.ready(), bob.ready()]);
  const aliceChat = await alice.join({ orderId: chat.orderId });
  const bobChat = await bob.join({ conversationId: chat.conversationId });
  assert.equal(aliceChat.id, chat.conversationId);
  assert.equal(await alice.join({ conversationId: chat.conversationId }), aliceChat, "joining twice gives the same handle");
  await bobChat.markRead();

  const typingEvents = [];
  bob.on("typing", (event) => typingEvents.push(event));
  for (let i = 0; i < 5; i++) aliceChat.typing();
  await until(() => typingEvents.length >= 1, () => "a typing event");
  const sent = await aliceChat.send("  Hello Bob  ");
  assert.equal(sent.content, "Hello Bob");
  assert.match(sent.clientId, /^sdk-/);
  await until(() => texts(bobChat).includes("Hello Bob"), () => `Bob to hear it: ${texts(bobChat)}`);
  await until(() => typingEvents.some((e) => e.isTyping === false), () => "typing:stop on send");
  assert.equal(typingEvents.filter((e) => e.isTyping).length, 1, "five keystrokes, one typing:start");
  assert.equal(bob.unread(chat.conversationId), 1);
  assert.equal(bob.unread(), 1);
  assert.equal(await bobChat.markRead(), 0);
  assert.equal(bob.unread(), 0);
  await until(() => aliceChat.snapshot().participants.find((p) => p.userId === chat.performer)?.readSeq === sent.seq,
    () => "Alice to see Bob's read receipt");

  await assert.rejects(aliceChat.send("x".repeat(4001)), (error) => {
    assert.ok(error instanceof OrderChatError);
    assert.equal(error.code, "CONTENT_TOO_LONG");
    return true;
  });
  assert.equal(aliceChat.snapshot().pending[0].status, "failed", "a refused send stays, failed, until discarded");
  aliceChat.discard(aliceChat.snapshot().pending[0].clientId);
  assert.equal(aliceChat.snapshot().pending.length, 0);
  await assert.rejects(alice.join({ conversationId: "00000000-0000-0000-0000-000000000000" }),
    (error) => error instanceof OrderChatError && ["NOT_FOUND", "FORBIDDEN"].includes(error.code));
  assertGapFree(bobChat);
});

test("a dropped connection: queued sends arrive exactly once and what was missed is resumed gap-free", async () => {
  const chat = await chatOf();
  const alice = client(() => chat.customerToken);
  const bob = client(() => chat.performerToken);
  await Promise.all([alice.ready(), bob.ready()]);
  const aliceChat = await alice.join({ orderId: chat.orderId });
  const bobChat = await bob.join({ orderId: chat.orderId });
  await aliceChat.send("before the drop");
  const states = [];
  alice.on("state", (event) => states.push(event));

  // In flight when the connection goes: whether or not it reached the server, it is resent with
  // the same clientId after the reconnect and stored once.
  const inFlight = aliceChat.send("in flight");
  alice.socket.io.engine.close();
  await until(() => !alice.connected, () => "the drop to be noticed", 2000);
  const queued = ["queued 1", "queued 2", "queued 3"].map((text) => aliceChat.send(text));
  assert.ok(aliceChat.snapshot().pending.length >= 3, "waiting sends are visible as pending");
  for (const text of ["missed 1", "missed 2", "missed 3"]) await bobChat.send(text);

  await Promise.all([inFlight, ...queued]);
  assert.ok(states.some((s) => s.state === "reconnecting"));
  assert.ok(states.some((s) => s.state === "online" && s.reconnected));
  const expected = ["before the drop", "in flight", "queued 1", "queued 2", "queued 3", "missed 1", "missed 2", "missed 3"];
  await until(() => texts(aliceChat).length === expected.length, () => `Alice to catch up: ${texts(aliceChat)}`);
  await until(() => texts(bobChat).length === expected.length, () => `Bob to get the queued sends: ${texts(bobChat)}`);
  for (const conversation of [aliceChat, bobChat]) {
    assert.deepEqual([...texts(conversation)].sort(), [...expected].sort());
    assertGapFree(conversation);
    assert.equal(conversation.snapshot().pending.length, 0);
  }
  assert.deepEqual((await storedTexts(chat)).sort(), [...expected].sort(), "each stored exactly once");
});

test("a token expiring mid-session: the server drops the socket and the SDK signs in again with a fresh token", async () => {
  const chat = await chatOf();
  let issued = 0;
  const alice = client(() => {
    issued++;
    return issued === 1 ? token(chat.customer, "customer", { ttlSeconds: 2 }) : chat.customerToken;
  });
  const bob = client(() => chat.performerToken);
  await Promise.all([alice.ready(), bob.ready()]);
  const aliceChat = await alice.join({ orderId: chat.orderId });
  const bobChat = await bob.join({ orderId: chat.orderId });
  const expired = new Promise((resolve) => alice.on("session:expired", resolve));
  const notice = await expired;
  assert.equal(notice.code, "TOKEN_EXPIRED");
  const pending = aliceChat.send("sent while the session renews");
  await bobChat.send("said during the renewal");
  await pending;
  await until(() => alice.state === "online" && texts(aliceChat).includes("said during the renewal"),
    () => `Alice back online with what she missed (${alice.state}): ${texts(aliceChat)}`);
  assert.ok(issued >= 2, "getToken() was asked again");
  await until(() => texts(bobChat).includes("sent while the session renews"), () => "Bob to get Alice's send");
  assert.deepEqual((await storedTexts(chat)).sort(), ["said during the renewal", "sent while the session renews"]);
  assertGapFree(aliceChat);
});

test("a token the server refuses for good ends in the expired state with the server's code", async () => {
  const alice = client(() => "not-a-jwt");
  const failed = await alice.ready().then(() => null, (error) => error);
  assert.ok(failed instanceof OrderChatError);
  assert.equal(failed.code, "UNAUTHENTICATED");
  assert.equal(alice.state, "expired");
});

test("a getToken() that throws ends in the expired state instead of a reconnect loop", async () => {
  const alice = client(() => { throw new Error("signed out"); });
  const failed = await alice.ready().then(() => null, (error) => error);
  assert.equal(failed.code, "UNAUTHENTICATED");
  assert.match(failed.message, /signed out/);
  assert.equal(alice.state, "expired");
});

test("sends waiting when the page closed go out once the next page opens (outbox in storage)", async () => {
  const chat = await chatOf();
  const saved = new Map();
  const storage = { getItem: (k) => saved.get(k) ?? null, setItem: (k, v) => saved.set(k, v), removeItem: (k) => saved.delete(k) };
  const first = client(() => chat.customerToken, { storage });
  await first.ready();
  const firstChat = await first.join({ orderId: chat.orderId });
  first.socket.io.reconnection(false);
  first.socket.io.engine.close();
  await until(() => !first.connected, () => "the drop");
  const never = firstChat.send("written before the reload");
  never.catch(() => {});
  assert.equal(saved.size, 1, "the waiting send is in storage");
  first.close();

  const second = client(() => chat.customerToken, { storage });
  await second.ready();
  const secondChat = await second.join({ orderId: chat.orderId });
  await until(() => texts(secondChat).includes("written before the reload"), () => `the resend: ${texts(secondChat)}`);
  await until(() => saved.size === 0, () => "storage emptied");
  assert.deepEqual(await storedTexts(chat), ["written before the reload"]);
});

test("a read on one device clears the unread count on the user's other devices, live; nobody else hears it", async () => {
  const chat = await chatOf();
  const phone = client(() => chat.customerToken);
  const laptop = client(() => chat.customerToken); // the order list: has not joined the conversation
  const tablet = client(() => chat.customerToken); // has the conversation open
  const bob = client(() => chat.performerToken);
  await Promise.all([phone.ready(), laptop.ready(), tablet.ready(), bob.ready()]);
  const heard = { laptop: [], tablet: [], bob: [] };
  for (const [name, device] of [["laptop", laptop], ["tablet", tablet], ["bob", bob]]) {
    device.on("unread:updated", (event) => heard[name].push(event));
  }
  const tabletChat = await tablet.join({ orderId: chat.orderId });
  const bobChat = await bob.join({ orderId: chat.orderId });
  await bobChat.send("one");
  await bobChat.send("two");
  await until(() => laptop.unread(chat.conversationId) >= 2 && tabletChat.snapshot().unreadCount >= 2,
    () => `unread on the laptop ${laptop.unread(chat.conversationId)}, on the tablet ${tabletChat.snapshot().unreadCount}`);

  // Another user's read: the customer's devices hear it as a read receipt only (conversation:read
  // where joined), never as a change of their own counts.
  await bobChat.markRead();
  await until(() => tabletChat.snapshot().participants.some((p) => p.userId === chat.performer && p.readSeq >= bobChat.snapshot().lastSeq),
    () => "bob's receipt on the tablet");
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.deepEqual(heard.laptop, []);
  assert.deepEqual(heard.tablet, []);
  assert.ok(laptop.unread(chat.conversationId) >= 2, "the laptop's count is untouched by bob's read");

  const phoneChat = await phone.join({ orderId: chat.orderId });
  await phoneChat.markRead();
  await until(() => laptop.unread(chat.conversationId) === 0 && laptop.unread() === 0,
    () => `the laptop's unread ${laptop.unread(chat.conversationId)} (total ${laptop.unread()})`, 4000);
  await until(() => tabletChat.snapshot().unreadCount === 0, () => `the tablet's unread ${tabletChat.snapshot().unreadCount}`, 4000);
  assert.deepEqual(heard.laptop.map((event) => [event.conversationId, event.unreadCount]), [[chat.conversationId, 0]]);
  assert.equal(heard.laptop[0].readSeq, phoneChat.snapshot().lastSeq);
  // Bob heard his own read (his devices' counts) and not the customer's (a receipt only).
  assert.equal(heard.bob.length, 1, JSON.stringify(heard.bob));
});
