// The Socket.IO connection in OrderChat's canonical protocol (docs/protocol.md). Commands are
// promises that resolve with the acknowledgement's data or reject with its {code, message};
// the connection's state (online, reconnecting, signed out) is reported to one listener.
import { ApiError } from "./api.js";

const COMMAND_TIMEOUT_MS = 10000;

export class Realtime {
  /**
   * @param token the JWT for the handshake
   * @param onState called with "online", "reconnecting" or "expired"; "online" carries
   *        whether it is a reconnection, after which the views resume what they missed
   */
  constructor(token, onState) {
    this.onState = onState;
    this.connectedBefore = false;
    // window.io comes from /socket.io/socket.io.js, which OrderChat serves.
    this.socket = window.io({ auth: { token }, reconnectionDelayMax: 4000 });
    this.socket.on("connect", () => {
      const reconnected = this.connectedBefore;
      this.connectedBefore = true;
      this.onState("online", reconnected);
    });
    this.socket.on("disconnect", (reason) => {
      // "io client disconnect" is our own close (sign-out); anything else reconnects by itself.
      if (reason !== "io client disconnect") this.onState("reconnecting");
    });
    this.socket.on("connect_error", (error) => {
      const code = error?.data?.code;
      if (code === "UNAUTHENTICATED" || code === "TOKEN_EXPIRED") {
        this.socket.close();
        this.onState("expired", error.message);
      } else {
        this.onState("reconnecting");
      }
    });
    this.socket.on("session:expired", (event) => this.onState("expired", event?.message));
  }

  get connected() {
    return this.socket.connected;
  }

  on(event, listener) {
    this.socket.on(event, listener);
    return () => this.socket.off(event, listener);
  }

  /** Sends a command and resolves with its data; rejects with an ApiError (code "TIMEOUT" when unanswered). */
  async request(command, payload = {}) {
    let answer;
    try {
      answer = await this.socket.timeout(COMMAND_TIMEOUT_MS).emitWithAck(command, payload);
    } catch {
      throw new ApiError("TIMEOUT", "The server did not answer in time.", 0);
    }
    if (answer && answer.ok) return answer.data;
    throw new ApiError(answer?.error?.code ?? "INTERNAL", answer?.error?.message ?? "The server refused the request.", 0);
  }

  close() {
    this.socket.close();
  }
}
