// The OrderChat client: one Socket.IO connection in the canonical protocol that signs in with
// a token from getToken() on every (re)connect and again after session:expired, reconnects by
// itself, resumes every joined conversation with sync:resume, resends what was not
// acknowledged, and keeps the unread counts. Commands are promises of the answer's data that
// reject with an OrderChatError.
import { io, type ManagerOptions, type Socket, type SocketOptions } from "socket.io-client";
import type { CommandName, EventName, EventPayloads, Message } from "./generated/events.js";
import type { CommandAnswer, CommandPayload } from "./commands.js";
import { ConversationHandle, type ConversationHost, type PendingMessage } from "./conversation.js";
import { Emitter } from "./emitter.js";
import { OrderChatError } from "./errors.js";
import { uploadFiles, type UploadedFile } from "./upload.js";

export type ConnectionState = "connecting" | "online" | "reconnecting" | "expired" | "closed";

/** Where waiting sends are kept across a page reload: window.localStorage fits. */
export interface OutboxStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface OrderChatOptions {
  /** The server, e.g. "https://chat.example.com"; default: the page's own origin. */
  url?: string;
  /** The JWT to sign in with; called on every connect and reconnect, and after the token expired. */
  getToken: () => string | Promise<string>;
  /** Keeps waiting sends across page reloads when given. */
  storage?: OutboxStorage;
  /** How long a command waits for its answer before it rejects with TIMEOUT (10 s). */
  commandTimeoutMs?: number;
  /** A typing:start goes out at most this often while the user types (4 s; the server forgets after 10 s). */
  typingRefreshMs?: number;
  /** typing:stop goes out after this pause in typing (3 s). */
  typingIdleMs?: number;
  /** Prefix of the generated clientIds. */
  clientIdPrefix?: string;
  /** Passed to socket.io-client's io() (transports, path, reconnectionDelayMax…). */
  socket?: Partial<ManagerOptions & SocketOptions>;
  /** Starts connecting at once (default true). */
  autoConnect?: boolean;
}

export interface ClientEvents extends EventPayloads {
  /** The connection changed; `reconnected` is true when it came back after a drop. */
  state: { state: ConnectionState; reconnected?: boolean; error?: OrderChatError };
  /** Total or per-conversation unread count changed. */
  unread: { total: number; conversationId?: string };
  /** Something the SDK did by itself failed (a resume, an unread refresh). */
  failure: OrderChatError;
}

const DEFAULTS = { commandTimeoutMs: 10000, typingRefreshMs: 4000, typingIdleMs: 3000, clientIdPrefix: "sdk" };
const TOKEN_CODES = new Set(["UNAUTHENTICATED", "TOKEN_EXPIRED", "TOKEN_REVOKED"]);
const OUTBOX_KEY = "orderchat.outbox.";

export class OrderChatClient extends Emitter<ClientEvents> {
  readonly socket: Socket;
  private readonly options: OrderChatOptions & typeof DEFAULTS;
  private readonly joined = new Map<string, ConversationHandle>();
  private readonly unreadBy = new Map<string, number>();
  private current: ConnectionState = "connecting";
  private everConnected = false;
  private tokenRetried = false;
  private user: string | null = null;
  private stateListeners = new Set<() => void>();
  // Events may overtake a join's answer (the server subscribes the socket first): while a join
  // is on its way they wait here, and the new conversation replays its own.
  private joining = 0;
  private early: Array<{ conversationId: string; apply: (conversation: ConversationHandle) => void }> = [];

  constructor(options: OrderChatOptions) {
    super();
    this.options = { ...DEFAULTS, ...options };
    const socketOptions: Partial<ManagerOptions & SocketOptions> = {
      reconnectionDelayMax: 4000,
      ...options.socket,
      autoConnect: false,
      // A function, so every connect and reconnect asks for the token again.
      auth: (callback: (data: object) => void) => {
        Promise.resolve()
          .then(() => this.options.getToken())
          .then((token) => {
            this.user = subjectOf(token);
            callback({ token });
          })
          .catch((error) => {
            this.setState("expired", { error: new OrderChatError("UNAUTHENTICATED", `No token: ${error?.message ?? error}`) });
            this.socket.disconnect();
            callback({});
          });
      },
    };
    this.socket = options.url ? io(options.url, socketOptions) : io(socketOptions);
    this.listen();
    if (options.autoConnect !== false) this.connect();
  }

  // ---- connection ----

