// One open conversation: history (older pages load when scrolled to the top), live messages,
// sends that survive a dropped connection (each carries a clientId, so a resend is stored once),
// typing, read receipts and presence. After a reconnect it asks for exactly what it missed
// (sync:resume from the last seq it holds).
import { messageElement } from "./messages.js";

const PAGE = 50;
const TYPING_IDLE_MS = 3000;
const TYPING_REFRESH_MS = 5000;
// The server stops a typing indicator 10 s after the last typing:start; this is a fallback
// for a stop that was lost with a dropped connection.
const TYPING_FORGET_MS = 12000;

export class ConversationView {
  /**
   * @param onSubjectChanged called when a live system message or status event says the order
   *        behind the conversation changed (status, performer, moderator)
   */
  constructor({ realtime, api, me, elements, onRead, onSubjectChanged }) {
    this.realtime = realtime;
    this.api = api;
    this.me = me;
    this.el = elements;
    this.onRead = onRead;
    this.onSubjectChanged = onSubjectChanged;
    this.conversation = null;
    this.messages = new Map();
    this.outbox = new Map();
    this.participants = new Map();
    this.typers = new Map();
    this.hasMore = false;
    this.loadingOlder = false;
    this.typing = false;
    this.typingTimer = null;
    this.typingSince = 0;
    this.readTimer = null;
    this.readSeq = 0;
    this.unsubscribe = [
      realtime.on("message", (event) => this.#whenMine(event, () => {
        this.#add([event.message]);
        if (event.message?.type !== "system") return;
        if (event.message.metadata?.event === "conversation.cleaned") this.#cleaned(event.message.seq);
        this.onSubjectChanged?.();
      })),
      realtime.on("message:deleted", (event) => this.#whenMine(event, () => this.#deleted(event))),
      realtime.on("typing", (event) => this.#whenMine(event, () => this.#typingChanged(event))),
      realtime.on("conversation:read", (event) => this.#whenMine(event, () => this.#readBy(event))),
      realtime.on("member:joined", (event) => this.#whenMine(event, () => this.#presence(event.userId, true, event))),
      realtime.on("member:left", (event) => this.#whenMine(event, () => this.#presence(event.userId, false, event))),
      realtime.on("participant:added", (event) => this.#whenMine(event, () => this.#presence(event.userId, true, event))),
      realtime.on("participant:removed", (event) => this.#whenMine(event, () => this.#removed(event.userId))),
      realtime.on("presence", (event) => this.participants.has(event.userId) && this.#presence(event.userId, event.online)),
      realtime.on("order:status", (event) => this.#whenMine(event, () => this.onSubjectChanged?.())),
    ];
    this.onClick = (event) => {
      const button = event.target.closest?.("button.delete");
      if (button) this.#delete(button);
    };
    this.el.messages.addEventListener("click", this.onClick);
    this.onScroll = () => {
      if (this.el.messages.scrollTop < 80) this.loadOlder();
    };
    this.el.messages.addEventListener("scroll", this.onScroll);
    this.onVisible = () => document.visibilityState === "visible" && this.#markRead();
    document.addEventListener("visibilitychange", this.onVisible);
  }

  get id() {
    return this.conversation?.id;
  }

  /** Joins by {orderId} or {conversationId} and shows the latest page of history. */
  async open(target) {
    // Events may overtake the join's answer (the socket is subscribed before the answer is
    // sent): they wait here and are replayed once the conversation is known; seqs dedupe.
    this.early = [];
    let joined;
    try {
      joined = await this.realtime.request("conversation:join", target);
    } catch (error) {
      this.early = null;
      throw error;
    }
    if (this.closed) {
      this.realtime.request("conversation:leave", { conversationId: joined.conversation.id }).catch(() => {});
      return joined;
    }
    this.conversation = joined.conversation;
    this.el.messages.replaceChildren();
    this.messages.clear();
    this.participants.clear();
    for (const participant of joined.participants ?? []) this.participants.set(participant.userId, { ...participant });
    this.hasMore = Boolean(joined.hasMore);
    this.readSeq = joined.readSeq ?? 0;
    if (this.readSeq >= (joined.lastSeq ?? 0)) this.onRead?.(this.conversation.id, 0);
    this.#add(joined.messages ?? []);
    this.#renderParticipants();
    for (const replay of this.early.splice(0)) replay();
    this.early = null;
    this.#scrollToEnd();
    this.#markRead();
    // Fill a tall screen: keep loading until it scrolls or nothing older is left.
    while (!this.closed && this.hasMore && this.el.messages.scrollHeight <= this.el.messages.clientHeight) {
      if (!(await this.loadOlder())) break;
    }
    return joined;
  }

  close() {
    this.closed = true;
    this.#stopTyping();
    if (this.conversation && this.realtime.connected) {
      this.realtime.request("conversation:leave", { conversationId: this.conversation.id }).catch(() => {});
    }
    for (const off of this.unsubscribe) off();
    this.el.messages.removeEventListener("scroll", this.onScroll);
    this.el.messages.removeEventListener("click", this.onClick);
    document.removeEventListener("visibilitychange", this.onVisible);
    for (const typer of this.typers.values()) clearTimeout(typer.timer);
    clearTimeout(this.readTimer);
    this.conversation = null;
  }

  get lastSeq() {
    let last = 0;
    for (const seq of this.messages.keys()) last = Math.max(last, seq);
    return last;
  }

  get firstSeq() {
    let first = Infinity;
    for (const seq of this.messages.keys()) first = Math.min(first, seq);
    return first === Infinity ? null : first;
  }

  /** Loads the page before the oldest message shown, keeping the reader's place. */
  async loadOlder() {
    if (!this.hasMore || this.loadingOlder || !this.conversation) return false;
    this.loadingOlder = true;
    try {
      const list = this.el.messages;
      const before = list.scrollHeight - list.scrollTop;
      const page = await this.realtime.request("message:history",
        { conversationId: this.conversation.id, beforeSeq: this.firstSeq, limit: PAGE });
      if (this.closed) return false;
      this.hasMore = Boolean(page.hasMore);
      this.#add(page.messages ?? [], { scroll: false });
      list.scrollTop = list.scrollHeight - before;
      return (page.messages ?? []).length > 0;
    } catch (error) {
      this.#error(error.message);
      return false;
    } finally {
      this.loadingOlder = false;
    }
  }

  /** After a reconnect: everything after the last seq held, then the sends still waiting. */
  async resume() {
    if (!this.conversation) return;
    let lastSeq = this.lastSeq;
    for (let round = 0; round < 50; round++) {
      const answer = await this.realtime.request("sync:resume", { conversations: [{ conversationId: this.conversation.id, lastSeq }] });
      const entry = (answer.conversations ?? []).find((c) => c.conversationId === this.conversation.id);
      if (!entry || entry.error) {
        this.#error(entry?.error?.message ?? "This conversation could not be resumed.");
        return;
      }
      this.#add(entry.messages ?? []);
      lastSeq = this.lastSeq;
      if (!entry.hasMore) break;
    }
    for (const [clientId, pending] of this.outbox) this.#deliver(clientId, pending.content);
    this.#markRead();
  }

  send(text) {
    const content = text.trim();
    if (!content || !this.conversation) return;
    this.#stopTyping();
    const clientId = `web-${crypto.randomUUID()}`;
    const pending = { clientId, content, senderId: this.me.id, type: "text", pending: true };
    this.outbox.set(clientId, pending);
    this.el.messages.append(messageElement(pending, this.me.id));
    this.#scrollToEnd();
    this.#deliver(clientId, content);
  }

  /** Uploads files as one message, showing its progress; not retried by itself (files can be large). */
  async sendFiles(files, content = "") {
    if (!this.conversation || files.length === 0) return;
    const clientId = `web-${crypto.randomUUID()}`;
    const pending = { clientId, senderId: this.me.id, type: "file", pending: true, files: [...files].map((file) => ({ name: file.name })) };
    const node = messageElement(pending, this.me.id);
    this.el.messages.append(node);
    this.#scrollToEnd();
    const progress = node.querySelector("progress");
    try {
      const sent = await this.api.upload(this.conversation.id, files, {
        content, clientId, onProgress: (done) => { progress.value = done; },
      });
      node.remove();
      this.#add([sent.message]);
    } catch (error) {
      node.classList.add("failed");
      node.querySelector(".foot").textContent = `Not sent: ${error.message}`;
      progress.remove();
      this.#error(error.message);
    }
  }

  /** An internal note: a message only staff see (moderation's POST .../notes). */
  async note(text) {
    const content = text.trim();
    if (!content || !this.conversation) return;
    try {
      this.#add([await this.api.note(this.conversation.id, content)]);
    } catch (error) {
      this.#error(error.message);
    }
  }

  async #deliver(clientId, content) {
    if (!this.realtime.connected) return; // resume() sends it after the reconnect
    try {
      const sent = await this.realtime.request("message:send", { conversationId: this.conversation.id, content, clientId });
      this.#add([sent.message]);
    } catch (error) {
      if (error.code === "TIMEOUT" || !this.realtime.connected) return; // retried by resume()
      this.outbox.delete(clientId);
      const node = this.#pendingNode(clientId);
      if (node) {
        node.classList.add("failed");
        node.querySelector(".foot").textContent = `Not sent: ${error.message}`;
      }
      this.#error(error.message);
    }
  }

  /** Called on every keystroke in the composer: typing:start once, typing:stop after a pause. */
  typed() {
    if (!this.conversation) return;
    // Refreshed while typing goes on: the server forgets an indicator 10 s after the last start.
    if (!this.typing || Date.now() - this.typingSince > TYPING_REFRESH_MS) {
      this.typing = true;
      this.typingSince = Date.now();
      this.realtime.request("typing:start", { conversationId: this.conversation.id }).catch(() => {});
    }
    clearTimeout(this.typingTimer);
    this.typingTimer = setTimeout(() => this.#stopTyping(), TYPING_IDLE_MS);
  }

  #stopTyping() {
    clearTimeout(this.typingTimer);
    if (!this.typing || !this.conversation) return;
    this.typing = false;
    this.realtime.request("typing:stop", { conversationId: this.conversation.id }).catch(() => {});
  }

  #whenMine(event, action) {
    if (this.conversation) {
      if (event?.conversationId === this.conversation.id) action();
    } else if (this.early && !this.closed) {
      this.early.push(() => this.#whenMine(event, action));
    }
  }

  #add(messages, { scroll = true } = {}) {
    const list = this.el.messages;
    const atEnd = list.scrollHeight - list.scrollTop - list.clientHeight < 120;
    let added = false;
    for (const message of messages) {
      if (message.seq == null || this.messages.has(message.seq)) continue;
      this.messages.set(message.seq, message);
      const element = messageElement(message, this.me.id);
      if (message.clientId) {
        this.outbox.delete(message.clientId);
        this.#pendingNode(message.clientId)?.remove();
      }
      this.#insert(element, message.seq);
      if (message.senderId) this.#clearTyper(message.senderId);
      added = true;
    }
    if (!added) return;
    this.#renderReceipts();
    if (scroll && atEnd) this.#scrollToEnd();
    this.#markRead();
  }

  #insert(element, seq) {
    // Stored messages in seq order; pending ones (no seq) stay after them.
    const list = this.el.messages;
    const later = [...list.children].find((child) => child.dataset.seq === undefined || Number(child.dataset.seq) > seq);
    list.insertBefore(element, later ?? null);
  }

  #pendingNode(clientId) {
    return [...this.el.messages.querySelectorAll(".message.pending")].find((node) => node.dataset.clientId === clientId);
  }

  async #delete(button) {
    if (!window.confirm("Delete this message for everyone?")) return;
    button.disabled = true;
    try {
      const deleted = await this.realtime.request("message:delete", { messageId: button.dataset.messageId });
      this.#deleted(deleted);
    } catch (error) {
      button.disabled = false;
      this.#error(error.message);
    }
  }

  #deleted(event) {
    const message = this.messages.get(event.seq);
    if (!message) return;
    const tombstone = { ...message, content: null, deletedAt: new Date().toISOString() };
    this.messages.set(event.seq, tombstone);
    this.el.messages.querySelector(`[data-seq="${event.seq}"]`)?.replaceWith(messageElement(tombstone, this.me.id));
    this.#renderReceipts();
  }

  /** A moderator cleaned the history: every earlier message but the system ones is now a tombstone. */
  #cleaned(upToSeq) {
    for (const [seq, message] of this.messages) {
      if (seq < upToSeq && message.type !== "system" && !message.deletedAt) this.#deleted({ seq });
    }
  }

