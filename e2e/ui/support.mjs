// Helpers for the web UI tests: Debian's Chromium driven by npm's playwright-core, sign-in as a
// demo user through the page itself, REST set-up with demo tokens, and screenshots.
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { deflateSync } from "node:zlib";
import { chromium } from "playwright-core";

export const URL = process.env.ORDERCHAT_URL ?? "http://localhost:3000";
const SCREENSHOTS = process.env.UI_SCREENSHOTS ?? "target/ui-screenshots";
export const TIMEOUT = 10000;

/**
 * Headless Chromium with a fresh profile. The background-networking flags matter: without them
 * Chromium's own update and sync connections are refused on a closed network and slow it down.
 */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    timeout: 60000,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
  });
}

/**
 * A browser context (its own storage: one person) with a page on the app. The browser's
 * language is English unless given: the UI follows it (English or Ukrainian).
 */
export async function openApp(browser, { viewport = { width: 1200, height: 800 }, locale = "en-US" } = {}) {
  const context = await browser.newContext({ baseURL: URL, viewport, locale });
  context.setDefaultTimeout(TIMEOUT);
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (error) => problems.push(error.message));
  // Whatever the Content-Security-Policy blocked is a problem too: the UI must work under it.
  page.on("console", (message) => {
    if (/Content.Security.Policy/i.test(message.text())) problems.push(message.text());
  });
  page.problems = problems;
  await page.goto("/");
  return page;
}

/** Signs in through the sign-in screen's demo user button. */
export async function signIn(page, userId) {
  await page.locator(`#demo-user-list button[data-user-id="${userId}"]`).click();
  await page.locator("#whoami").waitFor({ state: "visible" });
}

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** Serious and critical axe-core violations on the page, as "rule: target — help" lines. */
export async function axeViolations(page) {
  // Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not govern.
  await page.evaluate(AXE);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  return result.violations
    .filter((violation) => ["serious", "critical"].includes(violation.impact))
    .flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(" ")} — ${violation.help}`));
}

export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

export async function rest(method, path, token, body) {
  const response = await fetch(URL + path, {
    method,
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json();
  if (!json.success) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json.error)}`);
  return json.data;
}

export const demoToken = async (userId) => (await rest("POST", "/api/demo/token", null, { userId })).token;

export const unique = (prefix) => `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;

/** An order of demo-customer, assigned to demo-performer by the demo admin, set up over REST. */
export async function orderWithPerformer(notes = unique("order")) {
  const customer = await demoToken("demo-customer");
  const placed = await rest("POST", "/api/orders", customer, { exchangeMethod: "cash", amount: 25, notes });
  const admin = await demoToken("demo-admin");
  await rest("PUT", `/api/orders/${placed.order.id}/performer`, admin,
    { performer: { id: "demo-performer", name: "Pete Performer" } });
  return { order: placed.order, conversationId: placed.chatRoomId, customer };
}

/** The open conversation's message bodies, in order. */
export const bodies = (page) => page.locator("#messages .message .body").allTextContents();

/**
 * Puts the page's Socket.IO traffic (WebSocket and long-polling) under the test's control, so
 * that drop() cuts it as a dropped network would, while REST keeps working, until restore().
 * Call it before signing in: Playwright routes WebSockets with a script it puts into new
 * documents, so the page is reloaded here.
 */
export async function controlSocketConnections(page) {
  let offline = false;
  const open = new Set();
  await page.routeWebSocket(/\/socket\.io\//, (ws) => {
    if (offline) {
      ws.close({ code: 1006, reason: "network down" });
      return;
    }
    const server = ws.connectToServer();
    const entry = { ws, server, upgraded: false };
    // Engine.IO's "5" (upgrade) is when the client moves over from long-polling to this socket.
    ws.onMessage((message) => {
      if (message === "5") entry.upgraded = true;
      server.send(message);
    });
    open.add(entry);
  });
  await page.route(/\/socket\.io\/\?/, (route) => (offline ? route.abort("internetdisconnected") : route.continue()));
  await page.reload();
  return {
    async drop() {
      // A long poll in flight cannot be cut: wait until the client has upgraded to a WebSocket.
      const upgraded = () => [...open].some((entry) => entry.upgraded);
      for (let waited = 0; !upgraded() && waited < 15000; waited += 50) await new Promise((r) => setTimeout(r, 50));
      if (!upgraded()) throw new Error("the page never upgraded to a WebSocket to cut");
      offline = true;
      for (const { ws, server } of open) {
        await server.close({ code: 1001, reason: "network down" }).catch(() => {});
        await ws.close({ code: 1006, reason: "network down" }).catch(() => {});
      }
      open.clear();
    },
    restore() {
      offline = false;
    },
  };
}

/** A real PNG of the given size (a colour gradient), made here: the server checks a file's bytes. */
export function png(width, height) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const check = Buffer.alloc(4);
    check.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, check]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows = [];
  for (let y = 0; y < height; y++) {
    rows.push(Buffer.from([0, ...Array.from({ length: width }, (_, x) => [(x * 4) % 256, (y * 4) % 256, 160]).flat()]));
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.concat(rows))), chunk("IEND", Buffer.alloc(0))]);
}

/**
 * Whether the server under test has an optional module, probed like the UI does (OPTIONS on
 * its path). Tests of a module the server lacks are skipped with the reason, not passed.
 */
export async function serverHas(feature) {
  const paths = {
    uploads: "/api/conversations/00000000-0000-0000-0000-000000000000/attachments",
    moderation: "/api/moderation/queue",
    disputes: "/api/disputes",
    support: "/api/v1/chat/sessions",
  };
  const token = await demoToken("demo-admin");
  const response = await fetch(URL + paths[feature], { method: "OPTIONS", headers: { authorization: `Bearer ${token}` } });
  return response.ok;
}

/** node:test's skip option: false when the server has the feature, else the reason. */
export async function unless(feature, issue) {
  return (await serverHas(feature)) ? false : `this server has no ${feature} module yet (${issue})`;
}
