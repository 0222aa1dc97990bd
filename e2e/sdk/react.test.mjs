// The SDK's React hooks (@orderchat/client/react), rendered by React Testing Library in a DOM
// (happy-dom) against the running OrderChat, not a mock: two users chatting, a dropped
// connection whose queued sends arrive exactly once, a token expiring mid-session.
import { test, after, afterEach } from "node:test";
import assert from "node:assert/strict";
import { Window } from "happy-dom";
import { URL, token, chatOf, rest } from "../support.mjs";

// A DOM for React; the SDK's socket keeps Node's own transports (no browser XHR or WebSocket).
const dom = new Window({ url: URL });
for (const name of ["window", "document", "HTMLElement", "Element", "Node", "Text", "Event", "MutationObserver", "getComputedStyle"]) {
  globalThis[name] = name === "window" ? dom : dom[name];
}
if (!globalThis.navigator) Object.defineProperty(globalThis, "navigator", { value: dom.navigator, configurable: true });
globalThis.IS_REACT_ACT_ENVIRONMENT = true;

const React = await import("react");
const { render, screen, waitFor, fireEvent, cleanup, act } = await import("@testing-library/react");
const { OrderChatClient } = await import("../../clients/js/dist/index.js");
const { OrderChatProvider, useConversation, useMessages, useSendMessage, useTyping, usePresence, useUnread, useConnectionState } =
  await import("../../clients/js/dist/react.js");
const h = React.createElement;

const clients = [];
after(async () => {
  cleanup();
  clients.forEach((client) => client.close());
  await dom.happyDOM.close();
});

function client(getToken) {
  const made = new OrderChatClient({
    url: URL, getToken, typingIdleMs: 300,
    socket: { transports: ["websocket"], reconnectionDelay: 300, reconnectionDelayMax: 300, randomizationFactor: 0, forceNew: true },
  });
  clients.push(made);
  return made;
}

/** A small chat as a host app would write it with the hooks. */
function Chat({ orderId }) {
  const { conversation, error } = useConversation({ orderId });
  const { messages } = useMessages(conversation);
  const { send, pending, failed } = useSendMessage(conversation);
  const { typers, onTyping } = useTyping(conversation);
  const people = usePresence(conversation);
  const unread = useUnread();
  const state = useConnectionState();
  const [text, setText] = React.useState("");
  if (error) return h("p", { role: "alert" }, error.code);
  if (!conversation) return h("p", null, "loading");
  return h("section", null,
    h("p", { "data-testid": "state" }, state),
    h("p", { "data-testid": "unread" }, String(unread)),
    h("p", { "data-testid": "online" }, people.filter((p) => p.online).map((p) => p.userId).join(",")),
    h("p", { "data-testid": "typing" }, typers.map((t) => t.name).join(",")),
    h("ul", { "data-testid": "messages" }, messages.filter((m) => m.type === "text").map((m) => h("li", { key: m.seq }, m.content))),
    h("ul", { "data-testid": "pending" }, pending.map((p) => h("li", { key: p.clientId }, p.content))),
    h("p", { "data-testid": "failed" }, String(failed.length)),
    h("input", { "aria-label": "message", value: text, onChange: (e) => { setText(e.target.value); onTyping(); } }),
    h("button", { onClick: () => { send(text).catch(() => {}); setText(""); } }, "Send"));
}

const shown = (id) => [...screen.getByTestId(id).querySelectorAll("li")].map((li) => li.textContent);

async function type(text) {
  fireEvent.change(screen.getByLabelText("message"), { target: { value: text } });
  fireEvent.click(screen.getByText("Send"));
}

async function stored(chat) {
  const page = await rest("GET", `/api/conversations/${chat.conversationId}/messages?limit=100`, chat.customerToken);
  return (page.body.data.messages ?? page.body.data).filter((m) => m.type === "text").map((m) => m.content);
}

afterEach(() => cleanup());

