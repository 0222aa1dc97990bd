// The sidebar's lists: orders (with status and unread badge) and conversations. Pure
// rendering: the caller passes the data, the unread counts and what to do on "Accept".
import { label, number, plural, t, time } from "./i18n.js";

/** An order's name, the same in every list, tab and /chat.html: "Order 1da8b4f0". */
export function orderTitle(order) {
  return orderName(order.id);
}

export function orderName(orderId) {
  return t("order.name", { id: String(orderId).slice(0, 8) });
}

/** What the order is about: its title, or its method and amount. */
export function orderWhat(order) {
  return order.title ?? [order.exchangeMethod, order.amount == null || order.amount === "" ? null : number(order.amount)]
    .filter((part) => part != null && part !== "").join(" · ");
}

/** The people on an order, seen by `me`: the other party first (a customer never reads their own name first). */
export function orderPeople(order, me) {
  const performer = order.performerName ?? order.performerId;
  const customer = order.customerName ?? order.customerId;
  const moderator = order.moderatorName ? t("order.moderator", { name: order.moderatorName }) : "";
  const performing = performer ?? t("order.noPerformer");
  if (me?.id && me.id === order.customerId) return t("order.with", { name: performing }) + moderator;
  if (me?.id && me.id === order.performerId) return t("order.for", { name: customer }) + moderator;
  return `${customer} → ${performing}${moderator}`;
}

export function orderList(orders, { unread, activeKey, onAccept, me }) {
  if (orders.length === 0) return empty(t("lists.noOrders"));
  const list = document.createElement("ul");
  for (const order of orders) {
    const key = `order:${order.id}`;
    const what = orderWhat(order);
    const item = row(key, activeKey, `#/order/${order.id}`, orderTitle(order), `${what ? `${what} · ` : ""}${orderPeople(order, me)}`);
    item.dataset.orderId = order.id;
    item.firstChild.append(status(order.status));
    addBadge(item.firstChild, unread.get(order.conversationId) ?? 0);
    if (onAccept && order.status === "pending") {
      const accept = document.createElement("button");
      accept.type = "button";
      accept.className = "secondary accept";
      accept.textContent = t("lists.accept");
      accept.setAttribute("aria-label", t("lists.acceptOrder", { order: orderTitle(order) }));
      accept.addEventListener("click", () => onAccept(order, accept));
      item.firstChild.append(accept);
    }
    list.append(item);
  }
  return list;
}

export function conversationList(summaries, { unread, activeKey }) {
  if (summaries.length === 0) return empty(t("lists.noConversations"));
  const list = document.createElement("ul");
  for (const summary of summaries) {
    const conversation = summary.conversation;
    const href = conversation.kind === "order" ? `#/order/${conversation.subjectId}` : `#/conversation/${conversation.id}`;
    const key = conversation.kind === "order" ? `order:${conversation.subjectId}` : `conversation:${conversation.id}`;
    const title = conversation.kind === "order" ? orderName(conversation.subjectId)
      : conversation.title ?? `${label("kind", conversation.kind)} ${String(conversation.subjectId ?? conversation.id).slice(0, 8)}`;
    const last = summary.lastMessage;
    const meta = last ? `${last.senderName ? `${last.senderName}: ` : ""}${last.content ?? t("lists.attachment")} · ${time(last.createdAt)}` : t("lists.noMessages");
    const item = row(key, activeKey, href, title, meta);
    item.dataset.conversationId = conversation.id;
    addBadge(item.firstChild, unread.get(conversation.id) ?? summary.unreadCount ?? 0);
    list.append(item);
  }
  return list;
}

function row(key, activeKey, href, title, meta) {
  const item = document.createElement("li");
  item.dataset.key = key;
  const line = document.createElement("div");
  line.className = `item${key === activeKey ? " active" : ""}`;
  const link = document.createElement("a");
  link.href = href;
  if (key === activeKey) link.setAttribute("aria-current", "page");
  const titleElement = document.createElement("span");
  titleElement.className = "title";
  titleElement.textContent = title;
  const metaElement = document.createElement("span");
  metaElement.className = "meta";
  metaElement.textContent = meta;
  link.append(titleElement, metaElement);
  line.append(link);
  item.append(line);
  return item;
}

function addBadge(line, count) {
  if (!count) return;
  const badge = document.createElement("span");
  badge.className = "badge";
  badge.textContent = count > 99 ? "99+" : String(count);
  badge.setAttribute("aria-label", plural("lists.unread", count));
  line.querySelector("a").after(badge);
}

function empty(text) {
  const paragraph = document.createElement("p");
  paragraph.className = "empty";
  paragraph.textContent = text;
  return paragraph;
}

export function disputeList(disputes, { activeKey }) {
  if (disputes.length === 0) return empty(t("lists.noDisputes"));
  const list = document.createElement("ul");
  for (const dispute of disputes) {
    const key = `conversation:${dispute.conversationId}`;
    const item = row(key, activeKey, `#/conversation/${dispute.conversationId}`, t("dispute.title", { id: String(dispute.orderId).slice(0, 8) }),
      `${dispute.reason ?? ""}`);
    item.dataset.disputeId = dispute.id;
    item.firstChild.append(status(dispute.status));
    list.append(item);
  }
  return list;
}

export function sessionList(sessions, { activeKey, onAccept }) {
  if (sessions.length === 0) return empty(t("lists.noSessions"));
  const list = document.createElement("ul");
  for (const session of sessions) {
    const key = `conversation:${session.conversation_id}`;
    const meta = `${session.customer_name ?? session.customer_id}${session.priority ? ` · ${session.priority}` : ""}`
      + (session.agent_name ? ` · ${session.agent_name}` : "");
    const item = row(key, activeKey, `#/conversation/${session.conversation_id}`, session.subject ?? label("kind", "support"), meta);
    item.dataset.sessionId = session.id;
    item.firstChild.append(status(session.status));
    addBadge(item.firstChild, session.unread_count ?? 0);
    if (onAccept && session.status === "waiting") {
      const accept = document.createElement("button");
      accept.type = "button";
      accept.className = "secondary accept";
      accept.textContent = t("lists.accept");
      accept.setAttribute("aria-label", t("lists.acceptSession", { subject: session.subject ?? "" }));
      accept.addEventListener("click", () => onAccept(session, accept));
      item.firstChild.append(accept);
    }
    list.append(item);
  }
  return list;
}

function status(value) {
  const element = document.createElement("span");
  element.className = `status status-${value}`;
  element.textContent = label("status", value);
  return element;
}
