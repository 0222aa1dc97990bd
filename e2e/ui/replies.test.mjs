// Replies and reactions in the web UI (issue 16): a reply shows its quote and jumps to the
// original; a reaction one user clicks shows its count to the other live; axe stays clean.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { axeViolations, launch, openApp, orderWithPerformer, rest, signIn, unique } from "./support.mjs";

const FAST = { timeout: 5000 };

describe("replies and reactions", () => {
  let browser;
  before(async () => { browser = await launch(); });
  after(async () => { await browser?.close(); });

  test("a reply shows the quote; a reaction reaches the other user live and toggles off", async () => {
    const { order, conversationId, customer: customerToken } = await orderWithPerformer();
    const question = unique("Friday?");
    await rest("POST", `/api/conversations/${conversationId}/messages`, customerToken, { content: question });

    const customer = await openApp(browser);
    await signIn(customer, "demo-customer");
    await customer.locator(`#list-panel li[data-order-id="${order.id}"] a`).click();
    const performer = await openApp(browser);
    await signIn(performer, "demo-performer");
    await performer.locator(`#list-panel li[data-order-id="${order.id}"] a`).click();

    // the reply quotes the question too: the original is the message without a quote
    const original = performer.locator("#messages .message:not(:has(.quote))", { hasText: question });
    await original.locator("button.reply").click();
    await performer.locator("#reply-banner", { hasText: question }).waitFor();
    await performer.locator("#composer-input").fill("Friday works");
    await performer.locator("#send").click();
    const reply = customer.locator("#messages .message", { hasText: "Friday works" });
    await reply.locator("button.quote", { hasText: question }).waitFor(FAST);
    assert.equal(await performer.locator("#reply-banner").isHidden(), true);

    await original.locator('button.reaction[data-emoji="👍"]').click();
    const seen = customer.locator("#messages .message:not(:has(.quote))", { hasText: question }).locator('button.reaction[data-emoji="👍"]');
    await seen.filter({ hasText: "👍 1" }).waitFor(FAST);
    assert.equal(await seen.getAttribute("aria-pressed"), "false", "the performer's reaction is not the customer's");
    await original.locator('button.reaction[data-emoji="👍"][aria-pressed="true"]').waitFor(FAST);

    assert.deepEqual(await axeViolations(customer), []);

    await original.locator('button.reaction[data-emoji="👍"]').click();
    await seen.filter({ hasText: /^👍$/ }).waitFor(FAST);
    assert.deepEqual(customer.problems, []);
    await customer.context().close();
    await performer.context().close();
  });
});
