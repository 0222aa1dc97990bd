// How one message looks: text, image, file, system and deleted messages, and the sender's
// delivery state (sending, sent, seen). Content is always set as text, never as HTML.

let downloadToken = null;

/**
 * The token added to attachment links: an <img src> cannot send an Authorization header, so
 * the server also takes the token as ?token= on its download paths.
 */
export function useDownloadToken(token) {
  downloadToken = token;
}

function download(path) {
  if (!path) return null;
  if (!downloadToken || !path.startsWith("/")) return path;
  return `${path}${path.includes("?") ? "&" : "?"}token=${encodeURIComponent(downloadToken)}`;
}

/** The files a message carries (metadata.attachments, seed 003's shape). */
export function attachmentsOf(message) {
  const files = message.metadata?.attachments ?? message.attachments;
  if (!Array.isArray(files)) return [];
  return files.map((file) => ({
    name: file.file_name ?? file.name ?? "attachment",
    type: file.file_type ?? file.type ?? "",
    size: file.file_size ?? file.size,
    url: download(file.file_url ?? file.url),
    thumbnail: download(file.thumbnail_url ?? file.file_url ?? file.url),
  }));
}

export function time(iso) {
  if (!iso) return "";
  return new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
}

/** A new element for a stored message, or for a pending one ({clientId, content, pending: true}). */
export function messageElement(message, me) {
  const element = document.createElement("article");
  element.className = "message";
  if (message.seq != null) element.dataset.seq = String(message.seq);
  if (message.clientId) element.dataset.clientId = message.clientId;
  if (message.type === "system") {
    element.classList.add("system");
    element.append(textElement("p", "body", message.content ?? ""));
    return element;
  }
  const mine = message.senderId === me;
  if (mine) element.classList.add("mine");
  if (message.metadata?.visibility === "staff") {
    element.classList.add("note");
    element.append(textElement("p", "note-label", "Internal note · staff only"));
  }
  if (message.pending) element.classList.add("pending");
  if (!mine) element.append(textElement("p", "sender", message.senderName ?? message.senderId ?? ""));
  if (message.deletedAt) {
    element.classList.add("deleted");
    element.append(textElement("p", "body", "Message deleted"));
  } else {
    element.append(body(message));
  }
  if (message.pending && message.files) {
    element.append(textElement("p", "body", message.files.map((file) => file.name).join(", ")));
    const progress = document.createElement("progress");
    progress.max = 1;
    progress.value = 0;
    progress.setAttribute("aria-label", "Upload progress");
    element.append(progress);
  }
  const foot = textElement("p", "foot", message.pending ? (message.files ? "Uploading…" : "Sending…") : time(message.createdAt));
  if (mine) {
    const state = document.createElement("span");
    state.className = "receipt";
    foot.append(" ", state);
    if (message.id && !message.deletedAt && !message.pending) {
      const remove = document.createElement("button");
      remove.type = "button";
      remove.className = "link-button delete";
      remove.dataset.messageId = message.id;
      remove.textContent = "Delete";
      remove.setAttribute("aria-label", "Delete this message");
      foot.append(" ", remove);
    }
  }
  element.append(foot);
  return element;
}

function body(message) {
  const container = document.createElement("div");
  container.className = "body";
  for (const file of attachmentsOf(message)) {
    const link = document.createElement("a");
    link.href = file.url;
    link.target = "_blank";
    link.rel = "noopener";
    if (file.type.startsWith("image/")) {
      const image = document.createElement("img");
      image.src = file.thumbnail;
      image.alt = file.name;
      image.loading = "lazy";
      link.append(image);
    } else {
      link.className = "file";
      link.textContent = `${file.name}${file.size != null ? ` (${size(file.size)})` : ""}`;
    }
    container.append(link);
  }
  if (message.content) container.append(textElement("p", "text", message.content));
  return container;
}

function size(bytes) {
  return bytes < 1024 ? `${bytes} B` : bytes < 1048576 ? `${(bytes / 1024).toFixed(0)} KB` : `${(bytes / 1048576).toFixed(1)} MB`;
}

function textElement(tag, className, text) {
  const element = document.createElement(tag);
  element.className = className;
  element.textContent = text;
  return element;
}
