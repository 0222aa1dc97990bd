// One joined conversation: its messages ordered by seq without duplicates, the sends still
// waiting (each with a clientId, so a resend is stored once), participants with presence and
// read receipts, who is typing, and its unread count. The client feeds it events and answers;
// views subscribe with onChange() and read a snapshot.
import type { Message, TypingPayload, MemberPayload, ReadPayload, Reaction, ReactionsPayload } from "./generated/events.js";
import type { Conversation, Joined, Participant, CommandAnswer } from "./commands.js";
import { OrderChatError, isRetryable } from "./errors.js";
import type { CommandName } from "./generated/events.js";
import type { CommandPayload } from "./commands.js";

/** A message not stored yet: `pending` while it waits to go out or for its answer, `failed` when refused. */
export interface PendingMessage {
  clientId: string;
  conversationId: string;
  content: string;
  attachments?: string[];
  /** The seq of the message this one quotes. */
  replyTo?: number;
  status: "pending" | "failed";
  error?: { code: string; message: string };
  createdAt: string;
}

export interface Typer {
  userId: string;
  name: string;
}

export interface ConversationSnapshot {
  conversation: Conversation;
  messages: readonly Message[];
  pending: readonly PendingMessage[];
  participants: readonly Participant[];
  typing: readonly Typer[];
  unreadCount: number;
  readSeq: number;
  lastSeq: number;
  hasMore: boolean;
}

/** What the conversation needs from its client. */
export interface ConversationHost {
  readonly userId: string | null;
  readonly connected: boolean;
  request<C extends CommandName>(command: C, payload: CommandPayload<C>): Promise<CommandAnswer<C>>;
  newClientId(): string;
  unreadChanged(conversationId: string, unread: number): void;
  outboxChanged(conversationId: string, pending: readonly PendingMessage[]): void;
  forget(conversationId: string): void;
  readonly typingRefreshMs: number;
  readonly typingIdleMs: number;
}

const RESUME_ROUNDS = 100;
// The server stops an indicator 10 s after the last typing:start; this forgets one whose
// stop was lost with a dropped connection.
const TYPING_FORGET_MS = 12000;

export class ConversationHandle {
  readonly id: string;
  private info: Conversation;
  private readonly bySeq = new Map<number, Message>();
  private readonly outbox = new Map<string, { entry: PendingMessage; settle: Array<(result: Message | Error) => void> }>();
  private readonly people = new Map<string, Participant>();
  private readonly typers = new Map<string, Typer & { timer: ReturnType<typeof setTimeout> }>();
  private readonly listeners = new Set<() => void>();
  private unread: number;
  private ownReadSeq: number;
  private older: boolean;
  private snapshotCache: ConversationSnapshot | null = null;
  private typingSince = 0;
  private typingIdle: ReturnType<typeof setTimeout> | null = null;
  private filling: Promise<void> | null = null;
  // Every seq up to this one is held, or known not to be visible to this user (an internal
  // note hides its seq from customers): a message above it + 1 means some were missed.
  private verifiedThrough: number;
  private left = false;
  // How many joins hold the conversation open (two components may show it): leave() leaves
  // the live room only when the last one lets go.
  private holders = 1;

  constructor(private readonly host: ConversationHost, joined: Joined, restored: readonly PendingMessage[] = []) {
    this.id = joined.conversation.id;
    this.info = joined.conversation;
    this.unread = joined.unreadCount ?? 0;
    this.ownReadSeq = joined.readSeq ?? 0;
    this.older = Boolean(joined.hasMore ?? (joined.messages?.[0]?.seq ?? 1) > 1);
    for (const participant of joined.participants ?? []) this.people.set(participant.userId, { ...participant });
    this.addMessages(joined.messages ?? []);
    this.verifiedThrough = Math.max(this.lastSeq, joined.lastSeq ?? 0);
    for (const entry of restored) this.outbox.set(entry.clientId, { entry: { ...entry, status: "pending" }, settle: [] });
  }

  // ---- reading ----

  get conversation(): Conversation {
    return this.info;
  }

