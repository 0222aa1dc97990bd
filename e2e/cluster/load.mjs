// A chat load for the cluster's fault tests (ClusterFaultIT runs it; not a test file of its own).
// CLIENTS real socket.io-clients (half WebSocket, half long-polling with cookies) connect through the
// load balancer (ORDERCHAT_URL), two per conversation, and send with client ids as fast as the server
// acknowledges (SEND_INTERVAL_MS apart). A client that loses its node reconnects with socket.io's
// own back-off, resumes by seq (`sync:resume`) and resends what was not acknowledged with the same
// client id. It prints "ACKED <n>" every 250 ms. Commands on stdin: "mark" (from now on, count the
// messages the peer did not hear live), "stop" (stop sending, resend what is pending, catch up,
// check). Then it prints "RESULT <json>": problems (empty when nothing was lost, doubled or out of
// sequence and every client holds every conversation's complete sequence) and figures.
import { createInterface } from "node:readline";
import { io } from "socket.io-client";
import { token, unique, orderBetween, URL } from "../support.mjs";

const CLIENTS = Number(process.env.CLIENTS ?? 50);
const SEND_INTERVAL_MS = Number(process.env.SEND_INTERVAL_MS ?? 200);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

let running = true;
let markedAt = null;
const clients = [];

class Client {
  constructor(index, userId, role, conversationId) {
    this.index = index;
    this.userId = userId;
    this.conversationId = conversationId;
    this.received = new Map(); // seq → { clientId, live }
    this.acked = new Map(); // clientId → { seq, id, at }
    this.pending = null;
    this.next = 0;
    this.ready = false;
    this.reconnects = 0;
    this.resumeFailures = 0;
    const polling = index % 2 === 1;
    this.socket = io(URL, {
      auth: { token: token(userId, role) },
      transports: polling ? ["polling"] : ["websocket"],
      withCredentials: true,
      forceNew: true,
      reconnectionDelay: 200,
      reconnectionDelayMax: 1000,
      randomizationFactor: 0.5,
      timeout: 5000,
    });
    this.socket.on("connect", () => this.resume());
    this.socket.on("disconnect", (reason) => { this.ready = false; this.reconnects++; this.lastDisconnect = reason; });
    this.socket.on("message", (event) => {
      if (event.conversationId === this.conversationId) this.add(event.message, true);
    });
  }

  add(message, live) {
    if (!this.received.has(message.seq)) this.received.set(message.seq, { clientId: message.clientId, live, at: Date.now() });
  }

  /** The highest seq up to which nothing is missing. */
  contiguous() {
    let seq = 0;
    while (this.received.has(seq + 1)) seq++;
    return seq;
  }

  async resume() {
    for (;;) {
      let answer;
      try {
        answer = await this.socket.timeout(5000).emitWithAck("sync:resume",
          { conversations: [{ conversationId: this.conversationId, lastSeq: this.contiguous() }] });
      } catch {
        this.resumeFailures++;
        if (!this.socket.connected) return; // the next connect resumes again
        continue;
      }
      if (!answer.ok) { this.resumeFailures++; await sleep(200); if (!this.socket.connected) return; continue; }
      const page = answer.data.conversations[0];
      page.messages.forEach((message) => this.add(message, false));
      if (!page.hasMore) break;
    }
    this.ready = true;
  }

  async sendLoop() {
    while (running || this.pending) {
      if (!this.ready || !this.socket.connected) { await sleep(50); continue; }
      if (!this.pending) this.pending = `c${this.index}-${this.next++}`;
      const clientId = this.pending;
      let answer;
      try {
        answer = await this.socket.timeout(5000).emitWithAck("message:send",
          { conversationId: this.conversationId, content: `text of ${clientId}`, clientId });
      } catch {
        continue; // no answer: resend the same client id once connected again
      }
      if (answer.ok) {
        this.acked.set(clientId, { seq: answer.data.message.seq, id: answer.data.message.id, at: Date.now() });
        this.pending = null;
        await sleep(SEND_INTERVAL_MS);
      } else {
        await sleep(100);
      }
    }
  }
}

async function history(client) {
  const messages = [];
  let after = 0;
  for (;;) {
    const response = await fetch(`${URL}/api/conversations/${client.conversationId}/messages?after=${after}&limit=200`,
      { headers: { authorization: `Bearer ${token(client.userId, "customer")}` } });
    const body = await response.json();
    if (response.status !== 200) throw new Error(`history ${response.status} ${JSON.stringify(body)}`);
    messages.push(...body.data.messages);
    if (!body.data.hasMore || body.data.messages.length === 0) return messages;
    after = body.data.messages.at(-1).seq;
  }
}

