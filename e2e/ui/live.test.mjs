// The web UI on the client SDK (issue 17): what a user met before is gone. Each test fails on
// the UI before the SDK: a title that stayed stale after reading, a queue that waited for a
// 15 s poll, a transfer only found by opening the order, a grey band under the layout, an order
// named differently in two tabs with its own customer's name first, a one-click red "Cancel
// order", and files that could not be pasted or dropped.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { demoToken, launch, openApp, orderWithPerformer, png, rest, screenshot, signIn, unique, unless } from "./support.mjs";

const FAST = { timeout: 4000 }; // well under any poll the UI still has (60 s)
const withoutModeration = await unless("moderation", "issue 4");
const withoutUploads = await unless("uploads", "issue 9");

describe("web UI on the SDK", () => {
  let browser;
  before(async () => { browser = await launch(); });
  after(async () => { await browser?.close(); });

  test("the unread total in the title drops as soon as the conversation is read", async () => {
    const { order, conversationId, customer: customerToken } = await orderWithPerformer();
    const performer = await openApp(browser);
    await signIn(performer, "demo-performer");
    await performer.locator(`#list-panel li[data-order-id="${order.id}"]`).waitFor();
    const counts = await rest("GET", "/api/unread", await demoToken("demo-performer"));
    const before = counts.total;
    const inThisOrder = counts.conversations.find((entry) => entry.conversationId === conversationId)?.unreadCount ?? 0;
    await performer.waitForFunction((n) => Number(document.title.match(/^\((\d+)\)/)?.[1] ?? 0) === n, before, FAST);
    await rest("POST", `/api/conversations/${conversationId}/messages`, customerToken, { content: unique("unread") });
    await performer.waitForFunction((n) => Number(document.title.match(/^\((\d+)\)/)?.[1] ?? 0) === n, before + 1, FAST);
    await performer.locator(`#list-panel li[data-order-id="${order.id}"] a`).click();
    // Everything in this order is read now: the title drops by all of it.
    await performer.waitForFunction((n) => Number(document.title.match(/^\((\d+)\)/)?.[1] ?? 0) === n, before - inThisOrder, FAST);
    await performer.locator(`#list-panel li[data-order-id="${order.id}"] .badge`).waitFor({ state: "detached", ...FAST });
    await performer.context().close();
  });

  test("a new order appears in the moderator's queue as it is placed", { skip: withoutModeration }, async () => {
    const moderator = await openApp(browser);
    await signIn(moderator, "demo-moderator");
    await moderator.locator("#tab-queue[aria-selected=true]").waitFor();
    await moderator.locator("#list-panel ul, #list-panel .empty").first().waitFor();
    const placed = await rest("POST", "/api/orders", await demoToken("demo-customer"), { exchangeMethod: "cash", amount: 7, notes: unique("queued") });
    await moderator.locator(`#list-panel li[data-order-id="${placed.order.id}"]`).waitFor(FAST);
    await moderator.context().close();
  });

  test("a moderator sees a transfer aimed at them live, without opening the order", { skip: withoutModeration }, async () => {
    const { order } = await orderWithPerformer();
    const max = await openApp(browser);
    await signIn(max, "demo-moderator2");
    const mona = await demoToken("demo-moderator");
    await rest("POST", `/api/orders/${order.id}/accept`, mona);
    await rest("POST", `/api/orders/${order.id}/transfer`, mona, { toModeratorId: "demo-moderator2" });
    const entry = max.locator("#transfers li", { hasText: `Order ${order.id.slice(0, 8)}` });
    await entry.waitFor(FAST);
    assert.match(await entry.textContent(), /Mona Moderator/);
    await screenshot(max, "moderator-transfers-for-you");
    await entry.locator("a").click();
    await max.locator("#order-actions button", { hasText: "Accept transfer from Mona Moderator" }).click();
    await max.locator("#messages .message.system", { hasText: "Max Moderator joined the chat as moderator" }).waitFor();
    await entry.waitFor({ state: "detached", ...FAST });
    await max.context().close();
  });

  test("the layout fills the window: no band under the sidebar or the composer", async () => {
    const { order } = await orderWithPerformer();
    for (const viewport of [{ width: 1200, height: 800 }, { width: 390, height: 844 }]) {
      const customer = await openApp(browser, { viewport });
      await signIn(customer, "demo-customer");
      if (viewport.width > 760) {
        const sidebar = await customer.locator("#sidebar").evaluate((node) => node.getBoundingClientRect().bottom);
        assert.ok(Math.abs(sidebar - viewport.height) <= 1, `sidebar ends at ${sidebar} of ${viewport.height}`);
      }
      await customer.goto(`/#/order/${order.id}`);
      await customer.locator("#messages .message.system", { hasText: "Order created" }).waitFor();
      const bottom = await customer.locator("#conversation").evaluate((node) => node.getBoundingClientRect().bottom);
      assert.ok(Math.abs(bottom - viewport.height) <= 1, `conversation ends at ${bottom} of ${viewport.height}`);
      const scrolls = await customer.evaluate(() => document.documentElement.scrollHeight > window.innerHeight);
      assert.equal(scrolls, false, "the page itself does not scroll");
      await customer.context().close();
    }
  });

  test("an order has one name in every tab, shown whole, with the other party first", async () => {
    const { order, conversationId } = await orderWithPerformer();
    const customer = await openApp(browser);
    await signIn(customer, "demo-customer");
    const mine = customer.locator(`#list-panel li[data-order-id="${order.id}"]`);
    const inOrders = await mine.locator(".title").textContent();
    assert.equal(await mine.locator(".title").evaluate((node) => node.scrollWidth <= node.clientWidth), true, "not cut");
    assert.match(await mine.locator(".meta").textContent(), /with Pete Performer/);
    assert.doesNotMatch(await mine.locator(".meta").textContent(), /Carla Customer/);
    await customer.click("#tab-conversations");
    const inChats = await customer.locator(`#list-panel li[data-conversation-id="${conversationId}"] .title`).textContent();
    assert.equal(inChats, inOrders);
    await customer.context().close();
  });

  test("cancelling an order asks first, from a quieter button", async () => {
    const placed = await rest("POST", "/api/orders", await demoToken("demo-customer"), { exchangeMethod: "cash", amount: 4, notes: unique("keep") });
    const customer = await openApp(browser);
    await signIn(customer, "demo-customer");
    await customer.goto(`/#/order/${placed.order.id}`);
    const cancel = customer.locator("#order-actions button", { hasText: "Cancel order" });
    assert.match(await cancel.getAttribute("class"), /danger-quiet/);
    let asked = null;
    customer.once("dialog", (dialog) => { asked = dialog.message(); dialog.dismiss(); });
    await cancel.click();
    await customer.waitForFunction(() => true);
    assert.match(asked ?? "", /Cancel this order/);
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal((await rest("GET", `/api/orders/${placed.order.id}`, await demoToken("demo-customer"))).status, "pending");
    await customer.context().close();
  });

  test("the New order form has no demo defaults and follows the server's setting", async () => {
    const customer = await openApp(browser);
    await signIn(customer, "demo-customer");
    await customer.locator("#new-order").waitFor(); // on by default (orderchat.orders.new-order-form)
    assert.equal(await customer.inputValue("#order-method"), "");
    assert.equal(await customer.inputValue("#order-amount"), "");
    await customer.context().close();

    // A host app that creates its orders itself turns it off: the customer is never offered it.
    const hosted = await openApp(browser);
    await hosted.route("**/api/orders/new-order-form", (route) => route.fulfill({
      contentType: "application/json", body: JSON.stringify({ success: true, data: { enabled: false } }),
    }));
    const asked = hosted.waitForResponse("**/api/orders/new-order-form");
    await signIn(hosted, "demo-customer");
    await asked;
    await hosted.locator("#tab-mine[aria-selected=true]").waitFor();
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(await hosted.locator("#new-order").isVisible(), false);
    await hosted.context().close();
  });

  test("files pasted into the message box or dropped on the conversation are sent", { skip: withoutUploads }, async () => {
    const { order } = await orderWithPerformer();
    const customer = await openApp(browser);
    await signIn(customer, "demo-customer");
    await customer.goto(`/#/order/${order.id}`);
    await customer.locator("#messages .message.system", { hasText: "Order created" }).waitFor();
    const bytes = [...png(4, 4)];
    await customer.evaluate((data) => {
      const files = new DataTransfer();
      files.items.add(new File([new Uint8Array(data)], "pasted.png", { type: "image/png" }));
      document.getElementById("composer-input").dispatchEvent(new ClipboardEvent("paste", { clipboardData: files, bubbles: true, cancelable: true }));
    }, bytes);
    await customer.locator('#messages .message.mine img[alt="pasted.png"]').waitFor();
    await customer.evaluate((data) => {
      const files = new DataTransfer();
      files.items.add(new File([new Uint8Array(data)], "dropped.png", { type: "image/png" }));
      const target = document.getElementById("messages");
      target.dispatchEvent(new DragEvent("dragover", { dataTransfer: files, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent("drop", { dataTransfer: files, bubbles: true, cancelable: true }));
    }, bytes);
    await customer.locator('#messages .message.mine img[alt="dropped.png"]').waitFor();
    assert.deepEqual(customer.problems, []);
    await customer.context().close();
  });
});
