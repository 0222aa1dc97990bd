// The OrderChat web app: sign-in, the lists of the signed-in user's orders and conversations,
// staff queues, message search, and the open conversation. Routes are hashes: #/order/{id},
// #/conversation/{id}, and #/conversation/{id}/message/{seq} (a search result: opened at that message).
import { Api } from "./api.js";
import { ConversationView } from "./conversation.js";
import { conversationList, disputeList, orderList, orderName, orderPeople, orderTitle, orderWhat, sessionList } from "./lists.js";
import { useDownloadLinks } from "./messages.js";
import { disputeActions, orderActions, sessionActions } from "./order-panel.js";
import { Realtime } from "./realtime.js";
import { SearchPanel } from "./search.js";
import { forget, store, storedToken, userOf } from "./session.js";
import { label, t, translatePage } from "./i18n.js";
import { onSignIn, signInScreen } from "./signin.js";

const $ = (id) => document.getElementById(id);
translatePage();
// The lists follow live events (new orders, status changes, messages, transfers, reads on the
// user's other devices); this slow poll is a safety net for a list a missed event left stale.
const REFRESH_MS = 60000;

const TABS = {
  queue: {
    kind: "orders", accept: true,
    load: (api) => api.moderationQueue(),
  },
  mine: { load: (api) => api.myOrders(), kind: "orders" },
  all: { load: (api) => api.allOrders(), kind: "orders", accept: true },
  disputes: { load: (api) => api.disputes(), kind: "disputes" },
  supportQueue: { load: (api) => api.supportQueue(), kind: "sessions", accept: true },
  sessions: { load: (api) => api.sessions(), kind: "sessions" },
  conversations: { load: (api) => api.conversations(), kind: "conversations" },
};

const TABS_OF_ROLE = {
  customer: ["mine", "sessions", "conversations"],
  performer: ["mine", "disputes", "conversations"],
  moderator: ["queue", "mine", "all", "disputes", "conversations"],
  admin: ["queue", "all", "disputes", "supportQueue", "conversations"],
  support: ["supportQueue", "sessions", "conversations"],
};

const state = {
  search: new SearchPanel({ form: $("search-form"), input: $("search-input"), scope: $("search-scope"), scopeName: $("search-scope-name"),
    scopeClear: $("search-scope-clear"), results: $("search-results"), list: $("search-list"), status: $("search-status"),
    more: $("search-more"), close: $("search-close") }, null),
  api: null, realtime: null, me: null, tab: null, items: [], unread: new Map(),
  view: null, order: null, conversation: null, activeKey: null, refused: null, demoUsers: [], refreshTimer: null, unreadTimer: null, orderTimer: null,
  transfers: new Map(),
};

// ---- sign-in ----

async function showSignIn(message = "") {
  $("workspace").hidden = true;
  $("whoami").hidden = true;
  state.demoUsers = await signInScreen(message);
}

$("sign-out").addEventListener("click", () => signOut());

function signOut(message = "") {
  closeConversation();
  state.realtime?.close();
  state.realtime = null;
  clearInterval(state.refreshTimer);
  forget();
  location.hash = "#/";
  showSignIn(message);
}

