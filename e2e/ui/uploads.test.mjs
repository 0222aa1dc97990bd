// Files in the chat: an image one side uploads (with a progress bar) appears for the other
// side; a file the server refuses is reported, not shown as sent.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { launch, openApp, orderWithPerformer, png, screenshot, signIn, unless } from "./support.mjs";

const PNG = png(160, 100);

describe("uploads", { skip: await unless("uploads", "issue 5") }, () => {
  let browser;
  before(async () => { browser = await launch(); });
  after(async () => { await browser?.close(); });

  test("an image uploaded by the customer appears for the performer", async () => {
    const { order } = await orderWithPerformer();
    const customer = await openApp(browser);
    await signIn(customer, "demo-customer");
    await customer.goto(`/#/order/${order.id}`);
    const performer = await openApp(browser);
    await signIn(performer, "demo-performer");
    await performer.goto(`/#/order/${order.id}`);
    await performer.locator("#participants li").first().waitFor();
    await customer.locator("#participants li").first().waitFor();

    await customer.setInputFiles("#file-input", { name: "receipt.png", mimeType: "image/png", buffer: PNG });
    const image = performer.locator("#messages .message:not(.mine) img[alt='receipt.png']");
    await image.waitFor();
    await performer.waitForFunction((alt) => {
      const element = document.querySelector(`#messages img[alt="${alt}"]`);
      return element && element.complete && element.naturalWidth > 0;
    }, "receipt.png");
    await customer.locator("#messages .message.mine:not(.pending) img[alt='receipt.png']").waitFor();
    // Shown through short-lived signed links; the token never appears in a link.
    const token = await performer.evaluate(() => localStorage.getItem("orderchatToken"));
    assert.ok(token, "the UI keeps its token in localStorage");
    for (const page of [performer, customer]) {
      await page.waitForFunction(() => [...document.querySelectorAll("#messages .body a")]
        .every((link) => link.getAttribute("href")));
      const links = await page.evaluate(() => [...document.querySelectorAll("#messages .body a, #messages .body img")]
        .map((element) => element.getAttribute("href") ?? element.getAttribute("src")));
      assert.ok(links.length >= 2, JSON.stringify(links));
      for (const link of links) {
        assert.match(link, /[?&]signature=/);
        assert.ok(!link.includes("token=") && !link.includes(token), link);
      }
    }
    assert.deepEqual([...customer.problems, ...performer.problems], []);
    await screenshot(performer, "image-received");
    await customer.context().close();
    await performer.context().close();
  });

  test("a file the server refuses is reported as not sent", async () => {
    const { order } = await orderWithPerformer();
    const customer = await openApp(browser);
    await signIn(customer, "demo-customer");
    await customer.goto(`/#/order/${order.id}`);
    await customer.locator("#participants li").first().waitFor();
    // An executable dressed up as a picture.
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(256)]);
    await customer.setInputFiles("#file-input", { name: "cat.png", mimeType: "image/png", buffer: elf });
    await customer.locator("#messages .message.failed", { hasText: "Not sent" }).waitFor();
    assert.notEqual((await customer.locator("#composer-error").textContent()).trim(), "");
    assert.equal(await customer.locator("#messages img[alt='cat.png']").count(), 0);
    await customer.context().close();
  });
});
