// @orderchat/client/react: React bindings over the core client. Every hook reads the client's
// or a conversation's snapshot through useSyncExternalStore, so components re-render on
// exactly the changes the SDK makes (live messages, resumes, sends settling, typing, presence).
import {
  createContext, createElement, useCallback, useContext, useEffect, useMemo, useRef, useState, useSyncExternalStore,
  type ReactNode,
} from "react";
import { OrderChatClient, type ConnectionState, type OrderChatOptions } from "./client.js";
import type { ConversationHandle, ConversationSnapshot, PendingMessage, Typer } from "./conversation.js";
import type { Participant } from "./commands.js";
import { OrderChatError } from "./errors.js";
import type { Message } from "./generated/events.js";

const Context = createContext<OrderChatClient | null>(null);

export interface OrderChatProviderProps {
  /** A client made by the app, or options to make one (closed when the provider unmounts). */
  client?: OrderChatClient;
  options?: OrderChatOptions;
  children?: ReactNode;
}

export function OrderChatProvider({ client, options, children }: OrderChatProviderProps) {
  const [own] = useState(() => (client ? null : options ? new OrderChatClient(options) : null));
  useEffect(() => () => own?.close(), [own]);
  const value = client ?? own;
  if (!value) throw new Error("OrderChatProvider needs a client or options");
  return createElement(Context.Provider, { value }, children);
}

/** The client of the nearest OrderChatProvider. */
export function useOrderChat(): OrderChatClient {
  const client = useContext(Context);
  if (!client) throw new Error("useOrderChat must be used inside an OrderChatProvider");
  return client;
}

/** "connecting" | "online" | "reconnecting" | "expired" | "closed". */
export function useConnectionState(): ConnectionState {
  const client = useOrderChat();
  return useSyncExternalStore((listener) => client.subscribe(listener), () => client.state);
}

export type ConversationTarget = { conversationId: string } | { orderId: string };

export interface UseConversation {
  conversation: ConversationHandle | null;
  error: OrderChatError | null;
  loading: boolean;
}

/** Joins a conversation while the component is mounted (and leaves it after). */
export function useConversation(target: ConversationTarget | null): UseConversation {
  const client = useOrderChat();
  const key = target ? ("conversationId" in target ? `c:${target.conversationId}` : `o:${target.orderId}`) : null;
  const [state, setState] = useState<UseConversation>({ conversation: null, error: null, loading: Boolean(key) });
  useEffect(() => {
    if (!target) return undefined;
    let active = true;
    let joined: ConversationHandle | null = null;
    setState({ conversation: null, error: null, loading: true });
    client.ready()
      .then(() => client.join(target))
      .then((conversation) => {
        joined = conversation;
        if (active) setState({ conversation, error: null, loading: false });
        else void conversation.leave();
      })
      .catch((error: unknown) => {
        if (active) {
          setState({ conversation: null, error: error instanceof OrderChatError ? error : new OrderChatError("INTERNAL", String(error)), loading: false });
        }
      });
    return () => {
      active = false;
      void joined?.leave();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, key]);
  return state;
}

const EMPTY: ConversationSnapshot | null = null;

/** The live snapshot of a joined conversation (null until it is). */
export function useConversationSnapshot(conversation: ConversationHandle | null): ConversationSnapshot | null {
  return useSyncExternalStore(
    useCallback((listener: () => void) => (conversation ? conversation.onChange(listener) : () => {}), [conversation]),
    () => (conversation ? conversation.snapshot() : EMPTY),
  );
}

export interface UseMessages {
  /** Stored messages, ordered by seq, without duplicates. */
  messages: readonly Message[];
  /** Sends not stored yet: pending, or failed with the server's {code, message}. */
  pending: readonly PendingMessage[];
  hasMore: boolean;
  loadingOlder: boolean;
  /** Loads the page before the oldest message held. */
  loadOlder: () => Promise<void>;
}

/** The conversation's messages, live, with older pages on demand. */
export function useMessages(conversation: ConversationHandle | null, pageSize = 50): UseMessages {
  const snapshot = useConversationSnapshot(conversation);
  const [loadingOlder, setLoading] = useState(false);
  const loading = useRef(false);
  const loadOlder = useCallback(async () => {
    if (!conversation || loading.current) return;
    loading.current = true;
    setLoading(true);
    try {
      await conversation.loadOlder(pageSize);
    } finally {
      loading.current = false;
      setLoading(false);
    }
  }, [conversation, pageSize]);
  return {
    messages: snapshot?.messages ?? [], pending: snapshot?.pending ?? [], hasMore: snapshot?.hasMore ?? false,
    loadingOlder, loadOlder,
  };
}

export interface UseSendMessage {
  /** Sends optimistically: the message shows in `pending` at once; rejects with an OrderChatError if refused. */
  send: (content: string, options?: { attachments?: string[] }) => Promise<Message>;
  retry: (clientId: string) => void;
  discard: (clientId: string) => void;
  pending: readonly PendingMessage[];
  failed: readonly PendingMessage[];
}

export function useSendMessage(conversation: ConversationHandle | null): UseSendMessage {
  const snapshot = useConversationSnapshot(conversation);
  const pending = snapshot?.pending ?? [];
  return useMemo(() => ({
    send: (content: string, options?: { attachments?: string[] }) => (conversation
      ? conversation.send(content, options)
      : Promise.reject(new OrderChatError("NOT_FOUND", "No conversation is open."))),
    retry: (clientId: string) => conversation?.retry(clientId),
    discard: (clientId: string) => conversation?.discard(clientId),
    pending: pending.filter((entry) => entry.status === "pending"),
    failed: pending.filter((entry) => entry.status === "failed"),
  }), [conversation, pending]);
}

export interface UseTyping {
  /** Who else is typing. */
  typers: readonly Typer[];
  /** Call from the input's onChange: throttled typing:start, typing:stop after a pause. */
  onTyping: () => void;
  stop: () => void;
}

export function useTyping(conversation: ConversationHandle | null): UseTyping {
  const snapshot = useConversationSnapshot(conversation);
  useEffect(() => () => conversation?.stopTyping(), [conversation]);
  return {
    typers: snapshot?.typing ?? [],
    onTyping: useCallback(() => conversation?.typing(), [conversation]),
    stop: useCallback(() => conversation?.stopTyping(), [conversation]),
  };
}

/** The conversation's participants with `online` and their read position. */
export function usePresence(conversation: ConversationHandle | null): readonly Participant[] {
  return useConversationSnapshot(conversation)?.participants ?? [];
}

/** Unread messages in one conversation, or over all of the user's when no id is given. */
export function useUnread(conversationId?: string): number {
  const client = useOrderChat();
  return useSyncExternalStore((listener) => client.subscribe(listener), () => client.unread(conversationId));
}

export { OrderChatClient };
export type { ConversationHandle, ConversationSnapshot, PendingMessage, Typer, Participant, Message };
