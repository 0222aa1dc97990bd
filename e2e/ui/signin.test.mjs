// Signing in with a host app's token pasted into the page, being refused a bad one, and
// signing out.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { demoToken, launch, openApp, screenshot, serverHas } from "./support.mjs";

describe("sign-in", () => {
  let browser;
  before(async () => { browser = await launch(); });
  after(async () => { await browser?.close(); });

  test("a pasted token signs in; a bad one is refused with a reason; sign-out forgets it", async () => {
    const page = await openApp(browser);
    await page.locator("#demo-user-list button").first().waitFor();
    await screenshot(page, "sign-in");

    await page.fill("#token-input", "not-a-token");
    await page.click("#token-form button[type=submit]");
    await page.locator("#sign-in-error", { hasText: "not a JWT" }).waitFor();
    const forged = (await demoToken("demo-support")).replace(/\.[^.]+$/, ".forged-signature");
    await page.fill("#token-input", forged);
    await page.click("#token-form button[type=submit]");
    await page.waitForFunction(() => document.getElementById("sign-in-error").textContent.length > 0
      && !document.getElementById("sign-in-error").textContent.includes("not a JWT"));
    assert.equal(await page.locator("#whoami").isVisible(), false);

    await page.fill("#token-input", await demoToken("demo-support"));
    await page.click("#token-form button[type=submit]");
    await page.locator("#whoami-name", { hasText: "Sam Support" }).waitFor();
    assert.deepEqual(await page.locator("#tabs button").allTextContents(), (await serverHas("support")) ? ["Support queue", "Support", "Chats"] : ["Chats"]);
    assert.ok(await page.evaluate(() => localStorage.getItem("orderchatToken")));

    await page.click("#sign-out");
    await page.locator("#sign-in").waitFor();
    assert.equal(await page.evaluate(() => localStorage.getItem("orderchatToken")), null);
    await page.context().close();
  });
});
