// Below Socket.IO: raw Engine.IO connections and the served client bundle.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Socket as EngineSocket } from "engine.io-client";
import { URL, connect, next, request, sleep } from "./helpers.mjs";

test("a raw connection that never sends CONNECT receives nothing", { timeout: 15000 }, async () => {
  const raw = new EngineSocket(URL, { path: "/socket.io/", transports: ["websocket"] });
  const messages = [];
  raw.on("message", (data) => messages.push(data));
  await next(raw, "open");
  const socket = await connect();
  try {
    socket.emit("broadcast-all", "to everyone");
    await next(socket, "everyone");
    await sleep(300);
    assert.deepEqual(messages, []);
  } finally {
    socket.close();
    raw.close();
  }
});

for (const [file, type] of [
  ["socket.io.js", "application/javascript"],
  ["socket.io.min.js", "application/javascript"],
  ["socket.io.esm.min.js", "application/javascript"],
  ["socket.io.js.map", "application/json"],
  ["socket.io.min.js.map", "application/json"],
]) {
  test(`serves /socket.io/${file} from the npm package with caching headers`, { timeout: 15000 }, async () => {
    const response = await fetch(`${URL}/socket.io/${file}`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get("content-type"), new RegExp(`^${type}`));
    const etag = response.headers.get("etag");
    assert.ok(etag, "ETag header");
    assert.equal(response.headers.get("cache-control"), "public, max-age=0");
    const body = await response.text();
    if (file === "socket.io.js") {
      assert.match(body, /Socket\.IO v4\.8\.4/);
    }
    const again = await fetch(`${URL}/socket.io/${file}`, { headers: { "If-None-Match": etag } });
    assert.equal(again.status, 304);
  });
}

test("answers bad handshakes with the protocol's errors", { timeout: 15000 }, async () => {
  const cases = [
    ["?EIO=3&transport=polling", 400, 5],
    ["?EIO=4&transport=carrier-pigeon", 400, 0],
    ["?EIO=4&transport=polling&sid=nope", 400, 1],
  ];
  for (const [query, status, code] of cases) {
    const response = await fetch(`${URL}/socket.io/${query}`);
    assert.equal(response.status, status, query);
    assert.equal((await response.json()).code, code, query);
  }
  const post = await fetch(`${URL}/socket.io/?EIO=4&transport=polling`, { method: "POST", body: "40" });
  assert.equal(post.status, 400);
  assert.equal((await post.json()).code, 2);
});

test("refuses oversize payloads without disturbing other clients", { timeout: 20000 }, async () => {
  const { WebSocket } = await import("ws");
  const bystander = await connect({ transports: ["websocket"] });
  try {
    const handshake = await (await fetch(`${URL}/socket.io/?EIO=4&transport=polling`)).text();
    const sid = JSON.parse(handshake.substring(1)).sid;
    const post = await fetch(`${URL}/socket.io/?EIO=4&transport=polling&sid=${sid}`, {
      method: "POST",
      body: "4" + "x".repeat(1_000_001),
    });
    assert.equal(post.status, 413);
    const after = await fetch(`${URL}/socket.io/?EIO=4&transport=polling&sid=${sid}`);
    assert.equal(after.status, 400, "the session is closed");

    const ws = new WebSocket(`${URL.replace("http", "ws")}/socket.io/?EIO=4&transport=websocket`);
    await next(ws, "message");
    ws.send("4" + "y".repeat(1_000_001));
    const [code] = await next(ws, "close");
    assert.equal(code, 1009);

    const [reply] = await request(bystander, "echo", "still fine");
    assert.equal(reply, "still fine");
  } finally {
    bystander.close();
  }
});
