// Seed 001 (Busy2Shop) in a real browser: a chat page that behaves as the app's own page does
// (DIALECTS.md §2, gap-filled from the app's chat.js), written here from that contract. Like the
// app's page it is served from the chat server's origin, takes its JWT from
// localStorage.accessToken, loads /socket.io/socket.io.js from the server and connects with
// io({ auth: { token } }); it joins with a bare order id and reads message.sender.id/.name,
// message.message, message.createdAt, data.user.id/.name of user-typing and data.name of
// user-joined / user-left.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { URL, token, unique, orderBetween } from "../support.mjs";
import { launch } from "../ui/support.mjs";

const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const PAGE = "/busy2shop/order-chat.html";
const TIMEOUT = 10000;

/** The page: markup, then a script that drives it only through seed 001's events. */
const html = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Order chat</title></head>
<body>
  <div id="message-container"></div>
  <div id="typing-indicator" style="display:none"></div>
  <input id="message-input"><button id="send-button">Send</button>
  <script src="/socket.io/socket.io.js"></script>
  <script>
    const params = new URLSearchParams(location.search);
    const orderId = params.get("orderId");
    const userId = params.get("userId");
    const container = document.getElementById("message-container");
    const input = document.getElementById("message-input");
    const typing = document.getElementById("typing-indicator");
    const line = (className, text) => {
      const element = document.createElement("div");
      element.className = className;
      element.textContent = text;
      container.appendChild(element);
      return element;
    };
    const show = (message) => {
      const element = line("message " + (message.sender.id === userId ? "sent" : "received"), message.message);
      element.dataset.sender = message.sender.name;
      element.dataset.time = new Date(message.createdAt).toISOString();
    };
    const socket = io({ auth: { token: localStorage.getItem("accessToken") } });
    window.socket = socket;
    socket.on("previous-messages", (messages) => { container.innerHTML = ""; messages.forEach(show); });
    socket.on("new-message", show);
    socket.on("user-typing", (data) => {
      if (data.user.id === userId) return;
      typing.textContent = data.isTyping ? data.user.name + " is typing..." : "";
      typing.style.display = data.isTyping ? "block" : "none";
    });
    socket.on("user-joined", (data) => line("system", data.name + " joined the chat"));
    socket.on("user-left", (data) => line("system", data.name + " left the chat"));
    socket.on("error", (error) => line("system error", "Error: " + error.message));
    socket.emit("join-order-chat", orderId);
    const send = () => {
      const message = input.value.trim();
      if (!message) return;
      socket.emit("send-message", { orderId, message });
      input.value = "";
      socket.emit("typing", { orderId, isTyping: false });
    };
    document.getElementById("send-button").addEventListener("click", send);
    input.addEventListener("keypress", (event) => { if (event.key === "Enter") send(); });
    input.addEventListener("input", () => socket.emit("typing", { orderId, isTyping: true }));
    window.leaveChat = () => { socket.emit("leave-order-chat", orderId); socket.disconnect(); };
  </script>
</body></html>`;

let browser;
before(async () => {
  if (existsSync(CHROMIUM)) browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** The page for one user, on the server's origin, signed in as the app does it. */
async function openPage(orderId, userId, role, name) {
  const context = await browser.newContext({ baseURL: URL });
  context.setDefaultTimeout(TIMEOUT);
  await context.addInitScript((jwt) => localStorage.setItem("accessToken", jwt), token(userId, role, { name }));
  await context.route(`**${PAGE}*`, (route) => route.fulfill({ contentType: "text/html", body: html }));
  const page = await context.newPage();
  page.problems = [];
  page.on("pageerror", (error) => page.problems.push(error.message));
  await page.goto(`${PAGE}?${new URLSearchParams({ orderId, userId })}`);
  return page;
}

const texts = (page, selector) => page.locator(`#message-container ${selector}`).allTextContents();

test("the app's page flow: join, history, messages by sender.id, typing by user.id, joins and leaves", {
  skip: !existsSync(CHROMIUM) && `no Chromium at ${CHROMIUM} (bin/chromium installs it)`,
}, async () => {
  const customerId = unique("cust");
  const performerId = unique("perf");
  const { order } = await orderBetween(customerId, performerId);
  const orderId = order.externalId;

  const customer = await openPage(orderId, customerId, "customer", "Carla");
  await customer.waitForFunction(() => window.socket && window.socket.connected);
  const performer = await openPage(orderId, performerId, "performer", "Pete");
  await customer.locator("#message-container .system", { hasText: "Pete joined the chat" }).waitFor();

  await customer.fill("#message-input", "Is my order on its way?");
  await customer.click("#send-button");
  const sent = customer.locator("#message-container .message.sent", { hasText: "Is my order on its way?" });
  await sent.waitFor();
  assert.equal(await sent.getAttribute("data-sender"), "Carla");
  assert.notEqual(await sent.getAttribute("data-time"), "Invalid Date");
  await performer.locator("#message-container .message.received", { hasText: "Is my order on its way?" }).waitFor();

  await performer.locator("#message-input").pressSequentially("Yes", { delay: 20 });
  await customer.locator("#typing-indicator", { hasText: "Pete is typing..." }).waitFor();
  await performer.press("#message-input", "Enter");
  await customer.locator("#message-container .message.received", { hasText: "Yes" }).waitFor();
  await customer.waitForFunction(() => document.getElementById("typing-indicator").style.display === "none");

  // a fresh page gets the history, oldest first, users' messages only
  const again = await openPage(orderId, customerId, "customer", "Carla");
  await again.locator("#message-container .message.received", { hasText: "Yes" }).waitFor();
  assert.deepEqual(await texts(again, ".message"), ["Is my order on its way?", "Yes"]);
  assert.deepEqual(await texts(again, ".message.sent"), ["Is my order on its way?"]);

  await performer.evaluate(() => window.leaveChat());
  await customer.locator("#message-container .system", { hasText: "Pete left the chat" }).waitFor();

  // someone who is no party to the order reads the server's refusal as error.message
  const stranger = await openPage(orderId, unique("cust"), "customer", "Stan");
  await stranger.locator("#message-container .error").waitFor();
  assert.match(await stranger.locator("#message-container .error").textContent(), /^Error: .+/);
  assert.equal(await stranger.locator("#message-container .message").count(), 0);

  assert.deepEqual([...customer.problems, ...performer.problems, ...again.problems, ...stranger.problems], []);
  for (const page of [customer, performer, again, stranger]) await page.context().close();
});
