// Helpers of the cluster tests: clients placed on a node of their choice (NODE_URLS) or on the load
// balancer (ORDERCHAT_URL), REST on a given node, and fresh chats.
import { io } from "socket.io-client";
import { token, unique, orderBetween } from "../support.mjs";

export const NODES = (process.env.NODE_URLS ?? "").split(",").filter(Boolean);
const sockets = new Set();

export function closeSockets() {
  sockets.forEach((socket) => socket.close());
  sockets.clear();
}

/** Connects to `base` (a node or the load balancer) and waits for `connect`. */
export function connectTo(base, tokenValue, options = {}) {
  const socket = io(base, { auth: { token: tokenValue }, reconnection: false, forceNew: true, ...options });
  sockets.add(socket);
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
  });
}

export async function restAt(base, method, path, tokenValue, body) {
  const response = await fetch(base + path, {
    method,
    headers: { "content-type": "application/json", authorization: `Bearer ${tokenValue}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** A fresh order's chat between a new customer and a new performer. */
export async function chat() {
  const customer = unique("cust");
  const performer = unique("perf");
  const placed = await orderBetween(customer, performer);
  return {
    customer, performer, orderId: placed.order.id, conversationId: placed.chatRoomId,
    customerToken: token(customer, "customer"), performerToken: token(performer, "performer"),
  };
}

export async function eventually(check, what, ms = 8000) {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