async function start(token, me) {
  store(token);
  state.api = new Api(token);
  state.helpForm = null;
  useDownloadLinks(state.api);
  state.search.api = state.api;
  state.search.scopeTo(null, false);
  state.search.close();
  $("search-input").value = "";
  state.me = me;
  $("sign-in").hidden = true;
  $("workspace").hidden = false;
  $("whoami").hidden = false;
  $("whoami-name").textContent = me.name;
  $("whoami-role").textContent = label("role", me.role);
  // Customers may place orders here unless the host app creates them itself (a server setting).
  $("new-order").hidden = true;
  if (me.role === "customer") {
    state.api.newOrderForm().then((form) => { $("new-order").hidden = !form.enabled || state.me !== me; }, () => {});
  }
  $("note-toggle").hidden = !["moderator", "admin", "support"].includes(me.role);
  $("note-mode").checked = false;
  // Connected first: the lists' first load waits for the SDK's unread counts.
  state.realtime = new Realtime(token, connectionChanged);
  const realtime = state.realtime;
  realtime.on("notification", () => refreshSoon());
  realtime.on("order:status", () => refreshSoon());
  // A new order lands in the moderators' queue at once, not at the next poll.
  realtime.on("order:new", () => refreshSoon());
  realtime.on("order:accepted", () => refreshSoon());
  // The SDK keeps the unread counts (new messages, the user's reads): title and badges follow at once.
  realtime.on("unread", () => showUnread());
  for (const event of ["transfer:initiated", "transfer:accepted", "transfer:declined"]) {
    realtime.on(event, (transfer) => transferChanged(transfer));
  }
  state.transfers.clear();
  renderTransfers();
  renderTabs((TABS_OF_ROLE[me.role] ?? ["mine", "conversations"]));
  clearInterval(state.refreshTimer);
  state.refreshTimer = setInterval(() => document.visibilityState === "visible" && refresh(), REFRESH_MS);
  route();
}

document.addEventListener("visibilitychange", () => { if (document.visibilityState === "visible") refreshSoon(); });

/** The unread total in the tab's title and the badges in the list, from the SDK's counts. */
function showUnread() {
  if (!state.realtime) return;
  const total = state.realtime.client.unread();
  document.title = total > 0 ? `(${total}) OrderChat` : "OrderChat";
  renderListSoon();
}

/** Transfers aimed at this moderator, live from transfer:* events ("Transfers for you"). */
function transferChanged(transfer) {
  if (!transfer?.transferId) return;
  if (transfer.to?.id === state.me?.id && transfer.status === "pending") state.transfers.set(transfer.transferId, transfer);
  else state.transfers.delete(transfer.transferId);
  renderTransfers();
  refreshSoon();
}

function renderTransfers() {
  const box = $("transfers");
  const items = [...state.transfers.values()].map((transfer) => {
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = `#/order/${transfer.orderId}`;
    link.textContent = t("lists.transferFrom", { order: orderName(transfer.orderId), from: transfer.from?.name ?? transfer.from?.id ?? t("lists.someModerator") });
    item.append(link);
    return item;
  });
  $("transfer-list").replaceChildren(...items);
  box.hidden = items.length === 0;
}

function connectionChanged(status, detail) {
  const banner = $("connection");
  if (status === "expired") {
    signOut(t("app.signedOut", { reason: detail ?? t("app.sessionEnded") }));
    return;
  }
  banner.className = "connection";
  if (status === "reconnecting") {
    banner.hidden = false;
    banner.textContent = t("app.reconnecting");
    return;
  }
  banner.hidden = true;
  banner.textContent = "";
  // Back after a drop: the SDK has resumed the open conversation and resent what waited; the lists reload.
  if (detail) refresh();
}

// ---- lists ----

function renderTabs(names) {
  const buttons = names.map((name) => {
    const button = document.createElement("button");
    button.type = "button";
    button.setAttribute("role", "tab");
    button.id = `tab-${name}`;
    button.dataset.tab = name;
    button.textContent = t(`lists.tab.${name}`);
    button.addEventListener("click", () => selectTab(name));
    button.addEventListener("keydown", (event) => {
      const index = names.indexOf(name);
      const next = event.key === "ArrowRight" ? names[(index + 1) % names.length]
        : event.key === "ArrowLeft" ? names[(index - 1 + names.length) % names.length] : null;
      if (next) {
        selectTab(next);
        $(`tab-${next}`).focus();
      }
    });
    return button;
  });
  $("tabs").replaceChildren(...buttons);
  selectTab(names[0]);
}

function selectTab(name) {
  state.tab = name;
  for (const button of $("tabs").children) {
    const selected = button.dataset.tab === name;
    button.setAttribute("aria-selected", String(selected));
    button.tabIndex = selected ? 0 : -1;
  }
  $("list-panel").setAttribute("aria-labelledby", `tab-${name}`);
  refresh();
}

