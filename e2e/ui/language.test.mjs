// The UI in English and Ukrainian (issue 17): chosen from the browser's languages, switched in
// the top bar and remembered; <html lang> follows; dates and numbers in the chosen locale; every
// key the app uses has a text in both dictionaries; no serious axe-core violation in Ukrainian.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import { axeViolations, demoToken, launch, openApp, rest, screenshot, signIn, unique } from "./support.mjs";

const STATIC = new URL("../../src/main/resources/static/", import.meta.url);
const APP = new URL("js/app/", STATIC);

describe("English and Ukrainian", () => {
  let browser;
  before(async () => { browser = await launch(); });
  after(async () => { await browser?.close(); });

  test("every key the app uses has an English and a Ukrainian text", async () => {
    const en = (await import(new URL("strings/en.js", APP))).default;
    const uk = (await import(new URL("strings/uk.js", APP))).default;
    const sources = [readFileSync(new URL("index.html", STATIC), "utf8"),
      ...readdirSync(APP).filter((name) => name.endsWith(".js")).map((name) => readFileSync(new URL(name, APP), "utf8"))];
    const used = new Set();
    for (const source of sources) {
      for (const [, key] of source.matchAll(/\bt\("([\w.]+)"/g)) used.add(key);
      for (const [, key] of source.matchAll(/\bplural\("([\w.]+)"/g)) used.add(`${key}.other`);
      for (const [, key] of source.matchAll(/data-i18n="([\w.]+)"/g)) used.add(key);
      for (const [, pairs] of source.matchAll(/data-i18n-attrs="([^"]+)"/g)) {
        for (const pair of pairs.split(";")) if (pair.includes("=")) used.add(pair.split("=")[1]);
      }
    }
    used.delete("key"); // the example in i18n.js's comment
    assert.ok(used.size > 80, `only ${used.size} keys found: the scan is broken`);
    assert.deepEqual([...used].filter((key) => !(key in en)), [], "used but not in en.js");
    assert.deepEqual(Object.keys(en).filter((key) => !(key in uk)), [], "in en.js but not in uk.js");
    assert.deepEqual(Object.keys(uk).filter((key) => !(key in en) && !/\.(few|many)$/.test(key)), [], "in uk.js only");
  });

  test("a Ukrainian browser gets the Ukrainian UI, with Ukrainian numbers and dates", async () => {
    const customer = await demoToken("demo-customer");
    const placed = await rest("POST", "/api/orders", customer, { exchangeMethod: "cash", amount: 1234.5, notes: unique("uk") });
    const page = await openApp(browser, { locale: "uk-UA" });
    await page.locator("#sign-in-title", { hasText: "Вхід" }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), "uk");
    await signIn(page, "demo-customer");
    await page.locator("#tab-mine", { hasText: "Мої замовлення" }).waitFor();
    assert.equal(await page.locator("#whoami-role").textContent(), "клієнт");
    const row = page.locator(`#list-panel li[data-order-id="${placed.order.id}"]`);
    assert.equal(await row.locator(".title").textContent(), `Замовлення ${placed.order.id.slice(0, 8)}`);
    // Intl's Ukrainian grouping (a no-break space) and decimal comma.
    assert.match(await row.locator(".meta").textContent(), /1\s234,5/);
    assert.equal(await row.locator(".status").textContent(), "очікує");

    await row.locator("a").click();
    await page.locator("#composer-input[placeholder='Напишіть повідомлення…']").waitFor();
    assert.equal(await page.locator("#send").textContent(), "Надіслати");
    await page.fill("#composer-input", "Привіт");
    await page.keyboard.press("Enter");
    const mine = page.locator("#messages .message.mine:not(.pending)", { hasText: "Привіт" });
    await mine.locator(".receipt", { hasText: /Надіслано|Переглянуто/ }).waitFor();
    // Today's messages show the time of day, in the Ukrainian 24-hour form.
    assert.match(await mine.locator(".foot").textContent(), /^\d\d:\d\d /);
    assert.match(await page.locator("#order-actions").textContent(), /Скасувати замовлення/);
    assert.deepEqual(await axeViolations(page), [], "Ukrainian conversation");
    await screenshot(page, "conversation-uk");
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  test("the switch changes the language and the choice is remembered", async () => {
    const page = await openApp(browser, { locale: "en-US" });
    await page.locator("#sign-in-title", { hasText: "Sign in" }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), "en");
    await Promise.all([page.waitForEvent("load"), page.selectOption("#language", "uk")]);
    await page.locator("#sign-in-title", { hasText: "Вхід" }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), "uk");
    assert.equal(await page.locator("label[for=language]").textContent(), "Мова");
    await signIn(page, "demo-performer");
    await page.locator("#sign-out", { hasText: "Вийти" }).waitFor();
    await page.locator("#tab-conversations", { hasText: "Чати" }).waitFor();

    // Remembered: a new page in the same browser opens in Ukrainian although the browser is English.
    const again = await page.context().newPage();
    await again.goto("/");
    await again.locator("#tab-mine", { hasText: "Мої замовлення" }).waitFor();
    await Promise.all([again.waitForEvent("load"), again.selectOption("#language", "en")]);
    await again.locator("#tab-mine", { hasText: "My orders" }).waitFor();
    assert.equal(await again.evaluate(() => document.documentElement.lang), "en");
    assert.deepEqual([...page.problems], []);
    await page.context().close();
  });
});
