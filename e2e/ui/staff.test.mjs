// Staff in the browser: the moderator's queue (accept), assigning a performer, status changes
// that post system messages live, and a customer who is offered none of it.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { demoToken, launch, openApp, orderWithPerformer, rest, screenshot, serverHas, signIn, unique, unless } from "./support.mjs";

const withoutModeration = await unless("moderation", "issue 4");

describe("staff views", () => {
  let browser;
  before(async () => { browser = await launch(); });
  after(async () => { await browser?.close(); });

  test("a moderator accepts an order from the queue and assigns its performer", async () => {
    const customerToken = await demoToken("demo-customer");
    const placed = await rest("POST", "/api/orders", customerToken, { exchangeMethod: "bank", amount: 40, notes: unique("queue") });
    const orderId = placed.order.id;

    const customer = await openApp(browser);
    await signIn(customer, "demo-customer");
    await customer.goto(`/#/order/${orderId}`);
    await customer.locator("#messages .message.system", { hasText: "Order created" }).waitFor();
    assert.equal(await customer.locator("#order-actions button", { hasText: "Accept order" }).count(), 0);
    assert.equal(await customer.locator("#order-actions button", { hasText: "Cancel order" }).count(), 1);

    const moderator = await openApp(browser);
    await signIn(moderator, "demo-moderator");
    const row = moderator.locator(`#list-panel li[data-order-id="${orderId}"]`);
    await row.waitFor();
    await screenshot(moderator, "moderator-queue");
    await row.locator("button.accept").click();
    await moderator.waitForURL(new RegExp(`#/order/${orderId}$`));
    await moderator.locator("#conversation-subtitle", { hasText: "processing" }).waitFor();
    await moderator.locator("#participants li", { hasText: "Mona Moderator" }).waitFor();

    // The customer watching the chat sees the acceptance live, as a system message and a new status.
    await customer.locator("#messages .message.system", { hasText: "from pending to processing by Mona Moderator" }).waitFor();
    await customer.locator("#conversation-subtitle", { hasText: "processing" }).waitFor();

    await moderator.selectOption("#assign-performer", "demo-performer2");
    await moderator.click('#order-actions form[aria-label="Assign performer"] button');
    await moderator.locator("#messages .message.system", { hasText: "Paula Performer is now the performer" }).waitFor();
    await customer.locator("#messages .message.system", { hasText: "Paula Performer is now the performer" }).waitFor();
    await moderator.fill("#composer-input", "I am handling your order");
    await moderator.press("#composer-input", "Enter");
    await customer.locator("#messages .message", { hasText: "I am handling your order" }).waitFor();
    await screenshot(moderator, "moderator-conversation");

    const order = await rest("GET", `/api/orders/${orderId}`, customerToken);
    assert.equal(order.status, "processing");
    assert.equal(order.moderatorId, "demo-moderator");
    assert.equal(order.performerId, "demo-performer2");
    await customer.context().close();
    await moderator.context().close();
  });

  test("the queue is refused to a customer, and a finished order offers no actions", async () => {
    const customerToken = await demoToken("demo-customer");
    const placed = await rest("POST", "/api/orders", customerToken, { exchangeMethod: "cash", amount: 5, notes: unique("cancel") });
    const customer = await openApp(browser);
    await signIn(customer, "demo-customer");
    assert.deepEqual(await customer.locator("#tabs button").allTextContents(), ["My orders", ...((await serverHas("support")) ? ["Support"] : []), "Chats"]);
    await customer.goto(`/#/order/${placed.order.id}`);
    customer.once("dialog", (dialog) => dialog.accept());
    await customer.click("#order-actions button:has-text('Cancel order')");
    await customer.locator("#conversation-subtitle", { hasText: "cancelled" }).waitFor();
    await customer.locator("#messages .message.system", { hasText: "to cancelled" }).waitFor();
    assert.equal(await customer.locator("#order-actions > button, #order-actions > form").count(), 0);
    await assert.rejects(rest("GET", "/api/orders/all", customerToken), /403/);
    await customer.context().close();
  });

  test("a moderator transfers a chat to another moderator, who accepts it", { skip: withoutModeration }, async () => {
    const customerToken = await demoToken("demo-customer");
    const placed = await rest("POST", "/api/orders", customerToken, { exchangeMethod: "cash", amount: 70, notes: unique("transfer") });
    const orderId = placed.order.id;
    const max = await openApp(browser);
    await signIn(max, "demo-moderator2"); // the server knows moderators it has seen
    const mona = await openApp(browser);
    await signIn(mona, "demo-moderator");
    await mona.locator(`#list-panel li[data-order-id="${orderId}"] button.accept`).click();
    await mona.locator("#conversation-subtitle", { hasText: "moderator Mona Moderator" }).waitFor();

    await mona.selectOption("#transfer-to", "demo-moderator2");
    await mona.click('#order-actions form[aria-label="Transfer chat"] button');
    await mona.locator("#order-actions", { hasText: "Transfer to Max Moderator pending" }).waitFor();
    await mona.locator("#messages .message.system", { hasText: "transferred from Mona Moderator to Max Moderator" }).waitFor();
    // Only the target accepts a transfer.
    await assert.rejects(rest("POST", `/api/orders/${orderId}/transfer/accept`, await demoToken("demo-moderator")), /403/);

    await max.goto(`/#/order/${orderId}`);
    // Not assigned yet: the order and its actions show, its chat does not.
    await max.locator("#conversation-title", { hasText: "Not available" }).waitFor();
    await max.locator("#order-actions button", { hasText: "Accept transfer from Mona Moderator" }).click();
    await max.locator("#conversation-subtitle", { hasText: "moderator Max Moderator" }).waitFor();
    await max.locator("#messages .message.system", { hasText: "Max Moderator joined the chat as moderator" }).waitFor();
    await screenshot(max, "moderator-transfer-accepted");
    assert.equal((await rest("GET", `/api/orders/${orderId}`, customerToken)).moderatorId, "demo-moderator2");
    await max.context().close();
    await mona.context().close();
  });

  test("internal notes stay among staff, and a moderator cleans the history", { skip: withoutModeration }, async () => {
    const { order, conversationId, customer: customerToken } = await orderWithPerformer();
    await rest("POST", `/api/orders/${order.id}/accept`, await demoToken("demo-moderator"));
    await rest("POST", `/api/conversations/${conversationId}/messages`, customerToken, { content: "my card number is 1234" });
    const customer = await openApp(browser);
    await signIn(customer, "demo-customer");
    await customer.goto(`/#/order/${order.id}`);
    await customer.locator("#messages .message", { hasText: "my card number" }).waitFor();
    assert.equal(await customer.locator("#note-toggle").isVisible(), false);

    const mona = await openApp(browser);
    await signIn(mona, "demo-moderator");
    await mona.goto(`/#/order/${order.id}`);
    await mona.locator("#messages .message", { hasText: "my card number" }).waitFor();
    await mona.check("#note-mode");
    await mona.fill("#composer-input", "customer shared card data");
    await mona.press("#composer-input", "Enter");
    await mona.locator("#messages .message.note", { hasText: "customer shared card data" }).waitFor();
    await mona.uncheck("#note-mode");
    await mona.fill("#composer-input", "Please never share card numbers here");
    await mona.press("#composer-input", "Enter");
    await customer.locator("#messages .message", { hasText: "Please never share card numbers" }).waitFor();
    assert.equal(await customer.locator("#messages .message", { hasText: "customer shared card data" }).count(), 0);

    mona.once("dialog", (dialog) => dialog.accept());
    await mona.click("#order-actions button:has-text('Clean history')");
    await mona.locator("#messages .message.system", { hasText: "Chat history cleaned by Mona Moderator" }).waitFor();
    await customer.locator("#messages .message.system", { hasText: "Chat history cleaned by Mona Moderator" }).waitFor();
    assert.equal(await customer.locator("#messages .message", { hasText: "my card number" }).count(), 0);
    assert.ok(await customer.locator("#messages .message.deleted").count() >= 2);
    await screenshot(mona, "moderator-cleaned");
    await customer.context().close();
    await mona.context().close();
  });
});