  get lastSeq(): number {
    let last = 0;
    for (const seq of this.bySeq.keys()) last = Math.max(last, seq);
    return Math.max(last, 0);
  }

  get firstSeq(): number | null {
    let first = Infinity;
    for (const seq of this.bySeq.keys()) first = Math.min(first, seq);
    return first === Infinity ? null : first;
  }

  /** The state at this moment; the same object until something changes (for React's useSyncExternalStore). */
  snapshot(): ConversationSnapshot {
    if (!this.snapshotCache) {
      this.snapshotCache = {
        conversation: this.info,
        messages: [...this.bySeq.values()].sort((a, b) => a.seq - b.seq),
        pending: [...this.outbox.values()].map((item) => item.entry),
        participants: [...this.people.values()],
        typing: [...this.typers.values()].map(({ userId, name }) => ({ userId, name })),
        unreadCount: this.unread,
        readSeq: this.ownReadSeq,
        lastSeq: this.lastSeq,
        hasMore: this.older,
      };
    }
    return this.snapshotCache;
  }

  /** Calls `listener` after every change; returns the unsubscribe function. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // ---- commands ----

  /**
   * Sends a text (and/or files uploaded before, by id). The message waits in the outbox while
   * offline and goes out again after a reconnect with the same clientId, so it is stored once.
   * Resolves with the stored message; rejects with an OrderChatError when the server refuses it
   * (it then stays in `pending` as `failed` until retry() or discard()).
   */
  send(content: string, options: { attachments?: string[]; clientId?: string; replyTo?: number } = {}): Promise<Message> {
    const text = content.trim();
    if (!text && !options.attachments?.length) {
      return Promise.reject(new OrderChatError("CONTENT_EMPTY", "A message needs text or a file.", { command: "message:send" }));
    }
    this.stopTyping();
    const entry: PendingMessage = {
      clientId: options.clientId ?? this.host.newClientId(),
      conversationId: this.id,
      content: text,
      attachments: options.attachments,
      ...(options.replyTo != null ? { replyTo: options.replyTo } : {}),
      status: "pending",
      createdAt: new Date().toISOString(),
    };
    const result = new Promise<Message>((resolve, reject) => {
      this.outbox.set(entry.clientId, {
        entry,
        settle: [(value) => (value instanceof Error ? reject(value) : resolve(value))],
      });
    });
    this.outboxChanged();
    this.deliver(entry.clientId);
    return result;
  }

  /** Sends a failed message again (same clientId). */
  retry(clientId: string): void {
    const item = this.outbox.get(clientId);
    if (!item) return;
    item.entry = { ...item.entry, status: "pending", error: undefined };
    this.outboxChanged();
    this.deliver(clientId);
  }

  /** Drops a waiting or failed message from the outbox. */
  discard(clientId: string): void {
    const item = this.outbox.get(clientId);
    if (!item) return;
    this.outbox.delete(clientId);
    for (const settle of item.settle) settle(new OrderChatError("CLOSED", "The message was discarded."));
    this.outboxChanged();
  }

  /** Loads the page before the oldest message held; resolves with how many came. */
  async loadOlder(limit = 50): Promise<number> {
    if (!this.older) return 0;
    const page = await this.host.request("message:history", {
      conversationId: this.id, ...(this.firstSeq != null ? { beforeSeq: this.firstSeq } : {}), limit,
    });
    this.older = Boolean(page.hasMore);
    const added = this.addMessages(page.messages ?? []);
    this.changed();
    return added;
  }

  /** Marks everything up to `seq` (default: the last message) read; resolves with the unread count left. */
  async markRead(seq = this.lastSeq): Promise<number> {
    if (seq <= 0) return this.unread;
    const answer = await this.host.request("conversation:read", { conversationId: this.id, seq });
    this.ownReadSeq = Math.max(this.ownReadSeq, answer.readSeq ?? seq);
    this.setUnread(answer.unreadCount ?? 0);
    return this.unread;
  }

  /** Deletes one of the user's messages (or any, for staff). */
  async deleteMessage(messageId: string): Promise<void> {
    const deleted = await this.host.request("message:delete", { messageId });
    this.messageDeleted(deleted.seq);
  }

