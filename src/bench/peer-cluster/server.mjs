// The socket.io reference peer of ../shared/bench-peer/server.mjs as one node of a cluster: the
// same events (join → ack, to-room → room-msg to the room, echo → ack) on socket.io 4.8, with
// @socket.io/redis-adapter carrying every broadcast to the other processes. That server builds its
// own Server and takes no adapter, so these few lines repeat its bench events here.
// usage: PEER_PORT=3201 REDIS_URL=redis://127.0.0.1:6379 [PEER_ADAPTER=sharded|classic] node server.mjs
import { createServer } from "node:http";
import { Server } from "socket.io";
import { createAdapter, createShardedAdapter } from "@socket.io/redis-adapter";
import { createClient } from "redis";

const port = Number(process.env.PEER_PORT ?? 3201);
const sharded = (process.env.PEER_ADAPTER ?? "sharded") === "sharded";
const pub = createClient({ url: process.env.REDIS_URL ?? "redis://127.0.0.1:6379" });
const sub = pub.duplicate();
await Promise.all([pub.connect(), sub.connect()]);

const http = createServer((req, res) => { if (req.url.startsWith("/api/ping")) { res.end('{"ok":true}'); } });
// Sharded: SPUBLISH on a channel per room (Redis 7), like OrderChat's bus; classic: PUBLISH on one channel.
const adapter = sharded ? createShardedAdapter(pub, sub) : createAdapter(pub, sub);
const io = new Server(http, { cors: { origin: "*" }, adapter });
io.on("connection", (socket) => {
  socket.on("echo", (...args) => { const ack = args.pop(); ack(...args); });
  socket.on("join", (room, ack) => { socket.join(room); ack("joined:" + room); });
  socket.on("to-room", (room, msg) => io.to(room).emit("room-msg", msg));
});
http.listen(port, "127.0.0.1", () => console.log(`READY peer-cluster ${sharded ? "sharded" : "classic"} adapter on ${port}`));
