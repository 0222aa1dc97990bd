// Unit tests of a conversation's bookkeeping, against a scripted host (no server): ordering and
// dedupe by seq, gap filling, the outbox and its resends, typing throttling, unread counts.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ConversationHandle, OrderChatError } from "../dist/index.js";

const message = (seq, extra = {}) => ({ id: `m${seq}`, conversationId: "c1", seq, type: "text", content: `#${seq}`, senderId: "bob", ...extra });

/** A host whose answers the test scripts; records every command. */
function host({ answers = {}, connected = true, userId = "alice" } = {}) {
  const sent = [];
  let next = 0;
  return {
    sent, userId, connected, typingRefreshMs: 1000, typingIdleMs: 50,
    unread: new Map(),
    request(command, payload) {
      sent.push({ command, payload });
      const answer = answers[command];
      if (!answer) return Promise.resolve({});
      try {
        return Promise.resolve(typeof answer === "function" ? answer(payload) : answer);
      } catch (error) {
        return Promise.reject(error);
      }
    },
    newClientId: () => `c-${++next}`,
    unreadChanged(id, count) { this.unread.set(id, count); },
    outboxChanged() {},
    forget() {},
  };
}

const joined = (messages, extra = {}) => ({
  conversation: { id: "c1", kind: "order", subjectId: "o1", lastSeq: messages.at(-1)?.seq ?? 0 },
  participants: [{ userId: "bob", name: "Bob", role: "performer", online: false }],
  messages, unreadCount: 0, lastSeq: messages.at(-1)?.seq ?? 0, readSeq: messages.at(-1)?.seq ?? 0, ...extra,
});

const seqs = (conversation) => conversation.snapshot().messages.map((m) => m.seq);
const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

test("messages stay ordered by seq without duplicates, whatever order they come in", () => {
  const conversation = new ConversationHandle(host(), joined([message(1), message(2)]));
  conversation.messageArrived(message(3));
  conversation.messageArrived(message(3));
  conversation.messageArrived(message(2));
  assert.deepEqual(seqs(conversation), [1, 2, 3]);
});

test("a gap in the live seqs is filled from history (afterSeq), exactly the missing ones", async () => {
  const h = host({ answers: { "message:history": ({ afterSeq }) => ({ messages: [message(afterSeq + 1), message(afterSeq + 2), message(afterSeq + 3)].filter((m) => m.seq < 5), hasMore: false }) } });
  const conversation = new ConversationHandle(h, joined([message(1), message(2)]));
  conversation.messageArrived(message(5));
  await tick(10);
  assert.deepEqual(h.sent.filter((s) => s.command === "message:history").map((s) => s.payload.afterSeq), [2]);
  assert.deepEqual(seqs(conversation), [1, 2, 3, 4, 5]);
});

test("resume asks from the last seq held, pages while hasMore, then resends the waiting sends with the same clientId", async () => {
  const pages = [
    { conversations: [{ conversationId: "c1", messages: [message(3), message(4)], hasMore: true, lastSeq: 4 }] },
    { conversations: [{ conversationId: "c1", messages: [message(5)], hasMore: false, lastSeq: 5 }] },
  ];
  const h = host({
    connected: false,
    answers: {
      "sync:resume": () => pages.shift(),
      "message:send": ({ clientId, content }) => ({ duplicate: false, message: message(6, { clientId, content, senderId: "alice" }) }),
    },
  });
  const conversation = new ConversationHandle(h, joined([message(1), message(2)]));
  const sending = conversation.send("offline");
  assert.equal(h.sent.filter((s) => s.command === "message:send").length, 0, "nothing goes out while offline");
  assert.equal(conversation.snapshot().pending[0].status, "pending");
  h.connected = true;
  await conversation.resume();
  const stored = await sending;
  assert.deepEqual(h.sent.filter((s) => s.command === "sync:resume").map((s) => s.payload.conversations[0].lastSeq), [2, 4]);
  assert.equal(stored.clientId, "c-1");
  assert.deepEqual(seqs(conversation), [1, 2, 3, 4, 5, 6]);
  assert.equal(conversation.snapshot().pending.length, 0);
  // The server subscribes before it reads: what the resume answered is complete, no history asked after it.
  assert.deepEqual(h.sent.filter((s) => s.command === "message:history"), []);
});

