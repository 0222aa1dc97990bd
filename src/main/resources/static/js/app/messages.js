// How one message looks: text, image, file, system and deleted messages, and the sender's
// delivery state (sending, sent, seen). Content is always set as text, never as HTML.

export function attachmentOf(message) {
	const meta = message.metadata ?? {};
	const first = Array.isArray(message.attachments) ? message.attachments[0] : null;
	const url = first?.url ?? meta.url ?? meta.attachment?.url;
	if (!url) return null;
	return { url, name: first?.name ?? meta.fileName ?? meta.name ?? message.content ?? "attachment" };
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
	if (message.pending) element.classList.add("pending");
	if (!mine) element.append(textElement("p", "sender", message.senderName ?? message.senderId ?? ""));
	if (message.deletedAt) {
		element.classList.add("deleted");
		element.append(textElement("p", "body", "Message deleted"));
	} else {
		element.append(body(message));
	}
	const foot = textElement("p", "foot", message.pending ? "Sending…" : time(message.createdAt));
	if (mine) {
		const state = document.createElement("span");
		state.className = "receipt";
		foot.append(" ", state);
	}
	element.append(foot);
	return element;
}

function body(message) {
	const attachment = attachmentOf(message);
	if (message.type === "image" && attachment) {
		const figure = document.createElement("figure");
		figure.className = "body";
		const image = document.createElement("img");
		image.src = attachment.url;
		image.alt = message.content || attachment.name;
		image.loading = "lazy";
		figure.append(image);
		return figure;
	}
	if ((message.type === "file" || message.type === "image") && attachment) {
		const paragraph = document.createElement("p");
		paragraph.className = "body";
		const link = document.createElement("a");
		link.href = attachment.url;
		link.textContent = attachment.name;
		link.target = "_blank";
		link.rel = "noopener";
		paragraph.append(link);
		return paragraph;
	}
	return textElement("p", "body", message.content ?? "");
}

function textElement(tag, className, text) {
	const element = document.createElement(tag);
	element.className = className;
	element.textContent = text;
	return element;
}
