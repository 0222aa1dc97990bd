// Disputes in the browser: a customer opens one from the order, it gets its own conversation
// with the performer and moderators, a moderator reviews and resolves it.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { demoToken, launch, openApp, orderWithPerformer, rest, screenshot, signIn, unless } from "./support.mjs";

describe("disputes", { skip: await unless("disputes", "issue 4") }, () => {
  let browser;
  before(async () => { browser = await launch(); });
  after(async () => { await browser?.close(); });

  test("a customer opens a dispute and a moderator resolves it in its conversation", async () => {
    const { order } = await orderWithPerformer();
    await rest("POST", `/api/orders/${order.id}/accept`, await demoToken("demo-moderator"));
    const customer = await openApp(browser);
    await signIn(customer, "demo-customer");
    await customer.goto(`/#/order/${order.id}`);
    await customer.locator("#order-actions summary", { hasText: "Open a dispute" }).click();
    await customer.fill("#dispute-reason", "Items were missing");
    await customer.click('#order-actions form[aria-label="Open dispute"] button');
    await customer.locator("#conversation-title", { hasText: `Dispute on order ${order.id.slice(0, 8)}` }).waitFor();
    const disputeRoute = new URL(customer.url()).hash;

    const mona = await openApp(browser);
    await signIn(mona, "demo-moderator");
    await mona.click("#tab-disputes");
    await mona.locator("#list-panel li", { hasText: `Dispute on order ${order.id.slice(0, 8)}` }).locator("a").click();
    await mona.locator("#conversation-title", { hasText: "Dispute on order" }).waitFor();
    await screenshot(mona, "dispute");
    await mona.fill("#composer-input", "Looking into it");
    await mona.press("#composer-input", "Enter");
    await customer.locator("#messages .message:not(.mine)", { hasText: "Looking into it" }).waitFor();

    await mona.click("#order-actions button:has-text('Start review')");
    await mona.locator("#conversation-subtitle", { hasText: "in review" }).waitFor();
    await mona.fill("#dispute-resolution", "Partial refund");
    await mona.click('#order-actions form[aria-label="Decide"] button');
    await mona.locator("#conversation-subtitle", { hasText: "resolution: Partial refund" }).waitFor();
    await customer.locator("#conversation-subtitle", { hasText: "resolved" }).waitFor();

    // Someone who is not a party is refused the dispute's conversation.
    const stranger = await openApp(browser);
    await signIn(stranger, "demo-customer2");
    await stranger.goto(`/${disputeRoute}`);
    await stranger.locator("#conversation-title", { hasText: "Not available" }).waitFor();
    assert.equal(await stranger.locator("#messages .message").count(), 0);
    await customer.context().close();
    await mona.context().close();
    await stranger.context().close();
  });
});
