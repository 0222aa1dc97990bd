/*
 * Seed 001's drop-in chat client (Busy2Shop): include it after /socket.io/socket.io.js, then
 *
 *   const chat = new ChatClient(orderId, userId);
 *   window.addEventListener("beforeunload", () => chat.leaveChat());
 *
 * It speaks seed 001's socket events (join-order-chat, send-message, typing, leave-order-chat;
 * previous-messages, new-message, user-typing, user-joined, user-left, error) and marks the
 * order's chat read over seed 001's REST path. The JWT comes from options.token, the page's
 * ?token= parameter, or localStorage.orderchatToken (where the OrderChat web app keeps it).
 * When the page has the elements of /chat.html (#messages, #message-form, #message-input,
 * #typing-indicator, #chat-status) it drives them; host apps can also listen with chat.on().
 * A classic script on purpose: host pages include it with a plain <script> tag.
 */
(function (global) {
  "use strict";

  var TYPING_IDLE_MS = 3000;

  function pageToken() {
    var fromQuery = new URLSearchParams(global.location.search).get("token");
    if (fromQuery) return fromQuery;
    try {
      return global.localStorage.getItem("orderchatToken");
    } catch (e) {
      return null; // storage disabled
    }
  }

  /** The token's user id, to tell one's own messages when the page was given no userId. */
  function subjectOf(token) {
    try {
      var claims = JSON.parse(global.atob(token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/")));
      return String(claims.sub || claims.id || claims.userId);
    } catch (e) {
      return null;
    }
  }

  /** When a message was sent: the time of day, with the date when it was not today (the browser's locale). */
  function timeOf(iso) {
    var date = iso ? new Date(iso) : null;
    if (!date || isNaN(date.getTime())) return null;
    var element = global.document.createElement("time");
    element.className = "time";
    element.dateTime = date.toISOString();
    var today = date.toDateString() === new Date().toDateString();
    element.textContent = today ? date.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })
      : date.toLocaleString([], { dateStyle: "medium", timeStyle: "short" });
    element.title = date.toLocaleString();
    return element;
  }

  function byId(id) {
    return global.document.getElementById(id);
  }

  function ChatClient(orderId, userId, options) {
    if (!(this instanceof ChatClient)) return new ChatClient(orderId, userId, options);
    options = options || {};
    this.orderId = String(orderId);
    this.token = options.token || pageToken();
    this.userId = userId != null && userId !== "" ? String(userId) : subjectOf(this.token);
    this.messages = [];
    this.seen = {};
    this.handlers = {};
    this.typing = false;
    this.typingTimer = null;
    this.typers = {};
    this.left = false;
    this.elements = {
      messages: options.messagesElement || byId("messages"),
      form: options.formElement || byId("message-form"),
      input: options.inputElement || byId("message-input"),
      typing: options.typingElement || byId("typing-indicator"),
      status: options.statusElement || byId("chat-status")
    };
    if (!this.token) {
      this._status("Not signed in: sign in to OrderChat first, or add ?token=<JWT> to the address.", true);
      return;
    }
    this.socket = global.io(options.url, { auth: { token: this.token } });
    this._listen();
    this._bindForm();
  }

  ChatClient.prototype.on = function (event, handler) {
    (this.handlers[event] = this.handlers[event] || []).push(handler);
    return this;
  };

  ChatClient.prototype._fire = function (event, payload) {
    var list = this.handlers[event] || [];
    for (var i = 0; i < list.length; i++) list[i](payload);
  };

  ChatClient.prototype._listen = function () {
    var self = this;
    var socket = this.socket;
    socket.on("connect", function () {
      self._status("Connected");
      // Also after a reconnect: the server answers with previous-messages again, which fills
      // in whatever arrived while the connection was down.
      socket.emit("join-order-chat", self.orderId);
    });
    socket.on("disconnect", function () {
      if (!self.left) self._status("Reconnecting…", true);
    });
    socket.on("connect_error", function (error) {
      self._status("Cannot connect: " + error.message, true);
    });
    socket.on("previous-messages", function (payload) {
      var list = Array.isArray(payload) ? payload : (payload && payload.messages) || [];
      for (var i = 0; i < list.length; i++) self._add(list[i]);
      self._fire("previous-messages", list);
      self.markAsRead();
    });
    socket.on("new-message", function (message) {
      self._add(message);
      self._clearTyper(message && message.senderId);
      self._fire("new-message", message);
      if (message && message.senderId !== self.userId) self.markAsRead();
    });
    socket.on("user-typing", function (event) {
      if (!event || event.userId === self.userId) return;
      if (event.isTyping) self.typers[event.userId] = event.userName || event.name || event.senderName || "Someone";
      else delete self.typers[event.userId];
      self._renderTyping();
      self._fire("user-typing", event);
    });
    socket.on("user-joined", function (event) {
      if (event && event.userId !== self.userId) self._status(self._name(event) + " joined the chat");
      self._fire("user-joined", event);
    });
    socket.on("user-left", function (event) {
      if (event && event.userId) delete self.typers[event.userId];
      self._renderTyping();
      if (event && event.userId !== self.userId) self._status(self._name(event) + " left the chat");
      self._fire("user-left", event);
    });
    socket.on("error", function (error) {
      self._status((error && error.message) || "Chat error", true);
      self._fire("error", error);
    });
  };

  ChatClient.prototype._name = function (event) {
    return event.userName || event.name || event.userId || "Someone";
  };

  ChatClient.prototype._bindForm = function () {
    var self = this;
    var form = this.elements.form;
    var input = this.elements.input;
    if (!form || !input) return;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      self.sendMessage(input.value);
      input.value = "";
      input.focus();
    });
    input.addEventListener("input", function () {
      if (!self.typing) self.setTyping(true);
      clearTimeout(self.typingTimer);
      self.typingTimer = setTimeout(function () { self.setTyping(false); }, TYPING_IDLE_MS);
    });
  };

  /** Sends a text message; it shows up when the server broadcasts it back as new-message. */
  ChatClient.prototype.sendMessage = function (text) {
    var message = String(text == null ? "" : text).trim();
    if (!message || !this.socket) return false;
    if (this.typing) this.setTyping(false);
    this.socket.emit("send-message", { orderId: this.orderId, message: message });
    return true;
  };

  ChatClient.prototype.setTyping = function (isTyping) {
    clearTimeout(this.typingTimer);
    this.typing = Boolean(isTyping);
    if (this.socket) this.socket.emit("typing", { orderId: this.orderId, isTyping: this.typing });
  };

  /** Marks the order's chat read (seed 001's POST /api/v0/chat/read/:orderId). */
  ChatClient.prototype.markAsRead = function () {
    if (!this.token || global.document.visibilityState === "hidden") return;
    global.fetch("/api/v0/chat/read/" + encodeURIComponent(this.orderId), {
      method: "POST",
      headers: { authorization: "Bearer " + this.token }
    }).catch(function () { /* marked again with the next message */ });
  };

  /** Leaves the order's room and closes the connection (call it on beforeunload). */
  ChatClient.prototype.leaveChat = function () {
    if (!this.socket || this.left) return;
    this.left = true;
    if (this.typing) this.setTyping(false);
    this.socket.emit("leave-order-chat", this.orderId);
    this.socket.disconnect();
  };

  ChatClient.prototype._add = function (message) {
    if (!message) return;
    var key = message.id || (message.seq != null ? "seq:" + message.seq : null);
    if (key && this.seen[key]) return;
    if (key) this.seen[key] = true;
    this.messages.push(message);
    this.messages.sort(function (a, b) {
      if (a.seq != null && b.seq != null) return a.seq - b.seq;
      return String(a.createdAt).localeCompare(String(b.createdAt));
    });
    this._render(message);
  };

  ChatClient.prototype._render = function (message) {
    var list = this.elements.messages;
    if (!list) return;
    var item = global.document.createElement("li");
    var system = message.senderType === "system" || message.messageType === "system";
    var mine = !system && this.userId != null && message.senderId === this.userId;
    item.className = "chat-message" + (system ? " system" : mine ? " mine" : "");
    if (message.id) item.dataset.id = message.id;
    if (message.seq != null) item.dataset.seq = String(message.seq);
    if (!system && !mine) {
      var sender = global.document.createElement("span");
      sender.className = "sender";
      sender.textContent = message.senderName || message.senderId || "";
      item.appendChild(sender);
    }
    var body = global.document.createElement("span");
    body.className = "text";
    body.textContent = message.message != null ? message.message : (message.content || "");
    item.appendChild(body);
    var at = timeOf(message.createdAt || message.timestamp);
    if (at) item.appendChild(at);
    var index = this.messages.indexOf(message);
    var next = this.messages[index + 1];
    var before = next && next.id ? list.querySelector('[data-id="' + next.id + '"]') : null;
    var atEnd = list.scrollHeight - list.scrollTop - list.clientHeight < 80;
    list.insertBefore(item, before);
    if (atEnd || mine) list.scrollTop = list.scrollHeight;
  };

  ChatClient.prototype._clearTyper = function (userId) {
    if (userId && this.typers[userId]) {
      delete this.typers[userId];
      this._renderTyping();
    }
  };

  ChatClient.prototype._renderTyping = function () {
    if (!this.elements.typing) return;
    var names = [];
    for (var id in this.typers) names.push(this.typers[id]);
    this.elements.typing.textContent = names.length === 0 ? ""
      : names.join(", ") + (names.length === 1 ? " is typing…" : " are typing…");
  };

  ChatClient.prototype._status = function (text, problem) {
    var status = this.elements.status;
    if (!status) return;
    status.textContent = text;
    status.className = problem ? "problem" : "";
  };

  global.ChatClient = ChatClient;
})(window);
