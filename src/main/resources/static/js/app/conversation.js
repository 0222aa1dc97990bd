// One open conversation, drawn from the client SDK's conversation handle: the SDK keeps the
// messages (ordered by seq, no duplicates, gaps filled, resumed after a reconnect), the sends
// still waiting or refused, participants with presence and read positions, and who is typing;
// this view renders each snapshot, loads older pages when scrolled to the top, and marks what
// the user has seen as read.
import { label, t } from "./i18n.js";
import { messageElement } from "./messages.js";

const PAGE = 50;
const MAX_PAGES_TO_FIND = 40;

export class ConversationView {
  /**
   * @param onRead called with (conversationId, unreadCount) after the user's read was stored
   * @param onSubjectChanged called when a live system message or status event says the order
   *        behind the conversation changed (status, performer, moderator)
   */
  constructor({ realtime, api, me, elements, onRead, onSubjectChanged }) {
    this.client = realtime.client;
    this.api = api;
    this.me = me;
    this.el = elements;
    this.onRead = onRead;
    this.onSubjectChanged = onSubjectChanged;
    this.handle = null;
    this.conversation = null;
    this.rendered = new Map(); // seq → { message, node }
    this.pendingNodes = new Map(); // clientId → { entry, node }
    this.last = null; // the snapshot drawn last
    this.loadingOlder = false;
    this.readTimer = null;
    this.unsubscribe = [
      this.client.on("message", (event) => {
        if (event.conversationId === this.id && event.message?.type === "system") this.onSubjectChanged?.();
      }),
      this.client.on("order:status", (event) => event.conversationId === this.id && this.onSubjectChanged?.()),
    ];
    this.replyTo = null;
    this.onClick = (event) => {
      const reaction = event.target.closest?.("button.reaction");
      if (reaction) this.#react(reaction);
      const reply = event.target.closest?.("button.reply");
      if (reply) this.#startReply(Number(reply.closest("[data-seq]")?.dataset.seq));
      const quote = event.target.closest?.("button.quote");
      if (quote) this.showMessage(Number(quote.dataset.quoteSeq));
      const remove = event.target.closest?.("button.delete");
      if (remove) this.#delete(remove);
      const retry = event.target.closest?.("button.retry");
      if (retry) this.handle?.retry(retry.dataset.clientId);
      const discard = event.target.closest?.("button.discard");
      if (discard) this.handle?.discard(discard.dataset.clientId);
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
    const handle = await this.client.join(target);
    if (this.closed) {
      handle.leave();
      return { conversation: handle.conversation };
    }
    this.handle = handle;
    this.conversation = handle.conversation;
    this.el.messages.replaceChildren();
    this.stopListening = handle.onChange(() => this.#render());
    this.#render();
    this.#scrollToEnd();
    if (handle.snapshot().unreadCount === 0) this.onRead?.(handle.id, 0);
    this.#markRead();
    // Fill a tall screen: keep loading until it scrolls or nothing older is left.
    while (!this.closed && handle.snapshot().hasMore && this.el.messages.scrollHeight <= this.el.messages.clientHeight) {
      if (!(await this.loadOlder())) break;
    }
    return { conversation: handle.conversation };
  }

  close() {
    this.closed = true;
    this.cancelReply();
    this.stopListening?.();
    this.handle?.leave();
    for (const off of this.unsubscribe) off();
    this.el.messages.removeEventListener("scroll", this.onScroll);
    this.el.messages.removeEventListener("click", this.onClick);
    document.removeEventListener("visibilitychange", this.onVisible);
    clearTimeout(this.readTimer);
    this.handle = null;
    this.conversation = null;
  }

  /** Loads the page before the oldest message shown, keeping the reader's place. */
  async loadOlder() {
    if (!this.handle?.snapshot().hasMore || this.loadingOlder) return false;
    this.loadingOlder = true;
    const list = this.el.messages;
    const before = list.scrollHeight - list.scrollTop;
    this.keepPlace = true;
    try {
      const added = await this.handle.loadOlder(PAGE);
      list.scrollTop = list.scrollHeight - before;
      return added > 0;
    } catch (error) {
      this.#error(error.message);
      return false;
    } finally {
      this.keepPlace = false;
      this.loadingOlder = false;
    }
  }

  /** Sends a text: shown at once as sending; waits out a dropped connection; a refusal is shown on it. */
  send(text) {
    if (!text.trim() || !this.handle) return;
    this.#scrollToEnd();
    const replyTo = this.replyTo ?? undefined;
    this.cancelReply();
    this.handle.send(text, replyTo != null ? { replyTo } : {}).catch((error) => this.#error(error.message));
  }

  /** Drops the quote shown above the composer. */
  cancelReply() {
    this.replyTo = null;
    if (this.el.replyBanner) this.el.replyBanner.hidden = true;
  }

  #startReply(seq) {
    const message = this.rendered.get(seq)?.message;
    if (!message || !this.el.replyBanner) return;
    this.replyTo = seq;
    const text = (message.content ?? "").slice(0, 80);
    this.el.replyQuote.textContent = t("message.replyingTo", { name: message.senderName ?? "", text });
    this.el.replyBanner.hidden = false;
    this.el.composerInput?.focus();
  }

  #react(button) {
    const seq = Number(button.closest("[data-seq]")?.dataset.seq);
    if (!this.handle || !Number.isFinite(seq)) return;
    const add = button.getAttribute("aria-pressed") !== "true";
    this.handle.react(seq, button.dataset.emoji, add).catch((error) => this.#error(error.message));
  }

  /**
   * Scrolls to a message and marks it for a moment (a quote's original, a search result), loading
   * older pages until it is there (bounded: a message far back takes a few pages of 50).
   */
  async showMessage(seq) {
    for (let pages = 0; !this.rendered.has(seq) && pages < MAX_PAGES_TO_FIND && this.handle?.snapshot().hasMore; pages++) {
      if (!(await this.loadOlder())) break;
    }
    this.#showMessage(seq);
  }

  #showMessage(seq) {
    const node = this.rendered.get(seq)?.node;
    if (!node) return;
    node.scrollIntoView({ block: "center" });
    node.classList.add("highlight");
    setTimeout(() => node.classList.remove("highlight"), 2000);
  }

  /** Called on every keystroke in the composer (the SDK throttles typing:start and sends typing:stop). */
  typed() {
    this.handle?.typing();
  }

  /** Uploads files as one message, showing its progress; not retried by itself (files can be large). */
  async sendFiles(files, content = "") {
    if (!this.handle || files.length === 0) return;
    const pending = { clientId: `upload-${Date.now()}`, senderId: this.me.id, type: "file", pending: true, files: [...files].map((file) => ({ name: file.name })) };
    const node = messageElement(pending, this.me.id);
    node.classList.add("uploading");
    this.el.messages.append(node);
    this.#scrollToEnd();
    const progress = node.querySelector("progress");
    try {
      await this.client.sendFiles(this.handle.id, [...files], { content, onProgress: (done) => { progress.value = done; } });
      node.remove();
    } catch (error) {
      node.classList.add("failed");
      node.querySelector(".foot").textContent = t("message.notSent", { reason: error.message });
      progress.remove();
      this.#error(error.message);
    }
  }

  /** An internal note: a message only staff see (moderation's POST .../notes). */
  async note(text) {
    const content = text.trim();
    if (!content || !this.handle) return;
    try {
      this.handle.messageArrived(await this.api.note(this.handle.id, content));
    } catch (error) {
      this.#error(error.message);
    }
  }

  #render() {
    const snapshot = this.handle?.snapshot();
    if (!snapshot || snapshot === this.last) return;
    const previous = this.last;
    this.last = snapshot;
    this.conversation = snapshot.conversation;
    const list = this.el.messages;
    const atEnd = list.scrollHeight - list.scrollTop - list.clientHeight < 120;
    let added = false;
    for (const message of snapshot.messages) {
      const known = this.rendered.get(message.seq);
      if (known?.message === message) continue;
      const node = messageElement(message, this.me.id);
      if (known) known.node.replaceWith(node);
      else this.#insert(node, message.seq);
      this.rendered.set(message.seq, { message, node });
      added ||= !known;
    }
    this.#renderPending(snapshot.pending);
    if (previous?.participants !== snapshot.participants) this.#renderParticipants(snapshot.participants);
    if (previous?.typing !== snapshot.typing) this.#renderTyping(snapshot.typing);
    this.#renderReceipts(snapshot.participants);
    if (added && atEnd && !this.keepPlace) this.#scrollToEnd();
    if (added) this.#markRead();
  }