  /**
   * Adds the user's `emoji` to message `seq` (or takes it off with `add = false`); adding one that is there
   * changes nothing. Resolves with the message's reactions; every member gets them as `message:reactions`.
   */
  async react(seq: number, emoji: string, add = true): Promise<Reaction[]> {
    const answer = await this.host.request(add ? "message:react" : "message:unreact", { conversationId: this.id, seq, emoji });
    this.reactionsChanged(answer);
    return answer.reactions ?? [];
  }

  /** Whether the user has put `emoji` on the message. */
  reactedWith(message: Message, emoji: string): boolean {
    const me = this.host.userId;
    return me != null && Boolean(message.reactions?.some((r) => r.emoji === emoji && r.userIds?.includes(me)));
  }

  /**
   * Call on every keystroke: one typing:start, repeated every few seconds while typing goes on
   * (the server forgets an indicator 10 s after the last), and typing:stop after a pause.
   */
  typing(): void {
    if (this.left || !this.host.connected) return;
    const now = Date.now();
    if (this.typingSince === 0 || now - this.typingSince >= this.host.typingRefreshMs) {
      this.typingSince = now;
      this.host.request("typing:start", { conversationId: this.id }).catch(() => {});
    }
    if (this.typingIdle) clearTimeout(this.typingIdle);
    this.typingIdle = setTimeout(() => this.stopTyping(), this.host.typingIdleMs);
  }

  /** Says the user stopped typing (sent once, and only after a typing:start). */
  stopTyping(): void {
    if (this.typingIdle) clearTimeout(this.typingIdle);
    this.typingIdle = null;
    if (this.typingSince === 0) return;
    this.typingSince = 0;
    if (!this.left) this.host.request("typing:stop", { conversationId: this.id }).catch(() => {});
  }

  /** @internal one more join of the same conversation. */
  hold(): this {
    this.holders++;
    return this;
  }

  /**
   * Lets go of the conversation; the last holder leaves the live room (waiting sends are then
   * dropped, unless kept in storage).
   */
  async leave(): Promise<void> {
    if (this.left) return;
    if (--this.holders > 0) return;
    this.stopTyping();
    this.left = true;
    for (const typer of this.typers.values()) clearTimeout(typer.timer);
    this.host.forget(this.id);
    if (this.host.connected) {
      await this.host.request("conversation:leave", { conversationId: this.id }).catch(() => {});
    }
  }

  // ---- fed by the client ----

  /** @internal a live `message` event. Detects a gap in seq and fills it from history. */
  messageArrived(message: Message): void {
    const added = this.addMessages([message]);
    if (added && message.senderId !== this.host.userId && message.seq > this.ownReadSeq) this.setUnread(this.unread + 1, false);
    if (message.senderId) this.clearTyper(message.senderId, false);
    this.changed();
    this.checkGap(message.seq);
  }

  /** @internal after a reconnect: everything after the last seq held, then the waiting sends. */
  async resume(): Promise<void> {
    let lastSeq = this.lastSeq;
    for (let round = 0; round < RESUME_ROUNDS; round++) {
      const answer = await this.host.request("sync:resume", { conversations: [{ conversationId: this.id, lastSeq }] });
      const entry = (answer.conversations ?? []).find((item) => item.conversationId === this.id);
      if (!entry) return;
      if (entry.error) throw new OrderChatError(entry.error.code, entry.error.message, { command: "sync:resume" });
      this.addMissed(entry.messages ?? []);
      lastSeq = Math.max(lastSeq, entry.lastSeq ?? this.lastSeq, this.lastSeq);
      this.verifiedThrough = Math.max(this.verifiedThrough, lastSeq);
      this.changed();
      if (!entry.hasMore) break;
    }
    // Complete as answered: the server subscribes the socket before it reads what was missed, so a
    // message stored meanwhile comes live (kept once per seq); no history request after it.
    this.resendWaiting();
  }

  /** @internal resends every waiting (not failed) message. */
  resendWaiting(): void {
    for (const [clientId, item] of this.outbox) if (item.entry.status === "pending") this.deliver(clientId);
  }

