// Every refusal the SDK hands back is an OrderChatError carrying the server's code
// (docs/protocol.md, "Error codes"), or one of the SDK's own: TIMEOUT, DISCONNECTED, CLOSED.

/** The server's error codes, and the SDK's own (the last three). */
export type ErrorCode =
  | "UNAUTHENTICATED" | "TOKEN_EXPIRED" | "TOKEN_REVOKED" | "FORBIDDEN" | "NOT_FOUND" | "VALIDATION_FAILED"
  | "CONTENT_EMPTY" | "CONTENT_TOO_LONG" | "ILLEGAL_TRANSITION" | "CONFLICT" | "CONVERSATION_CLOSED"
  | "LEGAL_HOLD" | "FILE_TOO_LARGE" | "UNSUPPORTED_FILE_TYPE" | "TOO_MANY_FILES" | "RATE_LIMITED"
  | "SLOW_DOWN" | "UNAVAILABLE" | "UNKNOWN_COMMAND" | "INTERNAL"
  | "TIMEOUT" | "DISCONNECTED" | "CLOSED";

export class OrderChatError extends Error {
  readonly code: ErrorCode | (string & {});
  /** The command that was refused, when there was one. */
  readonly command?: string;
  /** The HTTP status for a refused REST call (uploads), otherwise undefined. */
  readonly status?: number;

  constructor(code: string, message: string, options: { command?: string; status?: number } = {}) {
    super(message);
    this.name = "OrderChatError";
    this.code = code;
    this.command = options.command;
    this.status = options.status;
  }

  /** The plain {code, message} value, e.g. to keep in state. */
  toJSON(): { code: string; message: string } {
    return { code: this.code, message: this.message };
  }
}

export function isOrderChatError(value: unknown): value is OrderChatError {
  return value instanceof OrderChatError;
}

/** Whether a send that failed this way may have reached nobody and should go out again. */
export function isRetryable(error: unknown): boolean {
  if (!isOrderChatError(error)) return false;
  return ["TIMEOUT", "DISCONNECTED", "UNAVAILABLE", "SLOW_DOWN"].includes(error.code);
}