  #markRead() {
    if (!this.conversation || document.visibilityState !== "visible") return;
    const seq = this.lastSeq;
    if (seq <= this.readSeq) return;
    this.readSeq = seq;
    clearTimeout(this.readTimer);
    // Coalesces a burst of arriving messages into one read receipt.
    this.readTimer = setTimeout(async () => {
      if (!this.conversation) return;
      try {
        const receipt = await this.realtime.request("conversation:read", { conversationId: this.conversation.id, seq });
        this.onRead?.(this.conversation.id, receipt.unreadCount ?? 0);
      } catch {
        this.readSeq = Math.min(this.readSeq, seq - 1); // marked again with the next message or visit
      }
    }, 250);
  }

  #readBy(event) {
    const participant = this.participants.get(event.userId);
    if (participant) participant.readSeq = Math.max(participant.readSeq ?? 0, event.seq ?? 0);
    else this.participants.set(event.userId, { userId: event.userId, name: event.userId, readSeq: event.seq });
    this.#renderReceipts();
  }

  #renderReceipts() {
    let seenUpTo = 0;
    for (const participant of this.participants.values()) {
      if (participant.userId !== this.me.id) seenUpTo = Math.max(seenUpTo, participant.readSeq ?? 0);
    }
    for (const node of this.el.messages.querySelectorAll(".message.mine[data-seq]")) {
      const receipt = node.querySelector(".receipt");
      if (!receipt) continue;
      const seen = Number(node.dataset.seq) <= seenUpTo;
      receipt.textContent = seen ? "· Seen" : "· Sent";
      receipt.classList.toggle("seen", seen);
    }
  }

  #presence(userId, online, event) {
    const participant = this.participants.get(userId) ?? { userId, name: event?.name ?? userId, role: event?.role };
    participant.online = online;
    this.participants.set(userId, participant);
    this.#renderParticipants();
  }

  #removed(userId) {
    this.participants.delete(userId);
    this.#clearTyper(userId);
    this.#renderParticipants();
  }

  #renderParticipants() {
    const items = [...this.participants.values()].map((participant) => {
      const item = document.createElement("li");
      const online = participant.online || participant.userId === this.me.id;
      item.className = online ? "online" : "offline";
      item.dataset.userId = participant.userId;
      const dot = document.createElement("span");
      dot.className = "dot";
      dot.setAttribute("aria-hidden", "true");
      const label = `${participant.name ?? participant.userId}${participant.role ? ` (${participant.role})` : ""}`;
      item.append(dot, label);
      item.setAttribute("aria-label", `${label}, ${online ? "online" : "offline"}`);
      return item;
    });
    this.el.participants.replaceChildren(...items);
  }

  #typingChanged(event) {
    if (event.userId === this.me.id) return;
    if (!event.isTyping) {
      this.#clearTyper(event.userId);
      return;
    }
    const previous = this.typers.get(event.userId);
    if (previous) clearTimeout(previous.timer);
    const timer = setTimeout(() => this.#clearTyper(event.userId), TYPING_FORGET_MS);
    this.typers.set(event.userId, { name: event.name ?? event.userId, timer });
    this.#renderTyping();
  }

  #clearTyper(userId) {
    const typer = this.typers.get(userId);
    if (!typer) return;
    clearTimeout(typer.timer);
    this.typers.delete(userId);
    this.#renderTyping();
  }

  #renderTyping() {
    const names = [...this.typers.values()].map((typer) => typer.name);
    this.el.typing.textContent = names.length === 0 ? ""
      : names.length === 1 ? `${names[0]} is typing…` : `${names.join(", ")} are typing…`;
  }

  #scrollToEnd() {
    this.el.messages.scrollTop = this.el.messages.scrollHeight;
  }

  #error(message) {
    this.el.error.textContent = message;
  }
}
