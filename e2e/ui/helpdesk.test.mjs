// Support sessions in the browser: a customer asks for help, the session waits in the support
// queue, an agent accepts it, they chat, the agent resolves and closes it.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { demoToken, launch, openApp, rest, screenshot, signIn, unique, unless } from "./support.mjs";

describe("support desk", { skip: await unless("support", "issue 4") }, () => {
  let browser;
  before(async () => { browser = await launch(); });
  after(async () => { await browser?.close(); });

  test("an agent accepts a waiting session from the queue, chats, resolves and closes it", async () => {
    const subject = unique("Refund");
    const customer = await openApp(browser);
    await signIn(customer, "demo-customer");
    await customer.click("#tab-sessions");
    await customer.fill("#help-subject", subject);
    await customer.fill("#help-message", "My order arrived cold");
    await customer.click("#list-panel form button[type=submit]");
    await customer.waitForURL(/#\/conversation\//);
    await customer.locator("#conversation-subtitle", { hasText: "waiting for an agent" }).waitFor();
    await customer.locator("#messages .message", { hasText: "My order arrived cold" }).waitFor();

    const agent = await openApp(browser);
    await signIn(agent, "demo-support");
    const row = agent.locator("#list-panel li", { hasText: subject });
    await row.waitFor();
    await screenshot(agent, "support-queue");
    await row.locator("button.accept").click();
    await agent.locator("#conversation-subtitle", { hasText: "agent Sam Support" }).waitFor();
    await customer.locator("#conversation-subtitle", { hasText: "agent Sam Support" }).waitFor();

    await agent.fill("#composer-input", "Sorry about that, refunding now");
    await agent.press("#composer-input", "Enter");
    await customer.locator("#messages .message:not(.mine)", { hasText: "refunding now" }).waitFor();

    await agent.click("#order-actions button:has-text('Resolve')");
    await agent.locator("#conversation-subtitle", { hasText: "resolved" }).waitFor();
    await agent.click("#order-actions button:has-text('Close session')");
    await agent.locator("#conversation-subtitle", { hasText: "closed" }).waitFor();
    await customer.locator("#conversation-subtitle", { hasText: "closed" }).waitFor();
    assert.equal(await customer.locator("#order-actions button").count(), 0);
    await screenshot(agent, "support-closed");

    // A closed session takes no more messages: the page says why.
    await customer.fill("#composer-input", "one more thing");
    await customer.press("#composer-input", "Enter");
    await customer.locator("#messages .message.failed", { hasText: "Not sent" }).waitFor();
    await customer.context().close();
    await agent.context().close();
  });

  test("a list refresh while a button is held down does not lose the click", async () => {
    const subject = unique("Held");
    const customer = await openApp(browser);
    await signIn(customer, "demo-customer");
    await customer.click("#tab-sessions");
    await customer.fill("#help-subject", subject);
    await clickAcrossRefresh(customer, customer.locator("#list-panel form button[type=submit]"));
    await customer.waitForURL(/#\/conversation\//);

    const agent = await openApp(browser);
    await signIn(agent, "demo-support");
    await clickAcrossRefresh(agent, agent.locator("#list-panel li", { hasText: subject }).locator("button.accept"));
    await agent.locator("#conversation-subtitle", { hasText: "agent Sam Support" }).waitFor();
    await customer.context().close();
    await agent.context().close();
  });

  test("the support queue is refused to customers and moderators", async () => {
    await assert.rejects(rest("GET", "/api/v1/chat/sessions/queue", await demoToken("demo-customer")), /403/);
    await assert.rejects(rest("GET", "/api/v1/chat/sessions/queue", await demoToken("demo-moderator")), /403/);
    const moderator = await openApp(browser);
    await signIn(moderator, "demo-moderator");
    assert.equal(await moderator.locator("#tab-supportQueue").count(), 0);
    await moderator.context().close();
  });
});

/**
 * Presses the button, lets the list refresh while it is held (as when the tab becomes visible
 * again, or a live event arrives), then releases it: a person's click that spans a refresh.
 */
async function clickAcrossRefresh(page, button) {
  await button.hover(); // waits until it is visible and stable, and puts the pointer on it
  await page.mouse.down();
  // the support lists: the customer's sessions, the agent's queue
  const rendered = page.waitForResponse((response) => /\/api\/v1\/chat\/sessions(\/queue)?$/.test(new URL(response.url()).pathname));
  await page.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
  await rendered;
  await page.waitForTimeout(300);
  await page.mouse.up();
}
