// Staff in the browser: the moderator's queue (accept), assigning a performer, status changes
// that post system messages live, and a customer who is offered none of it.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { demoToken, launch, openApp, rest, screenshot, signIn, unique } from "./support.mjs";

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

		await moderator.selectOption("#order-actions select", "demo-performer2");
		await moderator.click("#order-actions button[type=submit]");
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
		assert.deepEqual(await customer.locator("#tabs button").allTextContents(), ["My orders", "Conversations"]);
		await customer.goto(`/#/order/${placed.order.id}`);
		await customer.click("#order-actions button:has-text('Cancel order')");
		await customer.locator("#conversation-subtitle", { hasText: "cancelled" }).waitFor();
		await customer.locator("#messages .message.system", { hasText: "to cancelled" }).waitFor();
		assert.equal(await customer.locator("#order-actions > *").count(), 0);
		await assert.rejects(rest("GET", "/api/orders/all", customerToken), /403/);
		await customer.context().close();
	});
});
