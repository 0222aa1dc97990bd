// Seed 001's embeddable pieces: /chat.html?orderId=&userId= with /js/chat.js (ChatClient,
// leaveChat) over /socket.io/socket.io.js, chatting with someone in the web app.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { demoToken, launch, openApp, orderWithPerformer, screenshot, signIn, TIMEOUT, URL } from "./support.mjs";

async function openStandalone(browser, orderId, userId, token) {
  const context = await browser.newContext({ baseURL: URL, viewport: { width: 480, height: 800 }, locale: "en-US" });
  context.setDefaultTimeout(TIMEOUT);
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (error) => problems.push(error.message));
  page.on("console", (message) => {
    if (/Content.Security.Policy/i.test(message.text())) problems.push(message.text());
  });
  page.problems = problems;
  const query = new URLSearchParams({ orderId, ...(userId ? { userId } : {}), ...(token ? { token } : {}) });
  await page.goto(`/chat.html?${query}`);
  return page;
}

describe("standalone chat page (seed 001)", () => {
  let browser;
  before(async () => { browser = await launch(); });
  after(async () => { await browser?.close(); });

  test("/chat.html and the web app chat with each other", async () => {
    const { order } = await orderWithPerformer();
    const customer = await openApp(browser);
    await signIn(customer, "demo-customer");
    await customer.goto(`/#/order/${order.id}`);
    await customer.locator("#messages .message.system", { hasText: "Order created" }).waitFor();

    const standalone = await openStandalone(browser, order.id, "demo-performer", await demoToken("demo-performer"));
    // Seed 001's chat shows users' messages only (issue 12): no "Order created" notice here.
    await standalone.waitForFunction(() => window.chat && window.chat.socket && window.chat.socket.connected, null, { timeout: TIMEOUT });
    assert.equal(await standalone.evaluate(() => typeof window.ChatClient === "function" && typeof window.chat.leaveChat === "function"), true);

    await standalone.fill("#message-input", "Hello from the order page");
    await standalone.press("#message-input", "Enter");
    await customer.locator("#messages .message:not(.mine)", { hasText: "Hello from the order page" }).waitFor();
    await standalone.locator("#messages .chat-message.mine", { hasText: "Hello from the order page" }).waitFor();

    await customer.locator("#composer-input").pressSequentially("Thanks", { delay: 20 });
    await standalone.locator("#typing-indicator", { hasText: "typing" }).waitFor();
    await customer.keyboard.press("Enter");
    await standalone.locator("#messages .chat-message:not(.mine)", { hasText: "Thanks" }).waitFor();
    // Timestamps on messages, and the order named as the app names it (not by an id prefix alone).
    assert.match(await standalone.locator("#messages .chat-message", { hasText: "Thanks" }).locator("time").textContent(), /\d{1,2}:\d{2}/);
    await standalone.locator("#chat-title", { hasText: " — " }).waitFor();
    assert.equal(await standalone.locator("#chat-title").textContent(), await customer.locator("#conversation-title").textContent());
    assert.equal(await standalone.title(), await standalone.locator("#chat-title").textContent());
    await standalone.waitForFunction(() => document.getElementById("typing-indicator").textContent === "", null, { timeout: TIMEOUT });
    await screenshot(standalone, "standalone-chat");

    assert.deepEqual([...customer.problems, ...standalone.problems], []);
    await standalone.evaluate(() => window.chat.leaveChat());
    assert.equal(await standalone.evaluate(() => window.chat.socket.connected), false);
    await customer.context().close();
    await standalone.context().close();
  });

  test("/chat.html refuses a user who is not a party to the order", async () => {
    const { order } = await orderWithPerformer();
    const stranger = await openStandalone(browser, order.id, "demo-customer2", await demoToken("demo-customer2"));
    await stranger.locator("#chat-status.problem").waitFor();
    assert.equal(await stranger.locator("#messages .chat-message").count(), 0);
    const anonymous = await openStandalone(browser, order.id, "demo-performer", null);
    await anonymous.locator("#chat-status", { hasText: "Not signed in" }).waitFor();
    await stranger.context().close();
    await anonymous.context().close();
  });
});
