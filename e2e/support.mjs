// Helpers shared by the end-to-end tests: tokens signed like a host app's, REST calls, and
// socket.io-client connections that are always closed.
import { createHmac } from "node:crypto";
import { io } from "socket.io-client";

export const URL = process.env.ORDERCHAT_URL ?? "http://localhost:3000";
const SECRET = process.env.JWT_SECRET;

const b64url = (value) => Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");

/** An HS256 token for a user, as the host app would sign it. */
export function token(sub, role, { name = sub, ttlSeconds = 3600 } = {}) {
  if (!SECRET) throw new Error("JWT_SECRET must be set for the end-to-end tests");
  const header = b64url({ alg: "HS256", typ: "JWT" });
  const now = Math.floor(Date.now() / 1000);
  const payload = b64url({ sub, name, role, iat: now, exp: now + ttlSeconds });
  const signature = createHmac("sha256", SECRET).update(`${header}.${payload}`).digest("base64url");
  return `${header}.${payload}.${signature}`;
}

/** A unique id so tests never share users or orders across runs. */
export const unique = (prefix) => `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

export async function rest(method, path, tokenValue, body) {
  const response = await fetch(URL + path, {
    method,
    headers: { "content-type": "application/json", ...(tokenValue ? { authorization: `Bearer ${tokenValue}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

const open = new Set();

/** Connects and waits for `connect`; rejects with the connect_error. */
export function connect(tokenValue, options = {}) {
  const socket = io(URL, { auth: tokenValue ? { token: tokenValue } : {}, reconnection: false, forceNew: true, ...options });
  open.add(socket);
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (error) => reject(error));
  });
}

export function closeAll() {
  for (const socket of open) socket.close();
  open.clear();
}

/** Resolves with the next `event` that matches, or rejects after `ms`. */
export function next(socket, event, { ms = 3000, where = () => true } = {}) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, listener);
      reject(new Error(`no '${event}' within ${ms} ms`));
    }, ms);
    const listener = (payload) => {
      if (!where(payload)) return;
      clearTimeout(timer);
      socket.off(event, listener);
      resolve(payload);
    };
    socket.on(event, listener);
  });
}

/** Collects every `event` for `ms` milliseconds. */
export async function collect(socket, event, ms) {
  const seen = [];
  const listener = (payload) => seen.push(payload);
  socket.on(event, listener);
  await new Promise((resolve) => setTimeout(resolve, ms));
  socket.off(event, listener);
  return seen;
}

/** Emits a command and returns its acknowledgement. */
export const call = (socket, event, payload) => socket.timeout(5000).emitWithAck(event, payload);

/** An order between a fresh customer and performer, registered by a host-app service token. */
export async function orderBetween(customer, performer) {
  const service = token(unique("service"), "admin");
  const response = await rest("POST", "/api/orders/external", service, {
    externalId: unique("ext"),
    customer: { id: customer, name: `Customer ${customer}` },
    performer: { id: performer, name: `Performer ${performer}` },
    title: "e2e order",
  });
  if (response.status >= 300) throw new Error(`order registration failed: ${JSON.stringify(response.body)}`);
  return response.body.data;
}

/** A fresh order between a new customer and a new performer, with their tokens and its chat. */
export async function chatOf() {
  const customer = unique("cust");
  const performer = unique("perf");
  const placed = await orderBetween(customer, performer);
  return {
    customer, performer,
    customerToken: token(customer, "customer"),
    performerToken: token(performer, "performer"),
    orderId: placed.order.id,
    conversationId: placed.chatRoomId,
  };
}
