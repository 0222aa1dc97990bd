// How one message looks: text, image, file, system and deleted messages, and the sender's
// delivery state (sending, sent, seen). Content is always set as text, never as HTML.
import { number, t, time } from "./i18n.js";

export { time };

const STORED_FILE = /^\/uploads\/chat-attachments\/([0-9a-f-]{36})(?:\/|$)/i;

let signedLinks = null;

/**
 * Where attachment links come from: an <img src> cannot send an Authorization header, and a
 * link must never carry the token (it ends up in history, logs and other people's screens),
 * so each stored file is shown through the short-lived signed links the server hands out for
 * it (GET /api/attachments/{id}), fetched once and again shortly before they expire.
 */
export function useDownloadLinks(api) {
  const cache = new Map();
  signedLinks = (id) => {
    const known = cache.get(id);
    if (known && (known.expiresAt === null || known.expiresAt - Date.now() > 60_000)) return known.links;
    const entry = { expiresAt: null, links: null };
    entry.links = api.attachment(id).then((descriptor) => {
      entry.expiresAt = Date.parse(descriptor.expiresAt);
      return descriptor;
    });
    entry.links.catch(() => cache.delete(id));
    cache.set(id, entry);
    return entry.links;
  };
}

/** The id of a file stored on this server, or null for an outside link. */
function storedFileId(file, path) {
  if (!path || !path.startsWith("/")) return null;
  return file.id ?? path.match(STORED_FILE)?.[1] ?? null;
}

/** The files a message carries (metadata.attachments, seed 003's shape). */
export function attachmentsOf(message) {
  const files = message.metadata?.attachments ?? message.attachments;
  if (!Array.isArray(files)) return [];
  return files.map((file) => {
    const url = file.file_url ?? file.url;
    return {
      id: storedFileId(file, url),
      name: file.file_name ?? file.name ?? t("message.attachment"),
      type: file.file_type ?? file.type ?? "",
      size: file.file_size ?? file.size,
      url,
      thumbnail: file.thumbnail_url ?? url,
    };
  });
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
    element.append(textElement("p", "note-label", t("message.note")));
  }
  if (message.pending) element.classList.add("pending");
  if (!mine) element.append(textElement("p", "sender", message.senderName ?? message.senderId ?? ""));
  if (message.replyTo) element.append(quoteElement(message.replyTo));
  if (message.deletedAt) {
    element.classList.add("deleted");
    element.append(textElement("p", "body", t("message.deleted")));
  } else {
    element.append(body(message));
    if (message.seq != null && !message.pending) element.append(reactionsElement(message, me));
  }
  if (message.pending && message.files) {
    element.append(textElement("p", "body", message.files.map((file) => file.name).join(", ")));
    const progress = document.createElement("progress");
    progress.max = 1;
    progress.value = 0;
    progress.setAttribute("aria-label", t("message.uploadProgress"));
    element.append(progress);
  }
  const foot = textElement("p", "foot", message.pending ? t(message.files ? "message.uploading" : "message.sending") : time(message.createdAt));
  if (message.seq != null && !message.deletedAt && !message.pending && message.metadata?.visibility !== "staff") {
    const reply = document.createElement("button");
    reply.type = "button";
    reply.className = "link-button reply";
    reply.textContent = t("message.reply");
    reply.setAttribute("aria-label", t("message.replyLabel"));
    foot.append(" ", reply);
  }
  if (mine) {
    const state = document.createElement("span");
    state.className = "receipt";
    foot.append(" ", state);
    if (message.id && !message.deletedAt && !message.pending) {
      const remove = document.createElement("button");
      remove.type = "button";
      remove.className = "link-button delete";
      remove.dataset.messageId = message.id;
      remove.textContent = t("message.delete");
      remove.setAttribute("aria-label", t("message.deleteLabel"));
      foot.append(" ", remove);
    }
  }
  element.append(foot);
  return element;
}

/** The quoted original above a reply: a button that scrolls to it; a deleted one says so. */
function quoteElement(quote) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "quote";
  button.dataset.quoteSeq = String(quote.seq);
  button.title = t("message.quoteLabel");
  if (quote.deleted) {
    button.classList.add("deleted");
    button.textContent = t("message.quoteDeleted");
  } else {
    button.append(textElement("span", "quote-sender", quote.senderName ?? ""), " ", textElement("span", "quote-text", quote.excerpt ?? ""));
  }
  return button;
}

/** The quick reactions every message offers, and any other emoji someone used; each shows its count and toggles the user's own. */
const QUICK = ["👍", "❤️", "😂", "😮", "😢", "🙏"];

function reactionsElement(message, me) {
  const row = document.createElement("div");
  row.className = "reactions";
  const byEmoji = new Map((message.reactions ?? []).map((reaction) => [reaction.emoji, reaction]));
  const emojis = [...new Set([...byEmoji.keys(), ...QUICK])];
  for (const emoji of emojis) {
    const reaction = byEmoji.get(emoji);
    const button = document.createElement("button");
    button.type = "button";
    button.className = reaction ? "reaction used" : "reaction";
    button.dataset.emoji = emoji;
    const mine = Boolean(reaction?.userIds?.includes(me));
    button.setAttribute("aria-pressed", String(mine));
    button.title = t("message.react", { emoji });
    button.textContent = reaction ? t("message.reactionCount", { emoji, count: number(reaction.count) }) : emoji;
    row.append(button);
  }
  return row;
}

function body(message) {
  const container = document.createElement("div");
  container.className = "body";
  for (const file of attachmentsOf(message)) {
    const link = document.createElement("a");
    link.target = "_blank";
    link.rel = "noopener";
    let image = null;
    if (file.type.startsWith("image/")) {
      image = document.createElement("img");
      image.alt = file.name;
      image.loading = "lazy";
      link.append(image);
    } else {
      link.className = "file";
      link.textContent = `${file.name}${file.size != null ? ` (${size(file.size)})` : ""}`;
    }
    showFile(file, link, image);
    container.append(link);
  }
  if (message.content) container.append(textElement("p", "text", message.content));
  return container;
}

/** Points the link (and its thumbnail) at the file: a stored file through its signed links. */
function showFile(file, link, image) {
  if (!file.id || !signedLinks) {
    if (file.url) link.href = file.url;
    if (image && file.thumbnail) image.src = file.thumbnail;
    return;
  }
  const apply = (links) => {
    link.href = links.signedUrl;
    link.dataset.expires = String(Date.parse(links.expiresAt));
    if (image) image.src = links.signedThumbnailUrl ?? links.signedUrl;
  };
  signedLinks(file.id).then(apply, () => link.classList.add("unavailable"));
  // A link opened when (nearly) expired is signed afresh first.
  link.addEventListener("click", (event) => {
    if (Number(link.dataset.expires) - Date.now() > 5_000) return;
    event.preventDefault();
    signedLinks(file.id).then((fresh) => {
      apply(fresh);
      window.open(fresh.signedUrl, "_blank", "noopener");
    }, () => link.classList.add("unavailable"));
  });
}

function size(bytes) {
  const unit = (value, name, digits) => number(value, { style: "unit", unit: name, maximumFractionDigits: digits });
  return bytes < 1024 ? unit(bytes, "byte", 0) : bytes < 1048576 ? unit(bytes / 1024, "kilobyte", 0) : unit(bytes / 1048576, "megabyte", 1);
}

function textElement(tag, className, text) {
  const element = document.createElement(tag);
  element.className = className;
  element.textContent = text;
  return element;
}