test("a send that timed out stays waiting; a refused one fails with the server's code and can be retried", async () => {
  let refuse = true;
  const h = host({
    answers: {
      "message:send": ({ clientId }) => {
        if (clientId === "c-1") throw new OrderChatError("TIMEOUT", "no answer");
        if (refuse) throw new OrderChatError("RATE_LIMITED", "slow down");
        return { duplicate: false, message: message(3, { clientId, senderId: "alice" }) };
      },
    },
  });
  const conversation = new ConversationHandle(h, joined([message(1), message(2)]));
  void conversation.send("timed out");
  const refused = conversation.send("refused");
  await assert.rejects(refused, (error) => error instanceof OrderChatError && error.code === "RATE_LIMITED");
  const pending = conversation.snapshot().pending;
  assert.deepEqual(pending.map((p) => [p.clientId, p.status]), [["c-1", "pending"], ["c-2", "failed"]]);
  assert.deepEqual(pending[1].error, { code: "RATE_LIMITED", message: "slow down" });
  refuse = false;
  conversation.retry("c-2");
  await tick(5);
  assert.deepEqual(conversation.snapshot().pending.map((p) => p.clientId), ["c-1"]);
  assert.equal(h.sent.filter((s) => s.payload.clientId === "c-2").length, 2, "retried with the same clientId");
});

test("the live echo of a send settles it even before the acknowledgement", async () => {
  const h = host({ answers: { "message:send": () => new Promise(() => {}) } });
  const conversation = new ConversationHandle(h, joined([]));
  const sending = conversation.send("hi");
  conversation.messageArrived(message(1, { clientId: "c-1", senderId: "alice", content: "hi" }));
  assert.equal((await sending).seq, 1);
  assert.equal(conversation.snapshot().pending.length, 0);
});

test("typing: one typing:start per refresh interval while typing, typing:stop after a pause and on send", async () => {
  const h = host({ answers: { "message:send": ({ clientId }) => ({ message: message(1, { clientId, senderId: "alice" }) }) } });
  const conversation = new ConversationHandle(h, joined([]));
  for (let i = 0; i < 10; i++) conversation.typing();
  const commands = () => h.sent.map((s) => s.command).filter((c) => c.startsWith("typing"));
  assert.deepEqual(commands(), ["typing:start"]);
  await tick(80);
  assert.deepEqual(commands(), ["typing:start", "typing:stop"], "stop after the idle pause");
  conversation.typing();
  await conversation.send("done");
  assert.deepEqual(commands(), ["typing:start", "typing:stop", "typing:start", "typing:stop"], "stop on send");
  conversation.stopTyping();
  assert.equal(commands().length, 4, "no stop without a start");
});

test("unread counts others' new messages, not the user's own, and a read resets it", async () => {
  const h = host({ answers: { "conversation:read": ({ seq }) => ({ conversationId: "c1", readSeq: seq, unreadCount: 0 }) } });
  const conversation = new ConversationHandle(h, joined([message(1)]));
  conversation.messageArrived(message(2));
  conversation.messageArrived(message(3, { senderId: "alice" }));
  conversation.messageArrived(message(2));
  assert.equal(conversation.snapshot().unreadCount, 1);
  assert.equal(h.unread.get("c1"), 1);
  assert.equal(await conversation.markRead(), 0);
  assert.equal(h.unread.get("c1"), 0);
  assert.equal(h.sent.find((s) => s.command === "conversation:read").payload.seq, 3);
});

test("typers and presence follow the events; a message from a typer clears them", () => {
  const conversation = new ConversationHandle(host(), joined([]));
  conversation.typingChanged({ conversationId: "c1", userId: "bob", name: "Bob", isTyping: true });
  conversation.typingChanged({ conversationId: "c1", userId: "alice", name: "Alice", isTyping: true });
  assert.deepEqual(conversation.snapshot().typing, [{ userId: "bob", name: "Bob" }], "never the user themself");
  conversation.messageArrived(message(1));
  assert.deepEqual(conversation.snapshot().typing, []);
  conversation.presence("bob", true);
  assert.equal(conversation.snapshot().participants.find((p) => p.userId === "bob").online, true);
  conversation.memberChanged({ conversationId: "c1", userId: "mod", name: "Mo", role: "moderator" }, "added");
  conversation.memberChanged({ conversationId: "c1", userId: "bob", name: "Bob", role: "performer" }, "removed");
  assert.deepEqual(conversation.snapshot().participants.map((p) => p.userId), ["mod"]);
});

test("the snapshot is the same object until something changes", () => {
  const conversation = new ConversationHandle(host(), joined([message(1)]));
  const first = conversation.snapshot();
  assert.equal(conversation.snapshot(), first);
  conversation.messageArrived(message(2));
  assert.notEqual(conversation.snapshot(), first);
});

test("a seq the user may not see (an internal note) is fetched for once, not on every later message", async () => {
  const h = host({ answers: { "message:history": ({ afterSeq }) => ({ messages: [message(4)].filter((m) => m.seq > afterSeq), hasMore: false }) } });
  const conversation = new ConversationHandle(h, joined([message(1), message(2)]));
  conversation.messageArrived(message(4));
  await tick(10);
  conversation.messageArrived(message(5));
  conversation.messageArrived(message(6));
  await tick(10);
  assert.equal(h.sent.filter((s) => s.command === "message:history").length, 1);
  assert.deepEqual(seqs(conversation), [1, 2, 4, 5, 6]);
});