async function refresh() {
  if (!state.api) return;
  const tab = state.tab;
  try {
    const client = state.realtime?.client;
    const [items] = await Promise.all([TABS[tab].load(state.api),
      client?.ready().then(() => client.refreshUnread()).catch(() => {})]);
    if (tab !== state.tab) return;
    state.items = items;
    renderList();
    showUnread();
  } catch (error) {
    if (error.code === "UNAUTHENTICATED" || error.code === "TOKEN_EXPIRED") signOut(error.message);
    else $("list-panel").textContent = error.message;
  }
}

function refreshSoon() {
  clearTimeout(state.unreadTimer);
  state.unreadTimer = setTimeout(refresh, 150);
}

function renderListSoon() {
  if (state.listFrame) return;
  state.listFrame = requestAnimationFrame(() => {
    state.listFrame = null;
    renderList();
  });
}

// A re-render while a button in the list is held down would detach it and the click would be lost:
// it waits for the release (the click is dispatched with it, before the timer runs).
const listPress = { held: false, deferred: false };
$("list-panel").addEventListener("pointerdown", () => { listPress.held = true; });
function releaseList() {
  if (!listPress.held) return;
  listPress.held = false;
  if (listPress.deferred) setTimeout(renderList);
}
for (const type of ["pointerup", "pointercancel"]) document.addEventListener(type, releaseList);
window.addEventListener("blur", releaseList);

function renderList() {
  if (!state.tab) return;
  listPress.deferred = listPress.held;
  if (listPress.held) return;
  const panel = $("list-panel");
  const focusedKey = document.activeElement?.closest?.("[data-key]")?.dataset.key;
  const tab = TABS[state.tab];
  const counts = state.realtime?.client;
  const unread = { get: (conversationId) => counts?.unread(conversationId) ?? 0 };
  const options = { unread, activeKey: state.activeKey, me: state.me };
  const list = {
    orders: () => orderList(state.items, { ...options, onAccept: tab.accept ? acceptFromList : null }),
    disputes: () => disputeList(state.items, options),
    sessions: () => sessionList(state.items, { ...options, onAccept: tab.accept ? acceptSessionFromList : null }),
    conversations: () => conversationList(state.items, options),
  }[tab.kind]();
  // The same form every time, left where it is: a list re-render (a live event, a refresh) must not
  // wipe what is typed in it, nor detach its button while it is being clicked (the click would be lost).
  const form = state.tab === "sessions" && state.me.role === "customer" ? (state.helpForm ??= helpForm()) : null;
  if (form && panel.firstChild === form) {
    while (form.nextSibling) form.nextSibling.remove();
    form.after(list);
  } else {
    panel.replaceChildren(...(form ? [form] : []), list);
  }
  if (focusedKey) panel.querySelector(`[data-key="${CSS.escape(focusedKey)}"] a`)?.focus();
}

async function acceptFromList(order, button) {
  button.disabled = true;
  try {
    await state.api.accept(order.id);
    location.hash = `#/order/${order.id}`;
  } catch (error) {
    button.disabled = false;
    $("list-panel").prepend(Object.assign(document.createElement("p"), { className: "error", role: "alert", textContent: error.message }));
  }
  refresh();
}

async function acceptSessionFromList(session, button) {
  button.disabled = true;
  try {
    await state.api.acceptSession(session.id);
    location.hash = `#/conversation/${session.conversation_id}`;
  } catch (error) {
    button.disabled = false;
    $("list-panel").prepend(Object.assign(document.createElement("p"), { className: "error", role: "alert", textContent: error.message }));
  }
  refresh();
}

