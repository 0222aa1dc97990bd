// A cluster of OrderChat nodes (ClusterIT starts them with Redis and HAProxy): what one node knows,
// the others know too. ORDERCHAT_URL is HAProxy; NODE_URLS the nodes themselves, comma-separated, so
// that a test can put each client on the node it wants.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { token, call, URL } from "../support.mjs";
import { NODES, closeSockets, connectTo, restAt, chat, eventually } from "./cluster-support.mjs";

after(closeSockets);

const onlineOf = (joined, userId) => joined.data.participants.find((p) => p.userId === userId)?.online;

test("a user connected to one node is online for a user on another node, and offline once gone", async () => {
  assert.ok(NODES.length >= 2, "NODE_URLS names at least two nodes");
  const c = await chat();
  const performer = await connectTo(NODES[0], c.performerToken);
  const customer = await connectTo(NODES[1], c.customerToken);

  const joined = await call(customer, "conversation:join", { conversationId: c.conversationId });
  assert.equal(joined.ok, true, JSON.stringify(joined));
  assert.equal(onlineOf(joined, c.performer), true, "the performer's socket is on the other node");

  performer.close();
  await eventually(async () => {
    const again = await call(customer, "conversation:join", { conversationId: c.conversationId });
    return onlineOf(again, c.performer) === false;
  }, "the performer offline after their only socket closed");
});

test("a rate limit is spent once for the cluster, whichever node the requests reach", async () => {
  // ClusterIT runs the nodes with a burst of 4 messages and a refill of 1 per minute
  const c = await chat();
  const send = (node, i) => restAt(NODES[node], "POST", `/api/conversations/${c.conversationId}/messages`,
    c.customerToken, { content: `message ${i}`, clientId: `rate-${i}` });
  const answers = [];
  for (let i = 0; i < 4; i++) answers.push((await send(i % 2, i)).status);
  assert.deepEqual(answers, [201, 201, 201, 201]);
  const refusedOnA = await send(0, 4);
  const refusedOnB = await send(1, 5);
  assert.equal(refusedOnA.status, 429, JSON.stringify(refusedOnA.body));
  assert.equal(refusedOnA.body.error.code, "RATE_LIMITED");
  assert.equal(refusedOnB.status, 429, JSON.stringify(refusedOnB.body));
});

test("a download link signed by one node works on another", async () => {
  const c = await chat();
  const bytes = Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
  const form = new FormData();
  form.append("attachments", new Blob([bytes], { type: "application/pdf" }), "terms.pdf");
  const uploaded = await fetch(NODES[0] + "/api/attachments", {
    method: "POST", headers: { authorization: `Bearer ${c.customerToken}` }, body: form,
  });
  const uploadBody = await uploaded.json();
  assert.ok(uploaded.status < 300, JSON.stringify(uploadBody));
  const id = uploadBody.data[0].id;

  const described = await restAt(NODES[0], "GET", `/api/attachments/${id}`, c.customerToken);
  assert.equal(described.status, 200, JSON.stringify(described.body));
  const link = described.body.data.signedUrl;
  assert.match(link, /[?&]signature=/);

  const fetched = await fetch(NODES[1] + link);
  assert.equal(fetched.status, 200);
  assert.deepEqual(Buffer.from(await fetched.arrayBuffer()), bytes);
  const tampered = await fetch(NODES[1] + link.replace(/signature=(.)/, (_, first) => `signature=${first === "A" ? "B" : "A"}`));
  assert.equal(tampered.status, 403);
});

test("through HAProxy: WebSocket passes through, long-polling stays on its node", async () => {
  const c = await chat();
  const websocket = await connectTo(URL, c.customerToken, { transports: ["websocket"] });
  assert.equal((await call(websocket, "conversation:join", { conversationId: c.conversationId })).ok, true);

  // polling only: every request of the session must reach the node that opened it (HAProxy's cookie)
  const polling = await connectTo(URL, c.performerToken, { transports: ["polling"], withCredentials: true });
  for (let i = 0; i < 10; i++) {
    const joined = await call(polling, "conversation:join", { conversationId: c.conversationId });
    assert.equal(joined.ok, true, JSON.stringify(joined));
  }
  assert.equal(polling.connected, true);
  assert.equal(polling.io.engine.transport.name, "polling");
});