test("an acknowledged send above the seqs held fills what was missed before it", async () => {
  const h = host({
    answers: {
      "message:send": ({ clientId }) => ({ duplicate: false, message: message(4, { clientId, senderId: "alice" }) }),
      "message:history": ({ afterSeq }) => ({ messages: [message(3), message(4)].filter((m) => m.seq > afterSeq), hasMore: false }),
    },
  });
  const conversation = new ConversationHandle(h, joined([message(1), message(2)]));
  await conversation.send("after a miss");
  await tick(10);
  assert.deepEqual(seqs(conversation), [1, 2, 3, 4]);
});

test("after a resume, a message stored meanwhile comes live (once per seq); history is not asked again", async () => {
  const h = host({
    answers: { "sync:resume": { conversations: [{ conversationId: "c1", messages: [message(3)], hasMore: false, lastSeq: 3 }] } },
  });
  const conversation = new ConversationHandle(h, joined([message(1), message(2)]));
  await conversation.resume();
  // The server subscribed the socket before reading: #3 may come both ways, #4 comes live.
  conversation.messageArrived(message(3));
  conversation.messageArrived(message(4));
  await tick(10);
  assert.deepEqual(h.sent.filter((s) => s.command === "message:history"), []);
  assert.deepEqual(seqs(conversation), [1, 2, 3, 4]);
  assert.equal(conversation.snapshot().unreadCount, 2, "both missed messages from Bob are unread, once each");
});

test("a conversation joined twice stays joined until both let go", async () => {
  const h = host();
  const conversation = new ConversationHandle(h, joined([]));
  conversation.hold();
  await conversation.leave();
  assert.equal(h.sent.filter((s) => s.command === "conversation:leave").length, 0);
  await conversation.leave();
  assert.equal(h.sent.filter((s) => s.command === "conversation:leave").length, 1);
});

test("a reply goes out with replyTo; reactions come in whole and the user's own is told by their id", async () => {
  const h = host({ answers: {
    "message:send": ({ clientId, replyTo }) => ({ message: message(3, { clientId, senderId: "alice", replyTo: { seq: replyTo, senderName: "Bob", excerpt: "#1", deleted: false } }), duplicate: false }),
    "message:react": ({ seq, emoji }) => ({ conversationId: "c1", messageId: `m${seq}`, seq, reactions: [{ emoji, count: 2, userIds: ["bob", "alice"] }] }),
  } });
  const conversation = new ConversationHandle(h, joined([message(1), message(2)]));

  const sent = await conversation.send("yes", { replyTo: 1 });
  const reactions = await conversation.react(2, "👍");

  assert.equal(h.sent.find((s) => s.command === "message:send").payload.replyTo, 1);
  assert.equal(sent.replyTo.seq, 1);
  assert.deepEqual(reactions.map((r) => r.count), [2]);
  const two = conversation.snapshot().messages.find((m) => m.seq === 2);
  assert.equal(conversation.reactedWith(two, "👍"), true);
  assert.equal(conversation.reactedWith(two, "❤️"), false);

  conversation.reactionsChanged({ conversationId: "c1", messageId: "m2", seq: 2, reactions: [{ emoji: "👍", count: 1, userIds: ["bob"] }] });
  assert.equal(conversation.reactedWith(conversation.snapshot().messages.find((m) => m.seq === 2), "👍"), false);
});

test("deleting a quoted message empties its reactions and shows its quote deleted in the replies", () => {
  const conversation = new ConversationHandle(host(), joined([
    message(1, { reactions: [{ emoji: "👍", count: 1, userIds: ["bob"] }] }),
    message(2, { replyTo: { seq: 1, senderName: "Bob", excerpt: "#1", deleted: false } }),
  ]));

  conversation.messageDeleted(1);

  const [one, two] = conversation.snapshot().messages;
  assert.deepEqual(one.reactions, []);
  assert.deepEqual(two.replyTo, { seq: 1, senderName: null, excerpt: null, deleted: true });
});

test("a read on another device sets the unread count; messages that came after it stay unread, an older read changes nothing", () => {
  const h = host();
  const conversation = new ConversationHandle(h, joined([message(1), message(2)], { readSeq: 0, unreadCount: 2 }));
  conversation.messageArrived(message(3));
  assert.equal(conversation.snapshot().unreadCount, 3);
  conversation.readElsewhere(2, 0); // counted on the server before #3 was stored
  assert.equal(conversation.snapshot().unreadCount, 1);
  assert.equal(h.unread.get("c1"), 1);
  conversation.readElsewhere(3, 0);
  assert.equal(conversation.snapshot().unreadCount, 0);
  conversation.readElsewhere(1, 2); // a late, older read
  assert.equal(conversation.snapshot().unreadCount, 0);
});
