// Seed 000's Pusher side (DIALECTS.md §1.4) with the real pusher-js@8 from npm, configured the
// way the spec says an unchanged client points at OrderChat.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import Pusher from "pusher-js";
import { URL, token, unique, rest, connect, closeAll } from "../support.mjs";

const KEY = process.env.PUSHER_KEY ?? "orderchat-key";
const port = Number(new globalThis.URL(URL).port);
const clients = new Set();

after(() => {
  for (const client of clients) client.disconnect();
  closeAll();
});

/** A pusher-js client as seed 000 makes it, pointed at OrderChat; resolves once connected. */
function pusher(key = KEY, options = {}) {
  const client = new Pusher(key, {
    wsHost: "127.0.0.1",
    wsPort: port,
    forceTLS: false,
    enabledTransports: ["ws"],
    cluster: "x",
    ...options,
  });
  clients.add(client);
  return client;
}

function connected(client) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not connected: ${client.connection.state}`)), 5000);
    client.connection.bind("connected", () => {
      clearTimeout(timer);
      resolve(client);
    });
  });
}

/** Subscribes and waits for pusher:subscription_succeeded. */
function subscribed(client, name) {
  const channel = client.subscribe(name);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no subscription_succeeded for ${name}`)), 5000);
    channel.bind("pusher:subscription_succeeded", () => {
      clearTimeout(timer);
      resolve(channel);
    });
  });
}

/** The next `event` on `channel` that matches, or a rejection after `ms`. */
function nextEvent(channel, event, { ms = 5000, where = () => true } = {}) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      channel.unbind(event, listener);
      reject(new Error(`no '${event}' on ${channel.name} within ${ms} ms`));
    }, ms);
    const listener = (data) => {
      if (!where(data)) return;
      clearTimeout(timer);
      channel.unbind(event, listener);
      resolve(data);
    };
    channel.bind(event, listener);
  });
}

async function placeOrder(customerToken) {
  const placed = await rest("POST", "/api/orders", customerToken, { exchangeMethod: "usd-eur", amount: 250.5, notes: "pusher e2e" });
  assert.equal(placed.status, 201, JSON.stringify(placed.body));
  return placed.body.data;
}

test("connects with socket_id and activity_timeout from pusher:connection_established", async () => {
  const client = await connected(pusher());
  assert.match(client.connection.socket_id, /^\d+\.\d+$/);
  client.disconnect();
});

test("moderator-channel gets new-order-chat when POST /api/orders succeeds", async () => {
  const client = await connected(pusher());
  const channel = await subscribed(client, "moderator-channel");
  const customer = unique("cust");
  const customerToken = token(customer, "customer", { name: "Carla Customer" });
  const received = nextEvent(channel, "new-order-chat", { where: (d) => d.creator?.id === customer });
  const placed = await placeOrder(customerToken);
  const data = await received;
  assert.equal(data.orderId, placed.order._id);
  assert.equal(data.roomId, placed.chatRoomId);
  assert.deepEqual(data.creator, { id: customer, name: "Carla Customer" });
  assert.equal(data.orderDetails.method, "usd-eur");
  assert.equal(data.orderDetails.amount, 250.5);
  assert.ok("rate" in data.orderDetails);
  assert.equal(data.order._id, placed.order._id);
  assert.equal(data.order.status, "pending");
  assert.equal(data.order.exchangeMethod, "usd-eur");
  client.disconnect();
});

test("order-<id> gets status-updated on accept, update and cancel", async () => {
  const customerToken = token(unique("cust"), "customer", { name: "Carla" });
  const moderator = unique("mod");
  const moderatorToken = token(moderator, "moderator", { name: "Max" });
  const customer = customerToken;

  // Accept over the seed's socket, complete over its socket: every path triggers.
  const first = await placeOrder(customer);
  const client = await connected(pusher());
  const channel = await subscribed(client, `order-${first.order._id}`);
  const modSocket = await connect(moderatorToken);
  const accepted = nextEvent(channel, "status-updated");
  modSocket.emit("moderator:accept", { roomId: first.chatRoomId });
  assert.deepEqual(await accepted, { status: "processing", previousStatus: "pending", updatedBy: moderator, notes: null });

  const completed = nextEvent(channel, "status-updated");
  modSocket.emit("order:updateStatus", { roomId: first.chatRoomId, status: "completed", notes: "paid out" });
  assert.deepEqual(await completed, { status: "completed", previousStatus: "processing", updatedBy: moderator, notes: "paid out" });

  // The owner cancels another order over REST.
  const second = await placeOrder(customer);
  const other = await subscribed(client, `order-${second.order._id}`);
  const cancelled = nextEvent(other, "status-updated");
  const response = await rest("PATCH", `/api/orders/${second.order._id}/status`, customer, { status: "cancelled" });
  assert.equal(response.status, 200, JSON.stringify(response.body));
  const data = await cancelled;
  assert.equal(data.status, "cancelled");
  assert.equal(data.previousStatus, "pending");

  // Unsubscribed: no more events of that channel.
  client.unsubscribe(`order-${first.order._id}`);
  client.disconnect();
});

test("a wrong key is refused with 4001 and never connects", async () => {
  const client = pusher("not-the-key");
  const error = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no error, state ${client.connection.state}`)), 5000);
    client.connection.bind("error", (event) => {
      clearTimeout(timer);
      resolve(event);
    });
  });
  // pusher-js wraps the handshake's pusher:error: {type: 'WebSocketError', error: {type: 'PusherError', data}}.
  assert.equal(error.error.data.code, 4001, JSON.stringify(error));
  assert.notEqual(client.connection.state, "connected");
  assert.equal(client.connection.socket_id, undefined);
  client.disconnect();
});

test("a private channel needs a signature from POST /pusher/auth", async () => {
  const customer = unique("cust");
  const customerToken = token(customer, "customer");
  const placed = await placeOrder(customerToken);
  const name = `private-order-${placed.order._id}`;

  // Without authorization (a hand-made, wrong signature): refused, never subscribed.
  const bare = await connected(pusher(KEY, {
    channelAuthorization: { customHandler: (params, callback) => callback(null, { auth: `${KEY}:00` }) },
  }));
  const refusedChannel = bare.subscribe(name);
  const refused = await nextEvent(refusedChannel, "pusher:error");
  assert.equal(refused.code, 4009);
  assert.equal(refusedChannel.subscribed, false);

  // A stranger's token: /pusher/auth refuses, so pusher-js reports a subscription error.
  const stranger = await connected(pusher(KEY, {
    channelAuthorization: { endpoint: `${URL}/pusher/auth`, headers: { Authorization: `Bearer ${token(unique("stranger"), "customer")}` } },
  }));
  const strangerChannel = stranger.subscribe(name);
  const failure = await nextEvent(strangerChannel, "pusher:subscription_error");
  assert.equal(failure.status, 403);

  // The order's owner: signed by /pusher/auth, subscribed, and gets the order's events.
  const owner = await connected(pusher(KEY, {
    channelAuthorization: { endpoint: `${URL}/pusher/auth`, headers: { Authorization: `Bearer ${customerToken}` } },
  }));
  const channel = await subscribed(owner, name);
  const cancelled = nextEvent(channel, "status-updated");
  const response = await rest("PATCH", `/api/orders/${placed.order._id}/status`, customerToken, { status: "cancelled" });
  assert.equal(response.status, 200, JSON.stringify(response.body));
  assert.equal((await cancelled).status, "cancelled");
  for (const client of [bare, stranger, owner]) client.disconnect();
});
