// The live connection, from the client SDK (clients/js, served as one ES module at
// /js/sdk/orderchat-client.js): it signs in with the token, reconnects, resumes every open
// conversation and resends what was not acknowledged. This adapter reports the connection's
// state (online, reconnecting, signed out) to one listener and turns SDK refusals into ApiErrors.
import { OrderChatClient } from "/js/sdk/orderchat-client.js";
import { ApiError } from "./api.js";

export class Realtime {
  /**
   * @param token the JWT for the handshake
   * @param onState called with "online", "reconnecting" or "expired"; "online" carries
   *        whether it is a reconnection
   */
  constructor(token, onState) {
    this.client = new OrderChatClient({
      getToken: () => token,
      // Sends still waiting when the page is closed go out when it is opened again.
      storage: window.localStorage,
      clientIdPrefix: "web",
    });
    this.client.on("state", ({ state, reconnected, error }) => {
      if (state === "online") onState("online", reconnected);
      else if (state === "reconnecting") onState("reconnecting");
      else if (state === "expired") onState("expired", error?.message);
    });
  }

  get connected() {
    return this.client.connected;
  }

  on(event, listener) {
    return this.client.on(event, listener);
  }

  /** Sends a command and resolves with its data; rejects with an ApiError carrying the server's code. */
  async request(command, payload = {}) {
    try {
      return await this.client.request(command, payload);
    } catch (error) {
      throw new ApiError(error.code ?? "INTERNAL", error.message, 0);
    }
  }

  close() {
    this.client.close();
  }
}
