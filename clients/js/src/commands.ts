// What each canonical command takes and answers (docs/protocol.md, "Commands"). The command
// names come from the generated catalogue: a command added on the server and missing here
// (or one here that the server dropped) fails the SDK's build.
import type { CommandName, ConversationKind, Message, OrderJson, ReactionsPayload, Role, SessionJson, Dispute } from "./generated/events.js";

export interface Conversation {
  id: string;
  kind: ConversationKind;
  subjectId: string | null;
  lastSeq: number;
  title?: string | null;
  [field: string]: unknown;
}

export interface Participant {
  userId: string;
  name: string | null;
  role: Role | null;
  online?: boolean;
  readSeq?: number;
  [field: string]: unknown;
}

export interface Joined {
  conversation: Conversation;
  participants: Participant[];
  messages: Message[];
  unreadCount: number;
  lastSeq: number;
  readSeq: number;
  hasMore?: boolean;
}

export interface HistoryPage {
  messages: Message[];
  hasMore: boolean;
}

export interface ResumedConversation {
  conversationId: string;
  messages: Message[];
  hasMore: boolean;
  lastSeq: number;
  error?: { code: string; message: string };
}

export interface UnreadCounts {
  total: number;
  conversations: Array<{ conversationId: string; unreadCount: number }>;
}

type OrderOrConversation = { orderId: string } | { conversationId: string };

/** Payload and acknowledgement data of every canonical command. */
export interface Commands {
  "conversation:join": { payload: OrderOrConversation; answer: Joined };
  "conversation:leave": { payload: { conversationId: string }; answer: { conversationId: string } };
  "message:send": {
    payload: { conversationId: string; content?: string; clientId?: string; attachments?: string[]; replyTo?: number };
    answer: { message: Message; duplicate: boolean };
  };
  "message:react": { payload: { conversationId: string; seq: number; emoji: string }; answer: ReactionsPayload };
  "message:unreact": { payload: { conversationId: string; seq: number; emoji: string }; answer: ReactionsPayload };
  "message:delete": { payload: { messageId: string }; answer: { conversationId: string; messageId: string; seq: number } };
  "message:history": {
    payload: { conversationId: string; beforeSeq?: number; afterSeq?: number; limit?: number };
    answer: HistoryPage;
  };
  "message:search": {
    payload: {
      q: string; conversationId?: string; kind?: ConversationKind; orderId?: string; senderId?: string;
      from?: string; to?: string; limit?: number; cursor?: string;
    };
    answer: { results: Array<Record<string, unknown>>; nextCursor: string | null };
  };
  "typing:start": { payload: { conversationId: string }; answer: Record<string, never> };
  "typing:stop": { payload: { conversationId: string }; answer: Record<string, never> };
  "conversation:read": {
    payload: { conversationId: string; seq?: number };
    answer: { conversationId: string; readSeq: number; unreadCount: number };
  };
  "sync:resume": {
    payload: { conversations: Array<{ conversationId: string; lastSeq: number }> };
    answer: { conversations: ResumedConversation[] };
  };
  "unread:get": { payload: Record<string, never>; answer: UnreadCounts };
  "moderation:queue": { payload: Record<string, never>; answer: OrderJson[] };
  "order:accept": { payload: OrderOrConversation; answer: OrderJson };
  "transfer:initiate": { payload: OrderOrConversation & { toModeratorId: string }; answer: Record<string, unknown> };
  "transfer:accept": { payload: OrderOrConversation; answer: Record<string, unknown> };
  "transfer:decline": { payload: OrderOrConversation; answer: Record<string, unknown> };
  "conversation:clean": {
    payload: { conversationId: string };
    answer: { conversationId: string; orderId: string; messagesRemoved: number; imagesDeleted: number; moderator: unknown };
  };
  "note:add": { payload: { conversationId: string; content: string }; answer: Message };
  "support:queue": { payload: Record<string, never>; answer: SessionJson[] };
  "support:accept": { payload: { sessionId: string }; answer: SessionJson };
  "support:close": { payload: { sessionId: string }; answer: SessionJson };
  "support:status": { payload: { sessionId: string; status: "active" | "resolved" | "closed" }; answer: SessionJson };
  "dispute:open": { payload: { orderId: string; reason: string }; answer: Dispute };
  "dispute:status": { payload: { disputeId: string; status: string; resolution?: string }; answer: Dispute };
}

export type CommandPayload<C extends CommandName> = Commands[C]["payload"];
export type CommandAnswer<C extends CommandName> = Commands[C]["answer"];

// Compile-time check that Commands names exactly the server's commands.
type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const commandsMatchTheCatalogue: Exactly<keyof Commands, CommandName> = true;
void commandsMatchTheCatalogue;