/** A customer asks for help: a support session, waiting for an agent (seed 003). */
function helpForm() {
  const form = document.createElement("form");
  form.className = "side-form";
  form.setAttribute("aria-labelledby", "help-title");
  form.innerHTML = `<h2 id="help-title" data-i18n="help.title"></h2>
    <label for="help-subject" data-i18n="help.subject"></label><input id="help-subject" required maxlength="200">
    <label for="help-message" data-i18n="help.message"></label><textarea id="help-message" rows="2" maxlength="4000"></textarea>
    <button type="submit" data-i18n="help.submit"></button><p class="error" role="alert"></p>`;
  translatePage(form);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      const session = await state.api.openSession(form.querySelector("#help-subject").value.trim(),
        form.querySelector("#help-message").value.trim() || undefined);
      location.hash = `#/conversation/${session.conversation_id}`;
      refresh();
    } catch (error) {
      form.querySelector(".error").textContent = error.message;
    }
  });
  return form;
}

$("new-order").addEventListener("submit", async (event) => {
  event.preventDefault();
  const form = event.target;
  $("new-order-error").textContent = "";
  try {
    const placed = await state.api.placeOrder({
      exchangeMethod: form.exchangeMethod.value, amount: Number(form.amount.value), notes: form.notes.value || null,
    });
    form.notes.value = "";
    location.hash = `#/order/${placed.order.id}`;
    refresh();
  } catch (error) {
    $("new-order-error").textContent = error.message;
  }
});

// ---- the open conversation ----

window.addEventListener("hashchange", () => route());

