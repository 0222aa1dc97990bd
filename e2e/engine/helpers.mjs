// Shared helpers of the engine end-to-end tests: the server URL and bounded waits.
import { io } from "socket.io-client";

export const URL = process.env.SOCKET_URL ?? "http://localhost:3000";

/** Connects a stock socket.io-client and resolves once connected (fails after 5 s). */
export function connect(options = {}) {
  const socket = io(URL, { forceNew: true, reconnection: false, timeout: 5000, ...options });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("no connect within 5 s")), 5000);
    socket.once("connect", () => { clearTimeout(timer); resolve(socket); });
    socket.once("connect_error", (err) => { clearTimeout(timer); socket.close(); reject(err); });
  });
}

/** Resolves with the arguments of the next `event` on `emitter` (fails after `ms`). */
export function next(emitter, event, ms = 5000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${event}" within ${ms} ms`)), ms);
    emitter.once(event, (...args) => { clearTimeout(timer); resolve(args); });
  });
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Emits with an acknowledgement and resolves with all of the ack's arguments (fails after 5 s). */
export function request(socket, event, ...args) {
  return new Promise((resolve, reject) => {
    socket.timeout(5000).emit(event, ...args, (err, ...reply) => (err ? reject(err) : resolve(reply)));
  });
}
