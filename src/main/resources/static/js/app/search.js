// Message search (docs/rest.md, Search): the sidebar's field searches every conversation the user
// may read, or only the open one when "Search in this conversation" chose it. Results link to
// #/conversation/{id}/message/{seq}, which opens the conversation at that message.
import { label, t, time } from "./i18n.js";
import { orderName } from "./lists.js";

const PAGE = 20;
const ENTITIES = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#39;": "'" };

/**
 * The server's snippet as nodes, never as HTML: it arrives HTML-escaped with the matched words
 * between « and »; the entities are decoded into text and only the markers become <mark>.
 */
export function snippetNodes(snippet) {
  const nodes = [];
  for (const [index, part] of String(snippet ?? "").split(/[«»]/).entries()) {
    if (!part) continue;
    const text = part.replace(/&(amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity]);
    if (index % 2 === 1) {
      const mark = document.createElement("mark");
      mark.textContent = text;
      nodes.push(mark);
    } else nodes.push(document.createTextNode(text));
  }
  return nodes;
}

export class SearchPanel {
  /** @param elements form, input, scope, scopeName, scopeClear, results, list, status, more, close */
  constructor(elements, api) {
    this.el = elements;
    this.api = api;
    this.scope = null; // { id, name } of the conversation searched, or null for all
    this.cursor = null;
    this.query = "";
    this.el.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.search(this.el.input.value);
    });
    this.el.form.addEventListener("keydown", (event) => event.key === "Escape" && this.close(true));
    this.el.results.addEventListener("keydown", (event) => event.key === "Escape" && this.close(true));
    this.el.close.addEventListener("click", () => this.close(true));
    this.el.more.addEventListener("click", () => this.#load());
    this.el.scopeClear.addEventListener("click", () => this.scopeTo(null));
  }

  /** Searches only this conversation ({id, name}), or every one with null; focuses the field when asked. */
  scopeTo(conversation, focus = true) {
    this.scope = conversation;
    this.el.scope.hidden = !conversation;
    this.el.scopeName.textContent = conversation ? t("search.in", { name: conversation.name }) : "";
    this.el.input.placeholder = t(conversation ? "search.placeholderHere" : "search.placeholder");
    if (focus) {
      this.el.input.focus();
      this.el.input.select(); // typing replaces the last query
    }
  }

  async search(text) {
    this.query = text.trim();
    if (!this.query) return;
    this.cursor = null;
    this.el.list.replaceChildren();
    this.el.results.hidden = false;
    await this.#load();
  }

  close(refocus = false) {
    this.el.results.hidden = true;
    this.el.list.replaceChildren();
    this.el.status.textContent = "";
    this.el.more.hidden = true;
    if (refocus) this.el.input.focus();
  }

  async #load() {
    const params = new URLSearchParams({ q: this.query, limit: String(PAGE) });
    if (this.scope) params.set("conversationId", this.scope.id);
    if (this.cursor) params.set("cursor", this.cursor);
    this.el.status.classList.remove("error");
    this.el.status.textContent = t("search.searching");
    this.el.more.hidden = true;
    const query = this.query;
    let page;
    try {
      page = await this.api.search(params);
    } catch (error) {
      if (query !== this.query) return;
      this.el.status.classList.add("error");
      this.el.status.textContent = t("search.failed", { reason: error.message });
      return;
    }
    if (query !== this.query) return;
    this.el.list.append(...page.results.map((result) => resultItem(result)));
    this.cursor = page.nextCursor ?? null;
    this.el.more.hidden = !this.cursor;
    this.el.status.textContent = this.el.list.children.length === 0 ? t("search.none", { query }) : "";
  }
}

function resultItem(result) {
  const item = document.createElement("li");
  item.dataset.seq = result.seq;
  item.dataset.conversationId = result.conversationId;
  const link = document.createElement("a");
  link.href = `#/conversation/${encodeURIComponent(result.conversationId)}/message/${result.seq}`;
  const head = document.createElement("span");
  head.className = "result-head";
  const name = result.kind === "order" ? orderName(result.subjectId)
    : `${label("kind", result.kind)} ${String(result.subjectId ?? result.conversationId).slice(0, 8)}`;
  head.textContent = `${name} · ${result.senderName ?? result.senderId} · ${time(result.createdAt)}`;
  const snippet = document.createElement("span");
  snippet.className = "snippet";
  snippet.append(...snippetNodes(result.snippet));
  link.append(head, snippet);
  item.append(link);
  return item;
}
