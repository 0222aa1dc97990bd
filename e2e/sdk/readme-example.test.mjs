// The React example of clients/js/README.md, run as written (issue 17): the block between the
// README's react-example markers is compiled with esbuild (JSX) and rendered by React Testing
// Library against the running OrderChat. Only what a host app fills in is replaced: the
// server's address and the order's id; the app's token endpoint (fetch("/my/token")) is answered
// here. A README edit that breaks the example fails this test.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Window } from "happy-dom";
import { URL as SERVER, chatOf } from "../support.mjs";

const dom = new Window({ url: SERVER });
for (const name of ["window", "document", "HTMLElement", "Element", "Node", "Text", "Event", "MutationObserver", "getComputedStyle", "FormData"]) {
  globalThis[name] = name === "window" ? dom : dom[name];
}
if (!globalThis.navigator) Object.defineProperty(globalThis, "navigator", { value: dom.navigator, configurable: true });
// Updates come from the socket, outside act(): waitFor() waits for them.
globalThis.IS_REACT_ACT_ENVIRONMENT = false;

const require = createRequire(import.meta.url);
const esbuild = require("esbuild");
const React = await import("react");
const { render, screen, waitFor, fireEvent, cleanup, act } = await import("@testing-library/react");
const { OrderChatClient } = await import("../../clients/js/dist/index.js");
const h = React.createElement;

const README = readFileSync(new URL("../../clients/js/README.md", import.meta.url), "utf8");

/** The README's React example with the host app's values filled in, as an imported module. */
async function readmeExample({ orderId }) {
  const block = README.match(/<!-- react-example:start[^>]*-->\s*```jsx\n([\s\S]*?)```\s*<!-- react-example:end -->/)?.[1];
  assert.ok(block, "the README has a ```jsx block between the react-example markers");
  const filledIn = { '"https://chat.example.com"': JSON.stringify(SERVER), 'orderId="4f3c…"': `orderId=${JSON.stringify(orderId)}` };
  let source = block;
  for (const [placeholder, value] of Object.entries(filledIn)) {
    assert.ok(source.includes(placeholder), `the example names ${placeholder}`);
    source = source.replaceAll(placeholder, value);
  }
  const { code } = await esbuild.transform(source, { loader: "jsx", jsx: "automatic", format: "esm", target: "es2022" });
  // A data: module imports by absolute URL only: the SDK's build and React's runtime from this repository.
  const resolved = code
    .replace(/from "@orderchat\/client\/react"/g, `from "${new URL("../../clients/js/dist/react.js", import.meta.url).href}"`)
    .replace(/from "react\/jsx-runtime"/g, `from "${pathToFileURL(require.resolve("react/jsx-runtime")).href}"`);
  assert.doesNotMatch(resolved, /from "(?!file:)/, "the example imports only the SDK's React entry point and React");
  return import(`data:text/javascript;base64,${Buffer.from(resolved).toString("base64")}`);
}

const clients = [];
const realFetch = globalThis.fetch;
after(async () => {
  cleanup();
  clients.forEach((client) => client.close());
  globalThis.fetch = realFetch;
  await dom.happyDOM.close();
});

test("the README's React example runs as written: it shows the chat, sends and receives", async () => {
  const chat = await chatOf();
  // The host app's own endpoint that hands its signed-in user a token for OrderChat.
  globalThis.fetch = (input, init) => (String(input) === "/my/token"
    ? Promise.resolve(new Response(chat.customerToken)) : realFetch(input, init));
  const { App } = await readmeExample({ orderId: chat.orderId });
  render(h(App));

  await waitFor(() => assert.match(screen.getByRole("heading").textContent, /^Order chat .*· 1 online$/), { timeout: 8000 });
  const performer = new OrderChatClient({ url: SERVER, getToken: () => chat.performerToken, socket: { transports: ["websocket"], forceNew: true } });
  clients.push(performer);
  const performerChat = await performer.join({ orderId: chat.orderId });
  await waitFor(() => assert.match(screen.getByRole("heading").textContent, /· 2 online$/), { timeout: 5000 });

  await act(async () => { await performerChat.send("Hello from the performer"); });
  await waitFor(() => screen.getByText("Hello from the performer"), { timeout: 5000 });
  assert.match(screen.getByRole("heading").textContent, /\(\d+ unread\)/);

  const input = document.querySelector("input[name=text]");
  fireEvent.change(input, { target: { value: "Hello from the README" } });
  await act(async () => { fireEvent.submit(input.form); });
  await waitFor(() => assert.ok(performerChat.snapshot().messages.some((m) => m.content === "Hello from the README")), { timeout: 5000 });
  await waitFor(() => screen.getByText("Hello from the README"), { timeout: 5000 });
  assert.equal(input.value, "", "the form was reset");
  cleanup();
});