async function route() {
  if (!state.me) return;
  const [, kind, id, seq] = location.hash.match(/^#\/(order|conversation)\/([^/]+)(?:\/message\/(\d+))?$/) ?? [];
  if (!kind) {
    closeConversation();
    return;
  }
  const key = `${kind}:${id}`;
  if (state.activeKey === key && state.view) {
    if (seq) state.view.showMessage(Number(seq));
    return;
  }
  if (!state.realtime) return;
  closeConversation();
  state.activeKey = key;
  renderList();
  $("placeholder").hidden = true;
  $("conversation").hidden = false;
  $("workspace").classList.add("viewing");
  $("composer-error").textContent = "";
  $("conversation-title").textContent = t("conversation.loading");
  $("conversation-subtitle").textContent = "";
  $("order-actions").replaceChildren();
  delete $("order-actions").dataset.subject;
  const view = new ConversationView({
    realtime: state.realtime,
    api: state.api,
    me: state.me,
    elements: { messages: $("messages"), participants: $("participants"), typing: $("typing"), error: $("composer-error"),
      replyBanner: $("reply-banner"), replyQuote: $("reply-quote"), composerInput: $("composer-input") },
    onRead: () => showUnread(),
    onSubjectChanged: () => subjectChangedSoon(),
  });
  state.view = view;
  try {
    state.conversation = null;
    if (kind === "order") await loadOrder(id);
    const joined = await view.open(kind === "order" ? { orderId: id } : { conversationId: id });
    if (state.view !== view) return;
    state.conversation = joined.conversation;
    if (kind === "conversation") await loadSubject();
    if (seq) await view.showMessage(Number(seq));
    else $("composer-input").focus();
  } catch (error) {
    if (state.view !== view) return;
    state.refused = key;
    showRefusal(error);
  }
}

/**
 * The conversation cannot be opened (not a participant, no such order, an order not assigned to
 * this moderator): the reason fills the main area and the message box is disabled, so nothing
 * typed is silently dropped.
 */
function showRefusal(error) {
  $("conversation-title").textContent = t("conversation.refused");
  $("conversation").classList.add("refused");
  $("refusal").hidden = false;
  $("refusal-reason").textContent = error.message;
  $("participants").hidden = true;
  setComposerEnabled(false, t("composer.disabled"));
}

function setComposerEnabled(enabled, placeholder = t("composer.placeholder")) {
  for (const id of ["composer-input", "send", "attach"]) $(id).disabled = !enabled;
  $("composer-input").placeholder = placeholder;
}

/**
 * Opens the conversation again once the order has become the user's (a moderator reads an
 * order's chat only while assigned to it: after accepting it or a transfer of it).
 */
function reopenIfNowAssigned(order) {
  const key = `order:${order.id}`;
  if (state.refused !== key || state.activeKey !== key || order.moderatorId !== state.me.id) return;
  state.refused = null;
  state.activeKey = null;
  route();
}

// A status change arrives twice (order:status and its system message): one reload for both.
function subjectChangedSoon() {
  clearTimeout(state.orderTimer);
  state.orderTimer = setTimeout(() => {
    loadSubject().catch((error) => { $("composer-error").textContent = error.message; });
    refresh();
  }, 150);
}

/** The header and actions of the open conversation, from its subject: order, dispute or support session. */
async function loadSubject() {
  const conversation = state.conversation;
  if (state.order) return loadOrder(state.order.id);
  if (!conversation) return undefined;
  if (conversation.kind === "order") return loadOrder(conversation.subjectId);
  if (conversation.kind === "dispute") return loadDispute(conversation.subjectId);
  if (conversation.kind === "support") return loadSession(conversation.subjectId);
  return showConversationHeader(conversation);
}

async function loadDispute(id) {
  const view = state.view;
  const dispute = await state.api.dispute(id);
  if (state.view !== view) return;
  $("conversation-title").textContent = t("dispute.title", { id: String(dispute.orderId).slice(0, 8) });
  $("conversation-subtitle").textContent = t("dispute.subtitle", { status: label("status", dispute.status), by: dispute.openedBy, reason: dispute.reason })
    + (dispute.resolution ? t("dispute.resolution", { resolution: dispute.resolution }) : "");
  showActions(dispute, () => disputeActions(dispute, state.me, { run: runAction(loadSubject), navigate }));
}

async function loadSession(id) {
  const view = state.view;
  const session = await state.api.session(id);
  if (state.view !== view) return;
  $("conversation-title").textContent = t("session.title", { subject: session.subject ?? session.id.slice(0, 8) });
  $("conversation-subtitle").textContent = `${label("status", session.status)} · ${session.customer_name ?? session.customer_id}`
    + (session.agent_name ? t("session.agent", { agent: session.agent_name }) : t("session.waiting"));
  showActions(session, () => sessionActions(session, state.me, { run: runAction(loadSubject) }));
}

/**
 * Renders the subject's actions, unless they would be the same as those shown: a reload
 * after a live update must not wipe what someone is typing into an action's field.
 */
function showActions(subject, render) {
  const key = JSON.stringify(subject);
  const panel = $("order-actions");
  if (panel.dataset.subject === key) return;
  panel.dataset.subject = key;
  panel.replaceChildren(...render());
}

function navigate(hash) {
  location.hash = hash;
}

async function loadOrder(orderId) {
  if (!orderId) return;
  const view = state.view;
  const order = await state.api.order(orderId);
  const staff = state.me.role === "moderator" || state.me.role === "admin";
  const transfer = staff ? await state.api.transfer(order.id).catch(() => null) : null;
  if (state.view !== view) return; // the user has moved on to another conversation
  state.order = order;
  const what = orderWhat(order);
  $("conversation-title").textContent = `${orderTitle(order)}${what ? ` — ${what}` : ""}`;
  $("conversation-subtitle").textContent = `${label("status", order.status)} · ${orderPeople(order, state.me)}`;
  const people = {
    performers: state.demoUsers.filter((user) => user.role === "performer"),
    moderators: state.demoUsers.filter((user) => user.role === "moderator"),
  };
  showActions([order, transfer], () => orderActions(order, state.me,
    { transfer, people, run: runAction(() => loadOrder(order.id)), navigate }));
  reopenIfNowAssigned(order);
}

function showConversationHeader(conversation) {
  state.order = null;
  $("conversation-title").textContent = conversation.title ?? `${label("kind", conversation.kind)} ${conversation.id.slice(0, 8)}`;
  $("conversation-subtitle").textContent = conversation.subjectId ? t("conversation.about", { subject: conversation.subjectId }) : "";
}

/** Runs a staff or party action, then reloads the subject's header and the lists; errors are shown. */
function runAction(reload) {
  return async (name, action) => {
    $("composer-error").textContent = "";
    try {
      await action(state.api);
      await reload();
      refresh();
    } catch (error) {
      $("composer-error").textContent = `${name}: ${error.message}`;
    }
  };
}

function closeConversation() {
  if (state.search.scope) state.search.scopeTo(null, false);
  state.view?.close();
  state.view = null;
  state.order = null;
  state.conversation = null;
  state.activeKey = null;
  $("conversation").hidden = true;
  $("conversation").classList.remove("refused");
  $("refusal").hidden = true;
  $("participants").hidden = false;
  setComposerEnabled(true);
  $("placeholder").hidden = false;
  $("workspace").classList.remove("viewing");
  $("messages").replaceChildren();
  $("participants").replaceChildren();
  $("typing").textContent = "";
  if (state.me) renderList();
}

$("back").addEventListener("click", () => { location.hash = "#/"; });

// The printable transcript (docs/rest.md, Transcript export): fetched with the token, saved
// through a blob link, as a plain link cannot carry the token.
$("export").addEventListener("click", async () => {
  const conversationId = state.view?.id;
  if (!conversationId) return;
  try {
    const { blob, name } = await state.api.transcript(conversationId, "html");
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = name;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 60000);
  } catch (error) {
    $("composer-error").textContent = error.message;
  }
});

