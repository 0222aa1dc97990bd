// GENERATED from src/main/java/io/orderchat/realtime/protocol/canonical/CanonicalEvents.java
// by ClientSdkTypesTest (TypeScriptCatalogue). Do not edit: run
//   mvn -o test -Dtest=ClientSdkTypesTest -Dorderchat.sdk.regenerate=true

export type CommandName =
  | "conversation:join"
  | "conversation:leave"
  | "message:send"
  | "message:delete"
  | "message:react"
  | "message:unreact"
  | "message:history"
  | "message:search"
  | "typing:start"
  | "typing:stop"
  | "conversation:read"
  | "sync:resume"
  | "unread:get"
  | "moderation:queue"
  | "order:accept"
  | "transfer:initiate"
  | "transfer:accept"
  | "transfer:decline"
  | "conversation:clean"
  | "note:add"
  | "support:queue"
  | "support:accept"
  | "support:close"
  | "support:status"
  | "dispute:open"
  | "dispute:status";

export type EventName =
  | "message"
  | "message:deleted"
  | "message:reactions"
  | "typing"
  | "conversation:read"
  | "unread:updated"
  | "member:joined"
  | "member:left"
  | "participant:added"
  | "participant:removed"
  | "presence"
  | "order:status"
  | "notification"
  | "session:expired"
  | "error"
  | "order:new"
  | "order:accepted"
  | "transfer:initiated"
  | "transfer:accepted"
  | "transfer:declined"
  | "conversation:cleaned"
  | "note:added"
  | "support:queued"
  | "support:accepted"
  | "support:status"
  | "dispute:status";

export interface MessagePayload {
  conversationId: string | null;
  message: Message | null;
}

export interface Message {
  id: string | null;
  conversationId: string | null;
  seq: number;
  type: MessageType | null;
  content: string | null;
  senderId: string | null;
  senderName: string | null;
  senderRole: Role | null;
  clientId: string | null;
  metadata: Record<string, unknown> | null;
  createdAt: string | null;
  deletedAt: string | null;
  replyTo: Quote | null;
  reactions: Array<Reaction> | null;
}

export type MessageType = "text" | "image" | "file" | "system";

export type Role = "customer" | "performer" | "moderator" | "support" | "admin";

export interface Quote {
  seq: number;
  senderName: string | null;
  excerpt: string | null;
  deleted: boolean;
}

export interface Reaction {
  emoji: string | null;
  count: number;
  userIds: Array<string> | null;
}

export interface MessageDeletedPayload {
  conversationId: string | null;
  messageId: string | null;
  seq: number;
}

export interface ReactionsPayload {
  conversationId: string | null;
  messageId: string | null;
  seq: number;
  reactions: Array<Reaction> | null;
}

export interface TypingPayload {
  conversationId: string | null;
  userId: string | null;
  name: string | null;
  isTyping: boolean;
}

export interface ReadPayload {
  conversationId: string | null;
  userId: string | null;
  seq: number;
  at: string | null;
}

export interface UnreadUpdatedPayload {
  conversationId: string | null;
  readSeq: number;
  unreadCount: number;
  at: string | null;
}

export interface MemberPayload {
  conversationId: string | null;
  userId: string | null;
  name: string | null;
  role: Role | null;
}

export interface PresencePayload {
  userId: string | null;
  online: boolean;
}

export interface OrderStatusPayload {
  orderId: string | null;
  conversationId: string | null;
  from: OrderStatus | null;
  to: OrderStatus | null;
  status: OrderStatus | null;
  by: string | null;
  notes: string | null;
  at: string | null;
  statusName: string | null;
}

export type OrderStatus = "pending" | "processing" | "completed" | "cancelled" | "rejected";

export interface NotificationPayload {
  type: string | null;
  conversationId: string | null;
  kind: ConversationKind | null;
  subjectId: string | null;
  orderId?: string | null;
  content: string | null;
  message: Message | null;
}

export type ConversationKind = "order" | "dispute" | "support";

export interface ErrorPayload {
  code: string | null;
  message: string | null;
  command: string | null;
}

export interface OrderQueuedPayload {
  order: OrderJson | null;
  conversationId: string | null;
}

export interface OrderJson {
  _id: string | null;
  id: string | null;
  externalId: string | null;
  status: OrderStatus | null;
  statusName: string | null;
  customerId: string | null;
  customerName: string | null;
  performerId: string | null;
  performerName: string | null;
  moderatorId: string | null;
  moderatorName: string | null;
  exchangeMethod: string | null;
  amount: number | null;
  title: string | null;
  notes: string | null;
  conversationId: string | null;
  createdAt: string | null;
  updatedAt: string | null;
  user: string | null;
  moderator: string | null;
  chatRoomId: string | null;
}