  /** @internal a tombstone loses its reactions, and the replies quoting it show it deleted. */
  messageDeleted(seq: number): void {
    const message = this.bySeq.get(seq);
    if (!message || message.deletedAt) return;
    this.bySeq.set(seq, { ...message, content: null, deletedAt: new Date().toISOString(), reactions: [] });
    for (const [at, reply] of this.bySeq) {
      if (reply.replyTo?.seq === seq) {
        this.bySeq.set(at, { ...reply, replyTo: { seq, senderName: null, excerpt: null, deleted: true } });
      }
    }
    this.changed();
  }

  /** @internal a message's reactions changed: the event carries the whole list. */
  reactionsChanged(event: ReactionsPayload): void {
    const message = this.bySeq.get(event.seq);
    if (!message) return;
    this.bySeq.set(event.seq, { ...message, reactions: event.reactions ?? [] });
    this.changed();
  }

  /** @internal a moderator cleaned the history up to the system message `seq`. */
  cleaned(seq: number): void {
    for (const [at, message] of this.bySeq) {
      if (at < seq && message.type !== "system" && !message.deletedAt) {
        this.bySeq.set(at, { ...message, content: null, deletedAt: new Date().toISOString() });
      }
    }
    this.changed();
  }

  /** @internal */
  typingChanged(event: TypingPayload): void {
    if (!event.userId || event.userId === this.host.userId) return;
    if (!event.isTyping) {
      this.clearTyper(event.userId);
      return;
    }
    const previous = this.typers.get(event.userId);
    if (previous) clearTimeout(previous.timer);
    const userId = event.userId;
    const timer = setTimeout(() => this.clearTyper(userId), TYPING_FORGET_MS);
    this.typers.set(userId, { userId, name: event.name ?? userId, timer });
    this.changed();
  }

  /** @internal member:joined/left, participant:added/removed, presence. */
  memberChanged(event: MemberPayload, how: "online" | "offline" | "added" | "removed"): void {
    if (!event.userId) return;
    if (how === "removed") {
      this.people.delete(event.userId);
      this.clearTyper(event.userId, false);
    } else {
      const known = this.people.get(event.userId);
      this.people.set(event.userId, {
        ...(known ?? { userId: event.userId, name: event.name ?? event.userId, role: event.role }),
        online: how !== "offline",
      });
    }
    this.changed();
  }

  /** @internal presence of a user, wherever it is known. */
  presence(userId: string, online: boolean): void {
    const known = this.people.get(userId);
    if (!known || known.online === online) return;
    this.people.set(userId, { ...known, online });
    this.changed();
  }

  /** @internal another member read up to a seq. */
  readBy(event: ReadPayload): void {
    if (!event.userId) return;
    const known = this.people.get(event.userId) ?? { userId: event.userId, name: event.userId, role: null };
    this.people.set(event.userId, { ...known, readSeq: Math.max(known.readSeq ?? 0, event.seq) });
    this.changed();
  }

  /** @internal the user read up to `readSeq` on some device, leaving `unreadCount` unread. */
  readElsewhere(readSeq: number, unreadCount: number): void {
    // An older read arriving late must not bring back what a newer one cleared.
    if (readSeq < this.ownReadSeq) return;
    this.ownReadSeq = readSeq;
    // Messages that arrived here after that read was counted are still unread.
    let newer = 0;
    for (const message of this.bySeq.values()) {
      const note = (message.metadata as Record<string, unknown> | null)?.visibility === "staff";
      if (message.seq > readSeq && message.senderId !== this.host.userId && !message.deletedAt && !note) newer++;
    }
    this.setUnread(Math.max(unreadCount, newer));
    this.changed();
  }

  /** @internal */
  setUnread(count: number, notify = true): void {
    if (count === this.unread) return;
    this.unread = count;
    this.host.unreadChanged(this.id, count);
    if (notify) this.changed();
    else this.snapshotCache = null;
  }

  /** @internal */
  setConversation(info: Conversation): void {
    this.info = info;
    this.changed();
  }

  // ---- internals ----