async function verify() {
  const problems = [];
  const byConversation = new Map();
  for (const client of clients) {
    if (!byConversation.has(client.conversationId)) byConversation.set(client.conversationId, []);
    byConversation.get(client.conversationId).push(client);
  }
  let stored = 0, acked = 0, missedLive = 0, liveAfterMark = 0;
  for (const [conversationId, members] of byConversation) {
    const all = await history(members[0]);
    const messages = all.filter((m) => m.type === "text");
    all.forEach((message, i) => {
      if (message.seq !== i + 1) problems.push(`${conversationId}: seq ${message.seq} at position ${i + 1}`);
    });
    const bySeq = new Map(all.map((m) => [m.seq, m]));
    const seen = new Map();
    for (const message of messages) {
      if (seen.has(message.clientId)) problems.push(`${conversationId}: client id ${message.clientId} stored twice`);
      seen.set(message.clientId, message);
    }
    stored += messages.length;
    for (const member of members) {
      for (const [clientId, ack] of member.acked) {
        acked++;
        const message = bySeq.get(ack.seq);
        if (!message || message.clientId !== clientId || message.id !== ack.id) {
          problems.push(`${conversationId}: acknowledged ${clientId} (seq ${ack.seq}) lost: ${JSON.stringify(message)}`);
        }
      }
      const last = all.length ? all.at(-1).seq : 0;
      if (member.contiguous() !== last) problems.push(`${member.userId} holds up to seq ${member.contiguous()} of ${last}`);
      if (member.received.size !== last) problems.push(`${member.userId} holds ${member.received.size} messages of ${last}`);
    }
    if (markedAt !== null) {
      // after the mark, every message one member sent reached the other one live
      const [a, b] = members;
      for (const [sender, peer] of [[a, b], [b, a]]) {
        for (const ack of sender.acked.values()) {
          if (ack.at < markedAt) continue;
          liveAfterMark++;
          if (!peer.received.get(ack.seq)?.live) missedLive++;
        }
      }
    }
  }
  if (stored !== acked) problems.push(`${stored} text messages stored, ${acked} acknowledged`);
  // presence: each member sees the other online
  let presenceWrong = 0;
  for (const client of clients) {
    const joined = await client.socket.timeout(5000).emitWithAck("conversation:join", { conversationId: client.conversationId });
    const others = joined.data.participants.filter((p) => p.userId !== client.userId && p.role !== "system");
    if (others.some((p) => p.online !== true)) presenceWrong++;
  }
  if (presenceWrong > 0) problems.push(`${presenceWrong} clients see a connected peer offline`);
  if (markedAt !== null && missedLive > 0) problems.push(`${missedLive} of ${liveAfterMark} messages after the mark were not heard live by the peer`);
  return {
    problems: problems.slice(0, 50), problemCount: problems.length, acked, stored,
    reconnects: clients.reduce((sum, c) => sum + c.reconnects, 0),
    resumeFailures: clients.reduce((sum, c) => sum + c.resumeFailures, 0),
    liveAfterMark, missedLive,
  };
}

async function main() {
  for (let i = 0; i < CLIENTS; i += 2) {
    const customer = unique("lc");
    const performer = unique("lp");
    const placed = await orderBetween(customer, performer);
    clients.push(new Client(i, customer, "customer", placed.chatRoomId));
    clients.push(new Client(i + 1, performer, "performer", placed.chatRoomId));
  }
  const loops = clients.map((client) => client.sendLoop());
  const progress = setInterval(() => {
    console.log(`ACKED ${clients.reduce((sum, c) => sum + c.acked.size, 0)}`);
  }, 250);
  const input = createInterface({ input: process.stdin });
  const stopped = new Promise((resolve) => input.on("line", (line) => {
    if (line.trim() === "mark") markedAt = Date.now();
    if (line.trim() === "stop") resolve();
  }));
  await stopped;
  running = false;
  const watchdog = setInterval(() => {
    const stuck = clients.filter((c) => c.pending || !c.socket.connected || !c.ready);
    console.log(`waiting for ${stuck.length} clients: ${stuck.slice(0, 5).map((c) => `${c.userId} connected=${c.socket.connected} ready=${c.ready} pending=${c.pending} last=${c.lastDisconnect}`).join("; ")}`);
  }, 10000);
  await Promise.all(loops);
  // catch up: whatever was published but not heard, by seq
  await Promise.all(clients.map(async (client) => {
    while (!client.socket.connected) await sleep(50);
    await client.resume();
  }));
  clearInterval(progress);
  clearInterval(watchdog);
  const result = await verify();
  console.log(`RESULT ${JSON.stringify(result)}`);
  clients.forEach((client) => client.socket.close());
  input.close();
}

main().catch((error) => {
  console.log(`RESULT ${JSON.stringify({ problems: [String(error.stack ?? error)], problemCount: 1 })}`);
  process.exit(1);
});