export interface OrderAcceptedPayload {
  conversationId: string | null;
  orderId: string | null;
  moderator: Person | null;
}

export interface Person {
  id: string | null;
  name: string | null;
}

export interface TransferPayload {
  conversationId: string | null;
  orderId: string | null;
  transferId: string | null;
  status: TransferStatus | null;
  from: Person | null;
  to: Person | null;
}

export type TransferStatus = "pending" | "accepted" | "declined";

export interface CleanedPayload {
  conversationId: string | null;
  moderator: Person | null;
  messagesRemoved: number;
  imagesDeleted: number;
}

export interface NotePayload {
  conversationId: string | null;
  message: Message | null;
}

export interface SessionQueuedPayload {
  session: SessionJson | null;
}

export interface SessionJson {
  id: string | null;
  subject: string | null;
  category: string | null;
  priority: Priority | null;
  restaurant_id: string | null;
  customer_id: string | null;
  agent_id: string | null;
  status: SupportStatus | null;
  created_at: string | null;
  updated_at: string | null;
  agent_accepted_at: string | null;
  closed_at: string | null;
  last_message_at: string | null;
  customer_name: string | null;
  agent_name: string | null;
  conversation_id: string | null;
  accepted_at: string | null;
  resolved_at: string | null;
  closed_by: string | null;
  unread_count?: number | null;
  last_message?: SupportMessageJson | null;
}

export type Priority = "urgent" | "high" | "medium" | "low";

export type SupportStatus = "waiting" | "active" | "resolved" | "closed";

export interface SupportMessageJson {
  id: string | null;
  session_id: string | null;
  sender_id: string | null;
  sender_role: Role | null;
  sender_name: string | null;
  message_type: MessageType | null;
  content: string | null;
  is_system_message: boolean;
  created_at: string | null;
  updated_at: string | null;
  attachments: Array<unknown> | null;
  read_by: Array<ReadBy> | null;
  seq: number;
  is_internal: boolean;
  deleted_at: string | null;
}

export interface ReadBy {
  user_id: string | null;
  read_at: string | null;
}

export interface SessionAcceptedPayload {
  conversationId: string | null;
  session: SessionJson | null;
}

export interface SessionStatusPayload {
  conversationId: string | null;
  sessionId: string | null;
  from: SupportStatus | null;
  status: SupportStatus | null;
  by: string | null;
  session: SessionJson | null;
}

export interface DisputePayload {
  disputeId: string | null;
  orderId: string | null;
  conversationId: string | null;
  status: DisputeStatus | null;
  statusName: string | null;
  dispute: Dispute | null;
}

export type DisputeStatus = "open" | "in_review" | "resolved" | "rejected";

export interface Dispute {
  id: string | null;
  orderId: string | null;
  conversationId: string | null;
  customerId: string | null;
  performerId: string | null;
  openedBy: string | null;
  openedByRole: Role | null;
  reason: string | null;
  status: DisputeStatus | null;
  statusName: string | null;
  moderatorId: string | null;
  moderatorName: string | null;
  resolution: string | null;
  createdAt: string | null;
  updatedAt: string | null;
}

/** The payload of every event the server sends, by event name. */
export interface EventPayloads {
  "message": MessagePayload;
  "message:deleted": MessageDeletedPayload;
  "message:reactions": ReactionsPayload;
  "typing": TypingPayload;
  "conversation:read": ReadPayload;
  "unread:updated": UnreadUpdatedPayload;
  "member:joined": MemberPayload;
  "member:left": MemberPayload;
  "participant:added": MemberPayload;
  "participant:removed": MemberPayload;
  "presence": PresencePayload;
  "order:status": OrderStatusPayload;
  "notification": NotificationPayload;
  "session:expired": ErrorPayload;
  "error": ErrorPayload;
  "order:new": OrderQueuedPayload;
  "order:accepted": OrderAcceptedPayload;
  "transfer:initiated": TransferPayload;
  "transfer:accepted": TransferPayload;
  "transfer:declined": TransferPayload;
  "conversation:cleaned": CleanedPayload;
  "note:added": NotePayload;
  "support:queued": SessionQueuedPayload;
  "support:accepted": SessionAcceptedPayload;
  "support:status": SessionStatusPayload;
  "dispute:status": DisputePayload;
}
