// @orderchat/client: the OrderChat client SDK (framework-free core).
export { OrderChatClient, connect } from "./client.js";
export type { ConnectionState, OrderChatOptions, OutboxStorage, ClientEvents } from "./client.js";
export { ConversationHandle } from "./conversation.js";
export type { ConversationSnapshot, PendingMessage, Typer } from "./conversation.js";
export { OrderChatError, isOrderChatError, isRetryable } from "./errors.js";
export type { ErrorCode } from "./errors.js";
export { uploadFiles } from "./upload.js";
export type { UploadOptions, UploadedFile } from "./upload.js";
export type * from "./commands.js";
export type * from "./generated/events.js";
