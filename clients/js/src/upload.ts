// Files go over REST (multipart) and become one message: POST /api/conversations/{id}/attachments
// (docs/rest.md, "Attachments"). In a browser the upload reports its progress (XMLHttpRequest:
// fetch cannot); elsewhere it uses fetch.
import type { Message } from "./generated/events.js";
import { OrderChatError } from "./errors.js";

export interface UploadedFile {
  name: string;
  /** A browser File/Blob, or anything FormData takes. */
  data: Blob;
}

export interface UploadOptions {
  baseUrl: string;
  token: string;
  conversationId: string;
  files: ReadonlyArray<File | UploadedFile>;
  content?: string;
  clientId: string;
  /** 0..1 while the bytes go up (browsers only). */
  onProgress?: (done: number) => void;
}

export async function uploadFiles(options: UploadOptions): Promise<Message> {
  const form = new FormData();
  for (const file of options.files) {
    if ("data" in file) form.append("attachments", file.data, file.name);
    else form.append("attachments", file, file.name);
  }
  if (options.content) form.append("content", options.content);
  form.append("clientId", options.clientId);
  const url = `${options.baseUrl}/api/conversations/${encodeURIComponent(options.conversationId)}/attachments`;
  const { status, text } = typeof XMLHttpRequest === "function"
    ? await withXhr(url, form, options)
    : await fetch(url, { method: "POST", body: form, headers: { authorization: `Bearer ${options.token}`, accept: "application/json" } })
      .then(async (response) => ({ status: response.status, text: await response.text() }),
        () => { throw new OrderChatError("DISCONNECTED", "The upload was interrupted."); });
  let json: { success?: boolean; data?: { message: Message }; code?: string; error?: string | { code?: string; message?: string } } | null = null;
  try {
    json = JSON.parse(text);
  } catch {
    // reported below with the status
  }
  if (json?.success && json.data) return json.data.message;
  // The error is {code, message}, or (in a host app's dialect) a string beside a top-level code.
  const error = typeof json?.error === "string" ? { code: json.code, message: json.error } : json?.error;
  throw new OrderChatError(error?.code ?? `HTTP_${status}`, error?.message ?? `The upload failed (${status}).`, { status });
}

function withXhr(url: string, form: FormData, options: UploadOptions): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", url);
    request.setRequestHeader("authorization", `Bearer ${options.token}`);
    request.setRequestHeader("accept", "application/json");
    request.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable) options.onProgress?.(event.loaded / event.total);
    });
    request.addEventListener("load", () => resolve({ status: request.status, text: request.responseText }));
    request.addEventListener("error", () => reject(new OrderChatError("DISCONNECTED", "The upload was interrupted.")));
    request.send(form);
  });
}
