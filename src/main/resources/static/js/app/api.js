// REST calls to OrderChat (docs/rest.md): the {success, data | error} envelope unwrapped, and
// failures thrown as ApiError with the server's stable code and human message.
import { t } from "./i18n.js";

export class ApiError extends Error {
  constructor(code, message, status) {
    super(message);
    this.code = code;
    this.status = status;
  }
}

export class Api {
  constructor(token) {
    this.token = token;
  }

  async call(method, path, body) {
    const headers = { accept: "application/json" };
    if (body !== undefined) headers["content-type"] = "application/json";
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    let response;
    try {
      response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (error) {
      throw new ApiError("NETWORK", t("api.unreachable"), 0);
    }
    const text = await response.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      // A proxy's HTML error page, for instance: reported below with the HTTP status.
    }
    if (json && json.success) return json.data;
    const error = problemOf(json);
    throw new ApiError(error?.code ?? `HTTP_${response.status}`, error?.message ?? t("api.status", { status: response.status }),
      response.status);
  }

  /** A file answer as a Blob, with the name the server gives it (Content-Disposition). */
  async download(path) {
    let response;
    try {
      response = await fetch(path, { headers: this.token ? { authorization: `Bearer ${this.token}` } : {} });
    } catch (error) {
      throw new ApiError("NETWORK", t("api.unreachable"), 0);
    }
    if (!response.ok) {
      const error = await response.json().then(problemOf, () => null);
      throw new ApiError(error?.code ?? `HTTP_${response.status}`, error?.message ?? t("api.status", { status: response.status }),
        response.status);
    }
    const name = response.headers.get("content-disposition")?.match(/filename="([^"]+)"/)?.[1] ?? "transcript";
    return { blob: await response.blob(), name };
  }

  get(path) { return this.call("GET", path); }
  post(path, body = {}) { return this.call("POST", path, body); }
  patch(path, body) { return this.call("PATCH", path, body); }
  put(path, body) { return this.call("PUT", path, body); }

  static demoUsers() { return new Api(null).get("/api/demo/users"); }
  static demoToken(userId) { return new Api(null).post("/api/demo/token", { userId }); }

  myOrders() { return this.get("/api/orders/my-orders"); }
  allOrders(status) { return this.get(status ? `/api/orders/all?status=${encodeURIComponent(status)}` : "/api/orders/all"); }
  order(id) { return this.get(`/api/orders/${encodeURIComponent(id)}`); }
  placeOrder(order) { return this.post("/api/orders", order); }
  newOrderForm() { return this.get("/api/orders/new-order-form"); }
  changeStatus(id, status, notes) { return this.patch(`/api/orders/${encodeURIComponent(id)}/status`, { status, notes }); }
  assignPerformer(id, performer) { return this.put(`/api/orders/${encodeURIComponent(id)}/performer`, { performer }); }
  conversations() { return this.get("/api/conversations"); }
  attachment(id) { return this.get(`/api/attachments/${encodeURIComponent(id)}`); }
  transcript(conversationId, format) {
    return this.download(`/api/conversations/${encodeURIComponent(conversationId)}/export?format=${format}`);
  }

  // Moderation (docs/rest.md, Moderation)
  moderationQueue() { return this.get("/api/moderation/queue"); }
  accept(orderId) { return this.post(`/api/orders/${encodeURIComponent(orderId)}/accept`); }
  transfer(orderId) { return this.get(`/api/orders/${encodeURIComponent(orderId)}/transfer`); }
  startTransfer(orderId, toModeratorId) { return this.post(`/api/orders/${encodeURIComponent(orderId)}/transfer`, { toModeratorId }); }
  acceptTransfer(orderId) { return this.post(`/api/orders/${encodeURIComponent(orderId)}/transfer/accept`); }
  declineTransfer(orderId) { return this.post(`/api/orders/${encodeURIComponent(orderId)}/transfer/decline`); }
  clean(conversationId) { return this.post(`/api/conversations/${encodeURIComponent(conversationId)}/clean`); }
  note(conversationId, content) { return this.post(`/api/conversations/${encodeURIComponent(conversationId)}/notes`, { content }); }

  // Disputes
  disputes() { return this.get("/api/disputes"); }
  dispute(id) { return this.get(`/api/disputes/${encodeURIComponent(id)}`); }
  openDispute(orderId, reason) { return this.post(`/api/orders/${encodeURIComponent(orderId)}/disputes`, { reason }); }
  decideDispute(id, status, resolution) { return this.patch(`/api/disputes/${encodeURIComponent(id)}/status`, { status, resolution }); }

  // Support sessions (seed 003's paths)
  sessions() { return this.get("/api/v1/chat/sessions"); }
  supportQueue() { return this.get("/api/v1/chat/sessions/queue"); }
  session(id) { return this.get(`/api/v1/chat/sessions/${encodeURIComponent(id)}`); }
  openSession(subject, initialMessage) { return this.post("/api/v1/chat/sessions", { subject, initial_message: initialMessage }); }
  acceptSession(id) { return this.post(`/api/v1/chat/sessions/${encodeURIComponent(id)}/accept`); }
  sessionStatus(id, status) { return this.patch(`/api/v1/chat/sessions/${encodeURIComponent(id)}/status`, { status }); }
  closeSession(id) { return this.post(`/api/v1/chat/sessions/${encodeURIComponent(id)}/close`); }

  /**
   * Sends files as one message (POST /api/conversations/{id}/attachments, multipart), reporting
   * upload progress (0..1): XMLHttpRequest, because fetch cannot report an upload's progress.
   */
  upload(conversationId, files, { content, clientId, onProgress }) {
    return new Promise((resolve, reject) => {
      const form = new FormData();
      for (const file of files) form.append("attachments", file, file.name);
      if (content) form.append("content", content);
      form.append("clientId", clientId);
      const request = new XMLHttpRequest();
      request.open("POST", `/api/conversations/${encodeURIComponent(conversationId)}/attachments`);
      request.setRequestHeader("authorization", `Bearer ${this.token}`);
      request.setRequestHeader("accept", "application/json");
      request.upload.addEventListener("progress", (event) => {
        if (event.lengthComputable) onProgress?.(event.loaded / event.total);
      });
      request.addEventListener("load", () => {
        let json = null;
        try {
          json = JSON.parse(request.responseText);
        } catch {
          // reported below with the status
        }
        if (json?.success) resolve(json.data);
        else {
          const error = problemOf(json);
          reject(new ApiError(error?.code ?? `HTTP_${request.status}`, error?.message ?? t("api.uploadFailed", { status: request.status }), request.status));
        }
      });
      request.addEventListener("error", () => reject(new ApiError("NETWORK", t("api.uploadInterrupted"), 0)));
      request.send(form);
    });
  }
  unread() { return this.get("/api/unread"); }
  /** GET /api/search with URLSearchParams (q, conversationId, limit, cursor): {results, nextCursor}. */
  search(params) { return this.get(`/api/search?${params}`); }
}

/** The claims of a JWT, unverified: the server verifies; the UI only needs a name and role to show. */
export function claimsOf(token) {
  const parts = token.split(".");
  if (parts.length !== 3) throw new ApiError("UNAUTHENTICATED", t("signIn.notJwt"), 0);
  try {
    const base64 = parts[1].replace(/-/g, "+").replace(/_/g, "/");
    const json = decodeURIComponent(Array.from(atob(base64), (c) => `%${c.charCodeAt(0).toString(16).padStart(2, "0")}`).join(""));
    return JSON.parse(json);
  } catch {
    throw new ApiError("UNAUTHENTICATED", t("signIn.unreadablePayload"), 0);
  }
}

/**
 * The error of a failed answer: `{code, message}` in OrderChat's envelope, or seed 003's
 * `{error: "<text>", code}` on /api/v1/chat paths (docs/rest.md).
 */
function problemOf(json) {
  const error = json?.error;
  if (typeof error === "string") return { code: json.code, message: error };
  return error;
}
