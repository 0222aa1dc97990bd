// Events, binary attachments, acknowledgements and rooms with the stock client.
import { test } from "node:test";
import assert from "node:assert/strict";
import { connect, next, request, sleep } from "./helpers.mjs";

for (const transport of ["polling", "websocket"]) {
  test(`binary travels both ways over ${transport}`, { timeout: 15000 }, async () => {
    const socket = await connect({ transports: [transport] });
    try {
      const payload = Buffer.from([0, 1, 2, 253, 254, 255]);
      const [echoed, meta] = await request(socket, "echo-bin", payload, { nested: [Buffer.from("hi")] });
      assert.ok(Buffer.isBuffer(echoed) || echoed instanceof ArrayBuffer);
      assert.deepEqual(Buffer.from(echoed), payload);
      assert.deepEqual(Buffer.from(meta.nested[0]).toString(), "hi");
    } finally {
      socket.close();
    }
  });
}

test("acknowledgements work both ways", { timeout: 15000 }, async () => {
  const socket = await connect({ transports: ["websocket"] });
  try {
    const [reply] = await request(socket, "echo", "client→server");
    assert.equal(reply, "client→server");

    socket.on("question", (q, callback) => callback(`answer to ${q}`));
    const answered = next(socket, "answer");
    socket.emit("ask-me", "life");
    const [answer] = await answered;
    assert.equal(answer, "answer to life");
  } finally {
    socket.close();
  }
});

test("broadcasts reach the room, minus exclusions, and nobody else", { timeout: 15000 }, async () => {
  const [a, b, c] = await Promise.all([connect(), connect({ transports: ["polling"] }), connect({ transports: ["websocket"] })]);
  try {
    await request(a, "join", "r1");
    await request(b, "join", "r1");
    const received = { a: [], b: [], c: [] };
    a.on("room-msg", (m) => received.a.push(m));
    b.on("room-msg", (m) => received.b.push(m));
    c.on("room-msg", (m) => received.c.push(m));

    c.emit("to-room", "r1", "hello room");
    a.emit("to-room-except-me", "r1", "from a");
    await sleep(700);

    assert.deepEqual(received.a, ["hello room"]);
    assert.deepEqual(received.b.sort(), ["from a", "hello room"]);
    assert.deepEqual(received.c, []);
  } finally {
    a.close(); b.close(); c.close();
  }
});

test("a middleware refusal reaches the client as connect_error with its data", { timeout: 15000 }, async () => {
  await assert.rejects(connect({ auth: { token: "reject-me" } }), (err) => {
    assert.equal(err.message, "bad token");
    assert.deepEqual(err.data, { reason: "token refused" });
    return true;
  });
});

test("an unknown namespace is refused", { timeout: 15000 }, async () => {
  const { io } = await import("socket.io-client");
  const { URL } = await import("./helpers.mjs");
  const socket = io(`${URL}/nowhere`, { forceNew: true, reconnection: false });
  const [err] = await next(socket, "connect_error");
  assert.equal(err.message, "Invalid namespace");
  socket.close();
});
