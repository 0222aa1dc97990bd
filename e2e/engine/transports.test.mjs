// The stock socket.io-client@4 over each transport, and the upgrade between them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { connect, next, request } from "./helpers.mjs";

test("connects over HTTP long-polling only", { timeout: 15000 }, async () => {
  const socket = await connect({ transports: ["polling"], auth: { token: "poll" } });
  try {
    assert.equal(socket.io.engine.transport.name, "polling");
    const [reply] = await request(socket, "echo", { hello: "polling" });
    assert.deepEqual(reply, { hello: "polling" });
    const [auth] = await request(socket, "whoami");
    assert.deepEqual(auth, { token: "poll" });
  } finally {
    socket.close();
  }
});

test("connects over WebSocket only", { timeout: 15000 }, async () => {
  const socket = await connect({ transports: ["websocket"] });
  try {
    assert.equal(socket.io.engine.transport.name, "websocket");
    const [a, b] = await request(socket, "echo", 1, "two");
    assert.deepEqual([a, b], [1, "two"]);
  } finally {
    socket.close();
  }
});

test("upgrades from polling to WebSocket and keeps working", { timeout: 15000 }, async () => {
  const socket = await connect();
  try {
    if (socket.io.engine.transport.name !== "websocket") {
      await next(socket.io.engine, "upgrade");
    }
    assert.equal(socket.io.engine.transport.name, "websocket");
    const [reply] = await request(socket, "echo", "after upgrade");
    assert.equal(reply, "after upgrade");
  } finally {
    socket.close();
  }
});

test("sees a server-side disconnect as 'io server disconnect'", { timeout: 15000 }, async () => {
  const socket = await connect({ transports: ["websocket"] });
  const disconnected = next(socket, "disconnect");
  socket.emit("disconnect-me");
  const [reason] = await disconnected;
  assert.equal(reason, "io server disconnect");
  socket.close();
});
