// An automated accessibility check of the main views with axe-core (npm), run in the page through
// Playwright: no serious or critical violation on the sign-in screen, the lists, an open
// conversation (with its actions) and a refused one, on a desktop and a phone-sized screen.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { axeViolations as violations, demoToken, launch, orderWithPerformer, rest, signIn, TIMEOUT, URL } from "./support.mjs";

describe("accessibility (axe-core)", () => {
  let browser;
  before(async () => { browser = await launch(); });
  after(async () => { await browser?.close(); });

  for (const viewport of [{ width: 1200, height: 800 }, { width: 390, height: 844 }]) {
    test(`no serious violations on the main views at ${viewport.width}px`, async () => {
      const { order } = await orderWithPerformer();
      const context = await browser.newContext({ baseURL: URL, viewport, locale: "en-US" });
      context.setDefaultTimeout(TIMEOUT);
      const page = await context.newPage();
      await page.goto("/");
      await page.locator("#demo-user-list button").first().waitFor();
      assert.deepEqual(await violations(page), [], "sign-in");

      await signIn(page, "demo-customer");
      await page.locator(`#list-panel li[data-order-id="${order.id}"]`).waitFor();
      assert.deepEqual(await violations(page), [], "lists");

      await page.goto(`/#/order/${order.id}`);
      await page.locator("#messages .message.system", { hasText: "Order created" }).waitFor();
      await page.fill("#composer-input", "accessible?");
      await page.keyboard.press("Enter");
      await page.locator("#messages .message.mine:not(.pending)", { hasText: "accessible?" }).waitFor();
      assert.deepEqual(await violations(page), [], "conversation");

      const other = await rest("POST", "/api/orders", await demoToken("demo-customer2"), { exchangeMethod: "cash", amount: 2 });
      await page.goto(`/#/order/${other.order.id}`);
      await page.locator("#refusal").waitFor();
      assert.deepEqual(await violations(page), [], "refused");
      await context.close();
    });
  }
});
