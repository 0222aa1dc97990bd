// Message search in the web UI (issue 16): a word from an old message, English or Cyrillic, is
// found from the sidebar, its snippet is marked, and the result opens the conversation at that
// message (loaded from history: it lies before the first page); someone outside the
// conversation finds nothing; the search within one conversation and its keyboard use work.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { axeViolations, demoToken, launch, openApp, orderWithPerformer, rest, signIn, unique } from "./support.mjs";

const FAST = { timeout: 5000 };
const CYRILLIC = "абвгдежзиклмнопрстуфхцчшщюя";
/** A word no other test wrote: letters only, so full-text search reads it as one word. */
const word = (letters, prefix) => prefix + Array.from({ length: 8 }, () => letters[Math.floor(Math.random() * letters.length)]).join("");

describe("message search", () => {
  let browser;
  before(async () => { browser = await launch(); });
  after(async () => { await browser?.close(); });

  test("finds a message by an English and a Cyrillic word, opens it in its place; others find nothing", async () => {
    const { order, conversationId, customer: customerToken } = await orderWithPerformer();
    const performerToken = await demoToken("demo-performer");
    const latin = word("abcdefghijklmnopqrstuvwxyz", "parcel");
    const cyrillic = word(CYRILLIC, "посилка");
    const target = `The ${latin} leaves <today> & arrives soon`;
    await rest("POST", `/api/conversations/${conversationId}/messages`, customerToken, { content: target });
    await rest("POST", `/api/conversations/${conversationId}/messages`, performerToken, { content: `Гаразд, ${cyrillic} готова` });
    // More than the first page of history (50): the target is reached only by loading older pages.
    for (let i = 0; i < 60; i++) {
      await rest("POST", `/api/conversations/${conversationId}/messages`, i % 2 ? customerToken : performerToken, { content: unique("filler") });
    }

    const performer = await openApp(browser);
    await signIn(performer, "demo-performer");
    await performer.locator("#search-input").fill(latin);
    await performer.locator("#search-input").press("Enter");
    const result = performer.locator(`#search-list li[data-conversation-id="${conversationId}"]`);
    await result.waitFor(FAST);
    assert.equal(await performer.locator("#search-list li").count(), 1);
    assert.match(await result.locator(".result-head").textContent(), new RegExp(`^Order ${order.id.slice(0, 8)} · .+ · `), "conversation, sender, time");
    // the escaped snippet shows as text, only the word marked
    assert.equal(await result.locator("mark").textContent(), latin);
    assert.match(await result.locator(".snippet").textContent(), /<today> & arrives/);
    assert.equal(await result.locator(".snippet script, .snippet today").count(), 0);
    assert.deepEqual(await axeViolations(performer), []);

    await result.locator("a").click();
    const message = performer.locator("#messages .message.highlight", { hasText: latin });
    await message.waitFor(FAST);
    assert.equal(await message.isVisible(), true);

    // within this conversation: the Cyrillic word, by keyboard; Escape closes the results
    await performer.locator("#search-here").click();
    await performer.locator("#search-scope", { hasText: order.id.slice(0, 8) }).waitFor(FAST);
    await performer.keyboard.type(cyrillic);
    await performer.keyboard.press("Enter");
    await performer.locator("#search-list li mark", { hasText: cyrillic }).waitFor(FAST);
    await performer.keyboard.press("Escape");
    assert.equal(await performer.locator("#search-results").isHidden(), true);
    assert.equal(await performer.evaluate(() => document.activeElement?.id), "search-input");

    // someone outside the conversation: the empty state
    const stranger = await openApp(browser);
    await signIn(stranger, "demo-customer2");
    await stranger.locator("#search-input").fill(latin);
    await stranger.locator("#search-form button[type=submit]").click();
    await stranger.locator("#search-status", { hasText: "No messages found" }).waitFor(FAST);
    assert.equal(await stranger.locator("#search-list li").count(), 0);
    assert.deepEqual(await axeViolations(stranger), []);

    assert.deepEqual(performer.problems, []);
    assert.deepEqual(stranger.problems, []);
    await performer.context().close();
    await stranger.context().close();
  });

  test("pages with More and shows a refused query as an error", async () => {
    const { conversationId, customer: customerToken } = await orderWithPerformer();
    const latin = word("abcdefghijklmnopqrstuvwxyz", "bulk");
    for (let i = 0; i < 23; i++) {
      await rest("POST", `/api/conversations/${conversationId}/messages`, customerToken, { content: `${latin} number ${i}` });
    }
    const customer = await openApp(browser);
    await signIn(customer, "demo-customer");
    await customer.locator("#search-input").fill(latin);
    await customer.locator("#search-input").press("Enter");
    await customer.locator("#search-list li").nth(19).waitFor(FAST);
    assert.equal(await customer.locator("#search-list li").count(), 20);
    await customer.locator("#search-more").click();
    await customer.locator("#search-list li").nth(22).waitFor(FAST);
    await customer.locator("#search-more").waitFor({ state: "hidden", ...FAST });
    const seqs = await customer.locator("#search-list li").evaluateAll((items) => items.map((item) => item.dataset.seq));
    assert.equal(new Set(seqs).size, 23, "every hit once");

    // 201 characters is over the server's limit (the field's maxlength is typed around here)
    await customer.locator("#search-input").evaluate((input) => { input.removeAttribute("maxlength"); input.value = "x".repeat(201); });
    await customer.locator("#search-input").press("Enter");
    await customer.locator("#search-status.error", { hasText: "Search failed" }).waitFor(FAST);
    await customer.context().close();
  });
});