  private async deliver(clientId: string): Promise<void> {
    const item = this.outbox.get(clientId);
    if (!item || this.left || !this.host.connected) return; // goes out after the reconnect
    const { content, attachments, replyTo } = item.entry;
    try {
      const sent = await this.host.request("message:send", {
        conversationId: this.id, clientId, ...(content ? { content } : {}), ...(attachments?.length ? { attachments } : {}),
        ...(replyTo != null ? { replyTo } : {}),
      });
      this.addMessages([sent.message]);
      this.changed();
      this.checkGap(sent.message.seq);
    } catch (error) {
      if (isRetryable(error)) return; // resent after the reconnect, stored at most once
      const current = this.outbox.get(clientId);
      if (!current) return;
      const refusal = error instanceof OrderChatError ? error : new OrderChatError("INTERNAL", String(error));
      current.entry = { ...current.entry, status: "failed", error: refusal.toJSON() };
      for (const settle of current.settle.splice(0)) settle(refusal);
      this.outboxChanged();
    }
  }

  /** Adds stored messages (deduplicated by seq), settling the sends they answer; returns how many were new. */
  private addMessages(messages: readonly Message[]): number {
    let added = 0;
    let outbox = false;
    for (const message of messages) {
      if (message?.seq == null) continue;
      if (!this.bySeq.has(message.seq)) {
        this.bySeq.set(message.seq, message);
        added++;
      }
      const pending = message.clientId ? this.outbox.get(message.clientId) : undefined;
      if (pending && message.clientId) {
        this.outbox.delete(message.clientId);
        for (const settle of pending.settle) settle(message);
        outbox = true;
      }
    }
    if (outbox) this.host.outboxChanged(this.id, this.snapshotOutbox());
    if (added || outbox) this.snapshotCache = null;
    return added;
  }

  /** Adds messages that were missed live (resume, gap fill), counting others' new ones as unread. */
  private addMissed(messages: readonly Message[]): number {
    const unseen = messages.filter((message) => !this.bySeq.has(message.seq)
      && message.senderId !== this.host.userId && message.seq > this.ownReadSeq).length;
    const added = this.addMessages(messages);
    if (unseen > 0) this.setUnread(this.unread + unseen, false);
    return added;
  }

  /** A stored message above the verified seqs: fetch what lies between from history. */
  private checkGap(seq: number): void {
    if (seq === this.verifiedThrough + 1 && !this.filling) this.verifiedThrough = seq;
    else if (seq > this.verifiedThrough + 1) void this.fillGap();
  }

  private async fillGap(): Promise<void> {
    if (this.filling) {
      // One fill at a time; a message that arrived meanwhile is checked again after it.
      await this.filling;
      if (this.lastSeq > this.verifiedThrough) return this.fillGap();
      return;
    }
    this.filling = (async () => {
      try {
        let from = this.verifiedThrough;
        const target = this.lastSeq;
        for (let round = 0; round < RESUME_ROUNDS; round++) {
          const page = await this.host.request("message:history", { conversationId: this.id, afterSeq: from, limit: 100 });
          if (this.addMissed(page.messages ?? []) > 0) this.changed();
          const seqs = (page.messages ?? []).map((message) => message.seq);
          if (!page.hasMore || seqs.length === 0) {
            this.verifiedThrough = Math.max(this.verifiedThrough, target, ...seqs);
            break;
          }
          from = Math.max(...seqs);
          this.verifiedThrough = Math.max(this.verifiedThrough, from);
        }
      } catch {
        // The next reconnect's sync:resume fills what is still missing.
      } finally {
        this.filling = null;
      }
    })();
    return this.filling;
  }

  private clearTyper(userId: string, notify = true): void {
    const typer = this.typers.get(userId);
    if (!typer) return;
    clearTimeout(typer.timer);
    this.typers.delete(userId);
    if (notify) this.changed();
    else this.snapshotCache = null;
  }

  private snapshotOutbox(): PendingMessage[] {
    return [...this.outbox.values()].map((item) => item.entry);
  }

  private outboxChanged(): void {
    this.host.outboxChanged(this.id, this.snapshotOutbox());
    this.changed();
  }

  private changed(): void {
    this.snapshotCache = null;
    for (const listener of [...this.listeners]) listener();
  }
}