  get state(): ConnectionState {
    return this.current;
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  /** The signed-in user's id (the token's `sub`), once a token was fetched. */
  get userId(): string | null {
    return this.user;
  }

  connect(): void {
    if (this.current === "closed") return;
    this.socket.connect();
  }

  /** Closes the connection for good (sign-out). */
  close(): void {
    this.setState("closed");
    this.joined.clear();
    this.socket.close();
  }

  /** Resolves once online; rejects when the sign-in is refused for good. */
  ready(): Promise<void> {
    if (this.socket.connected) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const off = this.on("state", ({ state, error }) => {
        if (state === "online") {
          off();
          resolve();
        } else if (state === "expired" || state === "closed") {
          off();
          reject(error ?? new OrderChatError("CLOSED", "The connection was closed."));
        }
      });
    });
  }

  // ---- commands ----

  /**
   * Sends any canonical command; resolves with its answer's data, rejects with an OrderChatError.
   * While (re)connecting it waits for the connection up to the command timeout (DISCONNECTED after).
   */
  async request<C extends CommandName>(command: C, payload: CommandPayload<C>): Promise<CommandAnswer<C>> {
    if (this.current === "closed") throw new OrderChatError("CLOSED", "The client is closed.", { command });
    if (!this.socket.connected) await this.online(command);
    let answer: { ok?: boolean; data?: unknown; error?: { code?: string; message?: string } } | undefined;
    try {
      answer = await this.socket.timeout(this.options.commandTimeoutMs).emitWithAck(command, payload);
    } catch {
      throw this.socket.connected
        ? new OrderChatError("TIMEOUT", "The server did not answer in time.", { command })
        : new OrderChatError("DISCONNECTED", "The connection dropped before the answer.", { command });
    }
    if (answer?.ok) return answer.data as CommandAnswer<C>;
    throw new OrderChatError(answer?.error?.code ?? "INTERNAL", answer?.error?.message ?? "The server refused the request.", { command });
  }

  /** Listens to any server event (typed by the generated catalogue) or to the client's own. */
  override on<K extends keyof ClientEvents>(event: K, listener: (payload: ClientEvents[K]) => void): () => void {
    return super.on(event, listener);
  }

  // ---- conversations ----

  /**
   * Joins a conversation (by its id, or by the order it belongs to) and keeps it live until
   * leave(): resumed after every reconnect, its sends resent. Joining twice returns the same
   * handle, which then stays joined until both have called leave().
   */
  async join(target: { conversationId: string } | { orderId: string }): Promise<ConversationHandle> {
    const known = "conversationId" in target ? this.joined.get(target.conversationId) : this.byOrder(target.orderId);
    if (known) return known.hold();
    let joined;
    this.joining++;
    try {
      joined = await this.request("conversation:join", target);
    } finally {
      this.joining--;
    }
    const existing = this.joined.get(joined.conversation.id);
    if (existing) return existing.hold();
    const handle = new ConversationHandle(this.host, joined, this.restoredOutbox(joined.conversation.id));
    this.joined.set(handle.id, handle);
    for (const event of this.early.filter((item) => item.conversationId === handle.id)) event.apply(handle);
    if (this.joining === 0) this.early = [];
    // No history request after the answer: the server subscribes before it reads the page.
    this.unreadSet(handle.id, joined.unreadCount ?? 0);
    handle.resendWaiting();
    return handle;
  }

  /** A joined conversation, if it is. */
  conversation(conversationId: string): ConversationHandle | undefined {
    return this.joined.get(conversationId);
  }

  get conversations(): ConversationHandle[] {
    return [...this.joined.values()];
  }

  /**
   * Uploads files as one message in a conversation (with an optional caption), reporting
   * progress in browsers; resolves with the stored message.
   */
  async sendFiles(conversationId: string, files: ReadonlyArray<File | UploadedFile>,
    options: { content?: string; onProgress?: (done: number) => void; clientId?: string } = {}): Promise<Message> {
    const token = await this.options.getToken();
    const message = await uploadFiles({
      baseUrl: this.options.url ?? "", token, conversationId, files, content: options.content,
      clientId: options.clientId ?? `${this.options.clientIdPrefix}-${randomId()}`, onProgress: options.onProgress,
    });
    this.joined.get(conversationId)?.messageArrived(message);
    return message;
  }

  // ---- unread ----

  /** Unread messages over all the user's conversations, or in one. */
  unread(conversationId?: string): number {
    if (conversationId) return this.unreadBy.get(conversationId) ?? 0;
    let total = 0;
    for (const count of this.unreadBy.values()) total += count;
    return total;
  }

  /** Asks the server for every unread count again (done on every connect; call it e.g. when the page is shown again). */
  async refreshUnread(): Promise<number> {
    const counts = await this.request("unread:get", {});
    this.unreadBy.clear();
    for (const entry of counts.conversations ?? []) this.unreadBy.set(entry.conversationId, entry.unreadCount);
    for (const conversation of this.joined.values()) conversation.setUnread(this.unreadBy.get(conversation.id) ?? 0);
    this.emit("unread", { total: this.unread() });
    this.notifyState();
    return this.unread();
  }

  /** For React's useSyncExternalStore: called on a change of state or unread counts. */
  subscribe(listener: () => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  // ---- internals ----

  private online(command: string): Promise<void> {
    const refused = () => new OrderChatError("DISCONNECTED", "Not connected; try again once online.", { command });
    if (this.current === "expired" || !this.socket.active) return Promise.reject(refused());
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(refused());
      }, this.options.commandTimeoutMs);
      const off = this.on("state", ({ state }) => {
        if (state === "online") {
          clearTimeout(timer);
          off();
          resolve();
        } else if (state === "expired" || state === "closed") {
          clearTimeout(timer);
          off();
          reject(refused());
        }
      });
    });
  }

  private get host(): ConversationHost {
    const client = this;
    return {
      get userId() { return client.user; },
      get connected() { return client.socket.connected; },
      request: (command, payload) => client.request(command, payload),
      newClientId: () => `${client.options.clientIdPrefix}-${randomId()}`,
      unreadChanged: (conversationId, unread) => client.unreadSet(conversationId, unread),
      outboxChanged: (conversationId, pending) => client.storeOutbox(conversationId, pending),
      forget: (conversationId) => client.joined.delete(conversationId),
      typingRefreshMs: client.options.typingRefreshMs,
      typingIdleMs: client.options.typingIdleMs,
    };
  }

  private listen(): void {
    const socket = this.socket;
    socket.on("connect", () => {
      const reconnected = this.everConnected;
      this.everConnected = true;
      this.tokenRetried = false;
      this.setState("online", { reconnected });
      void this.afterConnect(reconnected);
    });
    socket.on("disconnect", (reason) => {
      if (this.current === "closed" || this.current === "expired") return;
      this.setState("reconnecting");
      // The server closed the socket (session:expired): socket.io does not come back by itself.
      if (reason === "io server disconnect") setTimeout(() => this.connect(), 0);
    });
    socket.on("connect_error", (error: Error & { data?: { code?: string; message?: string } }) => {
      if (this.current === "closed" || this.current === "expired") return;
      const code = error?.data?.code;
      if (code && TOKEN_CODES.has(code)) {
        // Refused at sign-in: socket.io does not retry. Ask for a fresh token once.
        if (!this.tokenRetried) {
          this.tokenRetried = true;
          this.setState("reconnecting");
          setTimeout(() => this.connect(), 0);
        } else {
          this.setState("expired", { error: new OrderChatError(code, error.data?.message ?? error.message) });
        }
        return;
      }
      this.setState(this.everConnected ? "reconnecting" : "connecting");
      // Refused for another reason (RATE_LIMITED): socket.io stops retrying, so try again later.
      if (code && !socket.active) setTimeout(() => this.connect(), 2000);
    });

    socket.on("message", (event: EventPayloads["message"]) => {
      const message = event?.message;
      if (message) {
        this.toConversation(event.conversationId, (conversation) => {
          conversation.messageArrived(message);
          if (message.type === "system" && (message.metadata as Record<string, unknown> | null)?.event === "conversation.cleaned") {
            conversation.cleaned(message.seq);
          }
        });
      }
      this.emit("message", event);
    });
    socket.on("notification", (event: EventPayloads["notification"]) => {
      // A message in a conversation this socket has not joined.
      if (event?.conversationId && event.message?.senderId !== this.user && !this.joined.has(event.conversationId)) {
        this.unreadSet(event.conversationId, this.unread(event.conversationId) + 1);
      }
      this.emit("notification", event);
    });
    this.route("message:deleted", (c, e) => c.messageDeleted(e.seq));
    this.route("message:reactions", (c, e) => c.reactionsChanged(e));
    this.route("typing", (c, e) => c.typingChanged(e));
    this.route("conversation:read", (c, e) => c.readBy(e));
    socket.on("unread:updated", (event: EventPayloads["unread:updated"]) => {
      // The user read a conversation on one of their devices (this one included): the counts follow.
      if (event?.conversationId) {
        const conversation = this.joined.get(event.conversationId);
        if (conversation) conversation.readElsewhere(event.readSeq, event.unreadCount);
        else this.unreadSet(event.conversationId, event.unreadCount);
      }
      this.emit("unread:updated", event);
    });
    this.route("member:joined", (c, e) => c.memberChanged(e, "online"));
    this.route("member:left", (c, e) => c.memberChanged(e, "offline"));
    this.route("participant:added", (c, e) => c.memberChanged(e, "added"));
    this.route("participant:removed", (c, e) => c.memberChanged(e, "removed"));
    socket.on("presence", (event: EventPayloads["presence"]) => {
      if (event?.userId) for (const conversation of this.joined.values()) conversation.presence(event.userId, event.online);
      this.emit("presence", event);
    });
    socket.on("session:expired", (event: EventPayloads["session:expired"]) => {
      // The server disconnects next; the reconnect asks getToken() for a fresh token.
      this.tokenRetried = false;
      this.emit("session:expired", event);
    });
    const forwarded: EventName[] = ["order:status", "error", "order:new", "order:accepted", "transfer:initiated",
      "transfer:accepted", "transfer:declined", "conversation:cleaned", "note:added", "support:queued",
      "support:accepted", "support:status", "dispute:status"];
    for (const name of forwarded) socket.on(name, (event: unknown) => this.emit(name, event as ClientEvents[typeof name]));
  }

  /** Delivers a conversation event to its joined conversation, then to the app's listeners. */
  private route<K extends "message:deleted" | "message:reactions" | "typing" | "conversation:read" | "member:joined" | "member:left"
    | "participant:added" | "participant:removed">(name: K, apply: (conversation: ConversationHandle, event: EventPayloads[K]) => void): void {
    (this.socket as Socket).on(name as string, (event: EventPayloads[K]) => {
      this.toConversation(event?.conversationId, (conversation) => apply(conversation, event));
      this.emit(name, event as ClientEvents[K]);
    });
  }

  private toConversation(conversationId: string | null | undefined, apply: (conversation: ConversationHandle) => void): void {
    if (!conversationId) return;
    const conversation = this.joined.get(conversationId);
    if (conversation) apply(conversation);
    else if (this.joining > 0) this.early.push({ conversationId, apply });
  }

  private async afterConnect(reconnected: boolean): Promise<void> {
    if (reconnected) {
      await Promise.all(this.conversations.map((conversation) => conversation.resume().catch((error) => {
        this.emit("failure", asError(error));
      })));
    }
    await this.refreshUnread().catch((error) => this.emit("failure", asError(error)));
  }

  private byOrder(orderId: string): ConversationHandle | undefined {
    return this.conversations.find((conversation) => conversation.conversation.kind === "order"
      && conversation.conversation.subjectId === orderId);
  }

  private unreadSet(conversationId: string, count: number): void {
    if ((this.unreadBy.get(conversationId) ?? 0) === count && this.unreadBy.has(conversationId)) return;
    this.unreadBy.set(conversationId, count);
    this.emit("unread", { total: this.unread(), conversationId });
    this.notifyState();
  }

  private outboxKey(conversationId: string): string {
    return `${OUTBOX_KEY}${this.user ?? "anonymous"}.${conversationId}`;
  }

  private restoredOutbox(conversationId: string): PendingMessage[] {
    const stored = this.options.storage?.getItem(this.outboxKey(conversationId));
    if (!stored) return [];
    try {
      return (JSON.parse(stored) as PendingMessage[]).filter((entry) => entry.status === "pending");
    } catch {
      return [];
    }
  }

  private storeOutbox(conversationId: string, pending: readonly PendingMessage[]): void {
    const storage = this.options.storage;
    if (!storage) return;
    const waiting = pending.filter((entry) => entry.status === "pending");
    if (waiting.length === 0) storage.removeItem(this.outboxKey(conversationId));
    else storage.setItem(this.outboxKey(conversationId), JSON.stringify(waiting));
  }

  private setState(state: ConnectionState, details: { reconnected?: boolean; error?: OrderChatError } = {}): void {
    if (this.current === state && state !== "online") return;
    this.current = state;
    this.emit("state", { state, ...details });
    this.notifyState();
  }

  private notifyState(): void {
    for (const listener of [...this.stateListeners]) listener();
  }
}

/** Creates a client (a shorthand for new OrderChatClient(options)). */
export function connect(options: OrderChatOptions): OrderChatClient {
  return new OrderChatClient(options);
}

function asError(error: unknown): OrderChatError {
  return error instanceof OrderChatError ? error : new OrderChatError("INTERNAL", String((error as Error)?.message ?? error));
}

function randomId(): string {
  const crypto = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (crypto?.randomUUID) return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

/** The token's `sub`, read without verifying (the server verifies). */
function subjectOf(token: string): string | null {
  try {
    const part = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
    const bytes = Uint8Array.from(atob(part), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes)).sub ?? null;
  } catch {
    return null;
  }
}

export type { Message };