  #renderPending(pending) {
    const waiting = new Set(pending.map((entry) => entry.clientId));
    for (const [clientId, { node }] of this.pendingNodes) {
      if (!waiting.has(clientId)) {
        node.remove();
        this.pendingNodes.delete(clientId);
      }
    }
    for (const entry of pending) {
      const known = this.pendingNodes.get(entry.clientId);
      if (known?.entry === entry) continue;
      const node = messageElement({ ...entry, senderId: this.me.id, type: "text", pending: true }, this.me.id);
      if (entry.status === "failed") {
        node.classList.add("failed");
        const foot = node.querySelector(".foot");
        foot.textContent = `${t("message.notSent", { reason: entry.error?.message ?? t("message.refused") })} `;
        foot.append(actionButton("retry", t("message.retry"), entry.clientId), " ", actionButton("discard", t("message.discard"), entry.clientId));
      }
      if (known) known.node.replaceWith(node);
      else this.el.messages.append(node);
      this.pendingNodes.set(entry.clientId, { entry, node });
    }
  }

  #insert(element, seq) {
    // Stored messages in seq order; pending ones (no seq) stay after them.
    const list = this.el.messages;
    const later = [...list.children].find((child) => child.dataset.seq === undefined || Number(child.dataset.seq) > seq);
    list.insertBefore(element, later ?? null);
  }

  async #delete(button) {
    if (!window.confirm(t("message.deleteConfirm"))) return;
    button.disabled = true;
    try {
      await this.handle.deleteMessage(button.dataset.messageId);
    } catch (error) {
      button.disabled = false;
      this.#error(error.message);
    }
  }

  #markRead() {
    if (!this.handle || document.visibilityState !== "visible") return;
    const snapshot = this.handle.snapshot();
    if (snapshot.lastSeq <= snapshot.readSeq && snapshot.unreadCount === 0) return;
    clearTimeout(this.readTimer);
    // Coalesces a burst of arriving messages into one read receipt.
    this.readTimer = setTimeout(async () => {
      if (!this.handle) return;
      try {
        const unread = await this.handle.markRead();
        this.onRead?.(this.handle.id, unread);
      } catch {
        // marked again with the next message or visit
      }
    }, 250);
  }

  #renderReceipts(participants) {
    let seenUpTo = 0;
    for (const participant of participants) {
      if (participant.userId !== this.me.id) seenUpTo = Math.max(seenUpTo, participant.readSeq ?? 0);
    }
    for (const node of this.el.messages.querySelectorAll(".message.mine[data-seq]")) {
      const receipt = node.querySelector(".receipt");
      if (!receipt) continue;
      const seen = Number(node.dataset.seq) <= seenUpTo;
      receipt.textContent = `· ${t(seen ? "message.seen" : "message.sent")}`;
      receipt.classList.toggle("seen", seen);
    }
  }

  #renderParticipants(participants) {
    const items = participants.map((participant) => {
      const item = document.createElement("li");
      const online = participant.online || participant.userId === this.me.id;
      item.className = online ? "online" : "offline";
      item.dataset.userId = participant.userId;
      const dot = document.createElement("span");
      dot.className = "dot";
      dot.setAttribute("aria-hidden", "true");
      const name = `${participant.name ?? participant.userId}${participant.role ? ` (${label("role", participant.role)})` : ""}`;
      item.append(dot, name);
      item.setAttribute("aria-label", t(online ? "conversation.online" : "conversation.offline", { name }));
      return item;
    });
    this.el.participants.replaceChildren(...items);
  }

  #renderTyping(typers) {
    const names = typers.map((typer) => typer.name);
    this.el.typing.textContent = names.length === 0 ? ""
      : names.length === 1 ? t("conversation.typingOne", { name: names[0] }) : t("conversation.typingMany", { names: names.join(", ") });
  }

  #scrollToEnd() {
    this.el.messages.scrollTop = this.el.messages.scrollHeight;
  }

  #error(message) {
    this.el.error.textContent = message;
  }
}

function actionButton(className, label, clientId) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = `link-button ${className}`;
  button.dataset.clientId = clientId;
  button.textContent = label;
  return button;
}