$("search-here").addEventListener("click", () => {
  if (state.view?.id) state.search.scopeTo({ id: state.view.id, name: $("conversation-title").textContent });
});

$("reply-cancel").addEventListener("click", () => state.view?.cancelReply());

$("composer").addEventListener("submit", (event) => {
  event.preventDefault();
  const input = $("composer-input");
  if ($("note-mode").checked) state.view?.note(input.value);
  else state.view?.send(input.value);
  input.value = "";
  input.focus();
});

$("composer-input").addEventListener("keydown", (event) => {
  if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    $("composer").requestSubmit();
  } else if (event.key === "Escape") {
    location.hash = "#/";
  }
});

$("composer-input").addEventListener("input", () => { if (!$("note-mode").checked) state.view?.typed(); });

$("attach").addEventListener("click", () => $("file-input").click());

// Files dropped on the conversation or pasted into the message box are sent like attached ones.
const canSendFiles = () => Boolean(state.view?.id) && !$("attach").disabled;
$("conversation").addEventListener("dragover", (event) => {
  if (!canSendFiles() || ![...(event.dataTransfer?.types ?? [])].includes("Files")) return;
  event.preventDefault();
  $("messages").classList.add("drop-target");
});
$("conversation").addEventListener("dragleave", (event) => {
  if (!$("conversation").contains(event.relatedTarget)) $("messages").classList.remove("drop-target");
});
$("conversation").addEventListener("drop", (event) => {
  $("messages").classList.remove("drop-target");
  const files = [...(event.dataTransfer?.files ?? [])];
  if (!canSendFiles() || files.length === 0) return;
  event.preventDefault();
  state.view.sendFiles(files);
});
$("composer-input").addEventListener("paste", (event) => {
  const files = [...(event.clipboardData?.files ?? [])];
  if (!canSendFiles() || files.length === 0) return;
  event.preventDefault();
  state.view.sendFiles(files);
});
$("file-input").addEventListener("change", () => {
  const files = [...$("file-input").files];
  $("file-input").value = "";
  state.view?.sendFiles(files);
});

// ---- boot ----

onSignIn(start);

const token = storedToken();
let user = null;
try {
  user = token ? userOf(token) : null;
} catch {
  forget();
}
if (user) {
  state.demoUsers = await Api.demoUsers().catch(() => []);
  start(token, user);
} else {
  showSignIn();
}
