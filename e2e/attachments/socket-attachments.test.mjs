// Images over the socket (seed 000's chat:image, binary) and canonical messages referencing files
// uploaded over REST, with the real socket.io-client, over WebSocket and long-polling.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { URL, token, unique, rest, connect, closeAll, next, call, orderBetween } from "../support.mjs";

after(closeAll);

// A real 1×1 PNG.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);
const PDF = Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");

/** Bytes that start like a PNG and are `size` long (Tika judges the signature; no thumbnail). */
function pngOfSize(size) {
  const bytes = Buffer.alloc(size, 7);
  PNG.copy(bytes, 0, 0, 16);
  return bytes;
}

async function placeOrder() {
  const customer = unique("cust");
  const customerToken = token(customer, "customer", { name: "Carla" });
  const placed = await rest("POST", "/api/orders", customerToken, { exchangeMethod: "usd-eur", amount: 5, notes: "files" });
  assert.equal(placed.status, 201, JSON.stringify(placed.body));
  return { customerToken, roomId: placed.body.data.chatRoomId };
}

async function upload(tokenValue, files) {
  const form = new FormData();
  for (const [name, type, bytes] of files) form.append("attachments", new Blob([bytes], { type }), name);
  const response = await fetch(URL + "/api/v1/chat/upload", {
    method: "POST",
    headers: { authorization: `Bearer ${tokenValue}` },
    body: form,
  });
  return { status: response.status, body: await response.json() };
}

async function download(path, tokenValue) {
  const response = await fetch(URL + path, { headers: tokenValue ? { authorization: `Bearer ${tokenValue}` } : {} });
  return { status: response.status, type: response.headers.get("content-type"), bytes: Buffer.from(await response.arrayBuffer()) };
}

for (const transports of [["websocket"], ["polling"]]) {
  test(`chat:image sends a binary image to the room over ${transports[0]}; the moderator downloads it`, async () => {
    const order = await placeOrder();
    const moderatorToken = token(unique("mod"), "moderator", { name: "Max" });
    const customer = await connect(order.customerToken, { transports });
    const moderator = await connect(moderatorToken, { transports });
    await call(customer, "chat:join", { roomId: order.roomId });
    await call(moderator, "moderator:accept", { roomId: order.roomId }); // a moderator reads a chat once assigned
    await call(moderator, "chat:join", { roomId: order.roomId });
    const image = pngOfSize(4 * 1024 * 1024);

    const received = next(moderator, "chat:message", { where: (m) => m.type === "image", ms: 15000 });
    const ack = await customer.timeout(15000).emitWithAck("chat:image", { roomId: order.roomId, file: image });
    const message = await received;

    assert.equal(ack.success, true, JSON.stringify(ack));
    assert.equal(message.sender.name, "Carla");
    assert.equal(message.attachments.length, 1);
    assert.equal(message.attachments[0].file_type, "image/png");
    assert.equal(message.attachments[0].file_size, image.length);
    assert.equal(message.imageUrl, message.attachments[0].file_url);
    const file = await download(message.imageUrl, moderatorToken);
    assert.equal(file.status, 200);
    assert.equal(file.type, "image/png");
    assert.ok(file.bytes.equals(image));
    const stranger = await download(message.imageUrl, token(unique("cust"), "customer"));
    assert.equal(stranger.status, 403);
  });
}

test("chat:image refuses an image over 5 MB, a PDF and a WebP with error codes, and keeps the connection", async () => {
  const order = await placeOrder();
  const customer = await connect(order.customerToken);
  await call(customer, "chat:join", { roomId: order.roomId });

  const tooLarge = next(customer, "error", { ms: 15000 });
  customer.emit("chat:image", { roomId: order.roomId, file: pngOfSize(5 * 1024 * 1024 + 1) });
  assert.equal((await tooLarge).code, "FILE_TOO_LARGE");

  const pdf = next(customer, "error");
  customer.emit("chat:image", { roomId: order.roomId, file: PDF });
  const refused = await pdf;
  assert.equal(refused.code, "UNSUPPORTED_FILE_TYPE");
  assert.match(refused.message, /application\/pdf/);

  const webp = next(customer, "error");
  customer.emit("chat:image", { roomId: order.roomId, file: Buffer.from("RIFF\0\0\0\0WEBPVP8 ", "latin1") });
  assert.equal((await webp).code, "UNSUPPORTED_FILE_TYPE");

  const notAFile = next(customer, "error");
  customer.emit("chat:image", { roomId: order.roomId, file: "hello" });
  assert.equal((await notAFile).code, "VALIDATION_FAILED");

  const stillThere = await customer.timeout(5000).emitWithAck("chat:image", { roomId: order.roomId, file: PNG });
  assert.equal(stillThere.success, true);
  assert.equal(stillThere.data.type, "image");
});

