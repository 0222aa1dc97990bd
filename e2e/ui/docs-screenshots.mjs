// Makes docs/images/*.png, the screenshots docs/web-ui.md shows, from a Playwright run's
// target/ui-screenshots: each drawn narrower in Chromium, so the committed files stay small.
// Run after the UI tests: node e2e/ui/docs-screenshots.mjs
import { readFileSync } from "node:fs";
import { launch } from "./support.mjs";

const FROM = process.env.UI_SCREENSHOTS ?? "target/ui-screenshots";
const SHOTS = [ // [test screenshot, width in docs, docs name]
  ["sign-in", 800, "web-ui-sign-in"],
  ["conversation-customer", 800, "web-ui-conversation"],
  ["moderator-queue", 800, "web-ui-moderator-queue"],
  ["conversation-uk", 800, "web-ui-ukrainian"],
  ["conversation-phone", 390, "web-ui-phone"],
  ["standalone-chat", 480, "chat-html"],
];

const browser = await launch();
const page = await browser.newPage({ deviceScaleFactor: 1 });
for (const [shot, width, name] of SHOTS) {
  const data = readFileSync(`${FROM}/${shot}.png`).toString("base64");
  await page.setContent(`<body style="margin:0"><img id="shot" style="width:${width}px;display:block" src="data:image/png;base64,${data}"></body>`);
  await page.locator("#shot").screenshot({ path: `docs/images/${name}.png` });
}
await browser.close();
