// The chat in the browser: two people in two browser contexts, live messages, typing, read
// receipts, unread badges, reconnecting, a phone-sized screen, and someone who is refused.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { bodies, demoToken, controlSocketConnections, launch, openApp, orderWithPerformer, rest, screenshot, signIn, TIMEOUT, unique } from "./support.mjs";

describe("web chat", () => {
  let browser;
  before(async () => { browser = await launch(); });
  after(async () => { await browser?.close(); });

  test("a participant downloads the printable transcript", async () => {
    const { order } = await orderWithPerformer();
    const customer = await openApp(browser);
    await signIn(customer, "demo-customer");
    await customer.goto(`/#/order/${order.id}`);
    await customer.locator("#participants li").first().waitFor();
    const text = unique("<b>for the record</b>");
    await customer.fill("#composer-input", text);
    await customer.keyboard.press("Enter");
    await customer.locator("#messages .message.mine:not(.pending)", { hasText: text }).waitFor();
    const [download] = await Promise.all([customer.waitForEvent("download"), customer.click("#export")]);
    assert.match(download.suggestedFilename(), /^conversation-[0-9a-f-]{36}\.html$/);
    const chunks = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk);
    const html = Buffer.concat(chunks).toString("utf8");
    assert.ok(html.includes(text.replace("<b>", "&lt;b&gt;").replace("</b>", "&lt;/b&gt;")), html);
    assert.deepEqual(customer.problems, []);
    await customer.context().close();
  });

  test("a customer and a performer chat live, with typing and read receipts", async () => {
    const customer = await openApp(browser);
    await signIn(customer, "demo-customer");
    const notes = unique("live");
    // The form carries no demo values: the customer fills in what they want.
    await customer.fill("#order-method", "cash");
    await customer.fill("#order-amount", "100");
    await customer.fill("#order-notes", notes);
    await customer.click("#new-order button[type=submit]");
    await customer.waitForURL(/#\/order\/[0-9a-f-]{36}$/);
    const orderId = customer.url().split("/").pop();
    await customer.locator("#messages .message.system", { hasText: "Order created" }).waitFor();
    await screenshot(customer, "customer-new-order");

    const admin = await rest("POST", "/api/demo/token", null, { userId: "demo-admin" });
    await rest("PUT", `/api/orders/${orderId}/performer`, admin.token, { performer: { id: "demo-performer", name: "Pete Performer" } });
    await customer.locator("#messages .message.system", { hasText: "Pete Performer is now the performer" }).waitFor();
    // The customer reads the other party first, not their own name.
    await customer.locator("#conversation-subtitle", { hasText: "with Pete Performer" }).waitFor();

    const performer = await openApp(browser);
    await signIn(performer, "demo-performer");
    await performer.locator(`#list-panel li[data-order-id="${orderId}"] a`).click();
    await performer.locator("#participants li", { hasText: "Carla Customer" }).waitFor();
    await customer.locator('#participants li.online', { hasText: "Pete Performer" }).waitFor();

    await customer.locator("#composer-input").pressSequentially("Hello Pete", { delay: 20 });
    await performer.locator("#typing", { hasText: "Carla Customer is typing" }).waitFor();
    await customer.keyboard.press("Enter");
    await performer.locator("#messages .message", { hasText: "Hello Pete" }).waitFor();
    await performer.waitForFunction(() => document.getElementById("typing").textContent === "", null, { timeout: TIMEOUT });

    await performer.fill("#composer-input", "On my way");
    await performer.click("#send");
    await customer.locator("#messages .message:not(.mine)", { hasText: "On my way" }).waitFor();
    // The performer has the conversation open, so the customer's message shows as seen.
    await customer.locator(".message.mine", { hasText: "Hello Pete" }).locator(".receipt", { hasText: "Seen" }).waitFor();

    assert.deepEqual((await bodies(customer)).slice(-2), ["Hello Pete", "On my way"]);
    assert.deepEqual((await bodies(performer)).slice(-2), ["Hello Pete", "On my way"]);
    await screenshot(customer, "conversation-customer");
    await screenshot(performer, "conversation-performer");

    // Only one's own messages offer Delete; a deletion reaches the other side live.
    assert.equal(await customer.locator(".message:not(.mine) button.delete").count(), 0);
    performer.once("dialog", (dialog) => dialog.accept());
    await performer.locator(".message.mine", { hasText: "On my way" }).locator("button.delete").click();
    await customer.locator(".message.deleted", { hasText: "Message deleted" }).waitFor();
    assert.equal(await customer.locator(".message", { hasText: "On my way" }).count(), 0);
    assert.deepEqual([...customer.problems, ...performer.problems], []);
    await customer.context().close();
    await performer.context().close();
  });

  test("the unread badge shows new messages and clears when the conversation is read", async () => {
    const { order, conversationId, customer: customerToken } = await orderWithPerformer();
    const performerToken = await demoToken("demo-performer");
    const unreadOf = async () => (await rest("GET", "/api/unread", performerToken)).conversations
      .find((entry) => entry.conversationId === conversationId)?.unreadCount ?? 0;
    // The system message announcing the performer counts as unread for them already.
    const before = await unreadOf();
    const performer = await openApp(browser);
    await signIn(performer, "demo-performer");
    const row = performer.locator(`#list-panel li[data-order-id="${order.id}"]`);
    await row.waitFor();
    assert.equal(await row.locator(".badge").count(), before > 0 ? 1 : 0);

    await rest("POST", `/api/conversations/${conversationId}/messages`, customerToken, { content: "Are you there?" });
    await rest("POST", `/api/conversations/${conversationId}/messages`, customerToken, { content: "Please call me" });
    // Live: the notification event refreshes the list (the periodic refresh is 15 s away).
    await row.locator(".badge", { hasText: String(before + 2) }).waitFor({ timeout: 8000 });
    await screenshot(performer, "unread-badge");

    await row.locator("a").click();
    await performer.locator("#messages .message", { hasText: "Please call me" }).waitFor();
    await row.locator(".badge").waitFor({ state: "detached" });
    assert.equal(await unreadOf(), 0);
    await performer.context().close();
  });

  test("older history loads when scrolling up", async () => {
    const { order, conversationId, customer: customerToken } = await orderWithPerformer();
    for (let i = 1; i <= 70; i++) {
      await rest("POST", `/api/conversations/${conversationId}/messages`, customerToken, { content: `history ${i}` });
    }
    const performer = await openApp(browser);
    await signIn(performer, "demo-performer");
    await performer.goto(`/#/order/${order.id}`);
    await performer.locator("#messages .message", { hasText: "history 70" }).waitFor();
    assert.equal(await performer.locator("#messages .message", { hasText: /^history 1$/ }).count(), 0);
    await performer.locator("#messages").evaluate((list) => { list.scrollTop = 0; });
    await performer.locator("#messages .message .body", { hasText: /^history 1$/ }).waitFor();
    const seqs = await performer.locator("#messages .message[data-seq]").evaluateAll((nodes) => nodes.map((node) => Number(node.dataset.seq)));
    assert.deepEqual(seqs, [...seqs].sort((a, b) => a - b));
    assert.equal(new Set(seqs).size, seqs.length);
    await performer.context().close();
  });

  test("after a dropped connection the page says it is reconnecting and catches up", async () => {
    const { order, conversationId, customer: customerToken } = await orderWithPerformer();
    const performer = await openApp(browser);
    const network = await controlSocketConnections(performer);
    await signIn(performer, "demo-performer");
    await performer.goto(`/#/order/${order.id}`);
    await performer.locator("#participants li").first().waitFor();

    await network.drop();
    await performer.locator("#connection", { hasText: "Reconnecting" }).waitFor();
    await screenshot(performer, "reconnecting");
    await rest("POST", `/api/conversations/${conversationId}/messages`, customerToken, { content: "sent while you were away" });
    await performer.fill("#composer-input", "written while offline");
    await performer.press("#composer-input", "Enter");
    await performer.locator("#messages .message.pending", { hasText: "written while offline" }).waitFor();
    await network.restore();

    await performer.locator("#connection").waitFor({ state: "hidden", timeout: 30000 });
    await performer.locator("#messages .message", { hasText: "sent while you were away" }).waitFor();
    await performer.locator("#messages .message.mine:not(.pending)", { hasText: "written while offline" }).waitFor();
    const page = await rest("GET", `/api/conversations/${conversationId}/messages?limit=10`, customerToken);
    assert.equal(page.messages.filter((message) => message.content === "written while offline").length, 1);
    await performer.context().close();
  });

  test("someone who is not a party to an order is refused its chat", async () => {
    const { order } = await orderWithPerformer();
    const stranger = await openApp(browser);
    await signIn(stranger, "demo-customer2");
    await stranger.goto(`/#/order/${order.id}`);
    await stranger.locator("#conversation-title", { hasText: "Not available" }).waitFor();
    // The reason fills the main area, over no empty participant strip, and the message box is
    // disabled rather than silently dropping what is typed.
    await stranger.locator("#refusal").waitFor();
    assert.match(await stranger.locator("#refusal-reason").textContent(), /not a party|not a participant|may not/i);
    assert.equal(await stranger.locator("#participants").isVisible(), false);
    assert.equal(await stranger.locator("#composer-input").isDisabled(), true);
    assert.equal(await stranger.locator("#send").isDisabled(), true);
    assert.equal(await stranger.locator("#messages .message").count(), 0);
    await screenshot(stranger, "refused");
    // Opening a conversation of their own gives them a working message box again.
    const own = await rest("POST", "/api/orders", await demoToken("demo-customer2"), { exchangeMethod: "cash", amount: 3 });
    await stranger.goto(`/#/order/${own.order.id}`);
    await stranger.locator("#messages .message.system", { hasText: "Order created" }).waitFor();
    assert.equal(await stranger.locator("#composer-input").isDisabled(), false);
    assert.equal(await stranger.locator("#refusal").isVisible(), false);
    await stranger.context().close();
  });

  test("works with the keyboard on a phone-sized screen", async () => {
    const { order } = await orderWithPerformer();
    const phone = await openApp(browser, { viewport: { width: 390, height: 844 } });
    await phone.locator("#demo-user-list button").first().waitFor();
    await screenshot(phone, "sign-in-phone");
    await phone.locator('#demo-user-list button[data-user-id="demo-customer"]').focus();
    await phone.keyboard.press("Enter");
    await phone.locator("#whoami").waitFor();
    const link = phone.locator(`#list-panel li[data-order-id="${order.id}"] a`);
    await link.focus();
    await phone.keyboard.press("Enter");
    await phone.locator("#composer-input").waitFor();
    assert.equal(await phone.locator("#sidebar").isVisible(), false, "the list gives way to the conversation");
    await phone.waitForFunction(() => document.activeElement?.id === "composer-input");
    await phone.keyboard.type("typed on a phone");
    await phone.keyboard.press("Enter");
    await phone.locator("#messages .message.mine:not(.pending)", { hasText: "typed on a phone" }).waitFor();
    const width = await phone.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `no sideways scrolling (page is ${width}px wide)`);
    await screenshot(phone, "conversation-phone");
    await phone.keyboard.press("Escape");
    await link.waitFor();
    await phone.context().close();
  });
});