test("a stranger's chat:image is refused", async () => {
  const order = await placeOrder();
  const stranger = await connect(token(unique("cust"), "customer"));
  const refused = next(stranger, "error");
  stranger.emit("chat:image", { roomId: order.roomId, file: PNG });
  assert.equal((await refused).code, "FORBIDDEN");
});

test("canonical message:send carries files pre-uploaded over REST; another's upload is not found", async () => {
  const order = await placeOrder();
  const uploaded = (await upload(order.customerToken, [["dot.png", "image/png", PNG], ["terms.pdf", "application/pdf", PDF]])).body;
  assert.equal(uploaded.success, true, JSON.stringify(uploaded));
  const ids = uploaded.data.map((file) => file.id);

  const moderatorToken = token(unique("mod"), "moderator");
  const customer = await connect(order.customerToken);
  const moderator = await connect(moderatorToken);
  await call(customer, "conversation:join", { conversationId: order.roomId });
  await call(moderator, "order:accept", { conversationId: order.roomId }); // a moderator reads a chat once assigned
  await call(moderator, "conversation:join", { conversationId: order.roomId });

  const stolen = await call(moderator, "message:send", { conversationId: order.roomId, attachments: ids });
  assert.equal(stolen.ok, false);
  assert.equal(stolen.error.code, "NOT_FOUND");
  const badIds = await call(customer, "message:send", { conversationId: order.roomId, attachments: ["nope"] });
  assert.equal(badIds.error.code, "VALIDATION_FAILED");

  const received = next(moderator, "message", { where: (e) => e.message.type === "file" });
  const sent = await call(customer, "message:send", {
    conversationId: order.roomId, content: "dot and terms", clientId: "files-1", attachments: ids,
  });
  assert.equal(sent.ok, true, JSON.stringify(sent));
  const event = await received;
  assert.equal(event.message.content, "dot and terms");
  assert.deepEqual(event.message.metadata.attachments.map((file) => file.file_name), ["dot.png", "terms.pdf"]);
  const pdf = await download(event.message.metadata.attachments[1].file_url, moderatorToken);
  assert.equal(pdf.status, 200);
  assert.equal(pdf.type, "application/pdf");

  const resent = await call(customer, "message:send", { conversationId: order.roomId, clientId: "files-1", attachments: ids });
  assert.equal(resent.data.duplicate, true);
});

test("seed 004's order_message carries uploaded files by their fileUrl, in the marketplace's shape", async () => {
  const clientId = unique("client");
  const performerId = unique("performer");
  const { order } = await orderBetween(clientId, performerId);
  const clientToken = token(clientId, "client");
  const performerToken = token(performerId, "performer");
  const uploaded = await upload(clientToken, [["photo.png", "image/png", PNG]]);
  assert.equal(uploaded.status, 200, JSON.stringify(uploaded.body)); // seed 003's upload answers 200
  const file = uploaded.body.data[0];
  const client = await connect(clientToken);
  const performer = await connect(performerToken);
  client.emit("join_order_chat", { orderId: order.id });
  performer.emit("join_order_chat", { orderId: order.id });
  await new Promise((resolve) => setTimeout(resolve, 300));

  const received = next(performer, "order_message", { where: (m) => m.attachments.length === 1 });
  client.emit("order_message", {
    orderId: order.id, content: "ось фото", attachments: [{ fileUrl: file.file_url, fileName: file.file_name }],
  });
  const message = await received;
  assert.equal(message.type, "image");
  assert.equal(message.content, "ось фото");
  assert.equal(message.attachments[0].fileUrl, file.file_url);
  assert.equal(message.attachments[0].fileName, "photo.png");
  assert.equal((await download(file.file_url, performerToken)).status, 200);

  // An external URL is a link (DIALECTS.md §5.1, decided), never fetched or served; other schemes are refused.
  const link = next(performer, "order_message", { where: (m) => m.content === "a link" });
  client.emit("order_message", { orderId: order.id, content: "a link", attachments: [{ fileUrl: "https://example.com/a.pdf", fileName: "a.pdf" }] });
  const linked = await link;
  assert.equal(linked.attachments[0].fileUrl, "https://example.com/a.pdf");
  assert.equal(linked.attachments[0].external, true);
  const refused = next(client, "error");
  client.emit("order_message", { orderId: order.id, content: "x", attachments: [{ fileUrl: "javascript:alert(1)" }] });
  assert.equal((await refused).code, "VALIDATION_FAILED");
});