test("two users chat through the hooks: live messages, typing, presence and unread", async () => {
  const chat = await chatOf();
  const alice = client(() => chat.customerToken);
  const bob = client(() => chat.performerToken);
  render(h(OrderChatProvider, { client: alice }, h(Chat, { orderId: chat.orderId })));
  await waitFor(() => assert.equal(screen.getByTestId("state").textContent, "online"), { timeout: 5000 });
  await bob.ready();
  const bobChat = await bob.join({ orderId: chat.orderId });
  await waitFor(() => assert.match(screen.getByTestId("online").textContent, new RegExp(chat.performer)), { timeout: 5000 });
  const unread = Number(screen.getByTestId("unread").textContent); // the order's system messages

  await act(async () => { await bobChat.send("Hi Alice"); });
  await waitFor(() => assert.deepEqual(shown("messages"), ["Hi Alice"]), { timeout: 5000 });
  await waitFor(() => assert.equal(screen.getByTestId("unread").textContent, String(unread + 1)), { timeout: 5000 });

  bobChat.typing();
  await waitFor(() => assert.match(screen.getByTestId("typing").textContent, new RegExp(chat.performer)), { timeout: 5000 });
  await act(async () => { await type("Hi Bob"); });
  await waitFor(() => assert.deepEqual(shown("messages"), ["Hi Alice", "Hi Bob"]), { timeout: 5000 });
  assert.deepEqual(shown("pending"), []);
  await waitFor(() => assert.ok(bobChat.snapshot().messages.some((m) => m.content === "Hi Bob")), { timeout: 5000 });
  cleanup();
});

test("a dropped connection: sends queued in the UI show as pending and arrive exactly once", async () => {
  const chat = await chatOf();
  const alice = client(() => chat.customerToken);
  const bob = client(() => chat.performerToken);
  render(h(OrderChatProvider, { client: alice }, h(Chat, { orderId: chat.orderId })));
  await waitFor(() => screen.getByTestId("messages"), { timeout: 5000 });
  await bob.ready();
  const bobChat = await bob.join({ orderId: chat.orderId });

  await act(async () => { alice.socket.io.engine.close(); });
  await waitFor(() => assert.equal(screen.getByTestId("state").textContent, "reconnecting"), { timeout: 3000 });
  await act(async () => { await type("queued 1"); });
  await act(async () => { await type("queued 2"); });
  assert.deepEqual(shown("pending"), ["queued 1", "queued 2"]);
  await act(async () => { await bobChat.send("while you were away"); });

  await waitFor(() => assert.deepEqual([...shown("messages")].sort(), ["queued 1", "queued 2", "while you were away"]), { timeout: 8000 });
  assert.deepEqual(shown("pending"), []);
  assert.equal(screen.getByTestId("failed").textContent, "0");
  assert.deepEqual((await stored(chat)).sort(), ["queued 1", "queued 2", "while you were away"]);
  cleanup();
});

test("a token expiring mid-session: the provider's client signs in again and the chat goes on", async () => {
  const chat = await chatOf();
  let issued = 0;
  const getToken = () => (++issued === 1 ? token(chat.customer, "customer", { ttlSeconds: 2 }) : chat.customerToken);
  const bob = client(() => chat.performerToken);
  render(h(OrderChatProvider, { options: { url: URL, getToken, socket: { transports: ["websocket"], forceNew: true, reconnectionDelay: 300 } } },
    h(Chat, { orderId: chat.orderId })));
  await waitFor(() => screen.getByTestId("messages"), { timeout: 5000 });
  await bob.ready();
  const bobChat = await bob.join({ orderId: chat.orderId });
  await waitFor(() => assert.ok(issued >= 2, "getToken() asked again"), { timeout: 6000 });
  await waitFor(() => assert.equal(screen.getByTestId("state").textContent, "online"), { timeout: 5000 });
  await act(async () => { await bobChat.send("after the renewal"); });
  await waitFor(() => assert.deepEqual(shown("messages"), ["after the renewal"]), { timeout: 5000 });
  await act(async () => { await type("still here"); });
  await waitFor(() => assert.ok(bobChat.snapshot().messages.some((m) => m.content === "still here")), { timeout: 5000 });
  cleanup();
});
