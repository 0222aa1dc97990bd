// The actions the signed-in user may take on the open conversation's subject — an order, a
// dispute or a support session — by role and status, mirroring the server's rules
// (docs/rest.md) so nobody is offered a button the server would refuse.

const FINAL = new Set(["completed", "cancelled", "rejected"]);

const isModerator = (me) => me.role === "moderator" || me.role === "admin";

/**
 * @param transfer the order's pending transfer, or null
 * @param people demo users by role, to pick a performer or a moderator from (empty: type an id)
 */
export function orderActions(order, me, { transfer, people, run, navigate }) {
  const actions = [];
  const party = order.customerId === me.id || order.performerId === me.id;
  if (party) {
    // Folded away: a dispute is the exception, the chat is the rule.
    const fold = document.createElement("details");
    const summary = document.createElement("summary");
    summary.textContent = "Open a dispute";
    fold.append(summary, form("Open dispute", [input("dispute-reason", "Reason for the dispute")], ([reason]) =>
      run("Open dispute", async (api) => navigate(`#/conversation/${(await api.openDispute(order.id, reason)).conversationId}`))));
    actions.push(fold);
  }
  if (FINAL.has(order.status)) return actions;
  const moderator = isModerator(me);
  const mine = order.moderatorId === me.id || me.role === "admin";
  if (moderator && order.status === "pending") {
    actions.push(button("Accept order", () => run("Accept", (api) => api.accept(order.id))));
  }
  if ((moderator && order.status === "processing") || (order.performerId === me.id && order.status === "processing")) {
    actions.push(button("Mark completed", () => run("Complete", (api) => api.changeStatus(order.id, "completed"))));
  }
  if (order.customerId === me.id) {
    // Destructive and final: asked again, and styled quieter than the everyday actions.
    actions.push(button("Cancel order", () => window.confirm("Cancel this order? This cannot be undone.")
      && run("Cancel", (api) => api.changeStatus(order.id, "cancelled")), "danger-quiet"));
  }
  if (moderator) {
    actions.push(button("Reject order", () => window.confirm("Reject this order? This cannot be undone.")
      && run("Reject", (api) => api.changeStatus(order.id, "rejected")), "danger-quiet"));
  }
  if (transfer?.status === "pending") {
    if (transfer.toId === me.id) {
      actions.push(button(`Accept transfer from ${transfer.fromName ?? transfer.fromId}`, () => run("Accept transfer", (api) => api.acceptTransfer(order.id))));
      actions.push(button("Decline transfer", () => run("Decline transfer", (api) => api.declineTransfer(order.id))));
    } else {
      actions.push(text(`Transfer to ${transfer.toName ?? transfer.toId} pending`));
    }
  } else if (moderator && mine && order.moderatorId) {
    const others = people.moderators.filter((user) => user.id !== me.id && user.id !== order.moderatorId);
    actions.push(form("Transfer chat", [pick("transfer-to", "Transfer to", others, null)], ([to]) =>
      run("Transfer", (api) => api.startTransfer(order.id, to))));
  }
  if (moderator && mine && order.moderatorId) {
    actions.push(button("Clean history", () => {
      if (!window.confirm("Delete every message of this chat for everyone? System messages stay.")) return undefined;
      return run("Clean history", (api) => api.clean(order.conversationId));
    }, "danger"));
  }
  if (moderator) {
    actions.push(form("Assign performer", [pick("assign-performer", "Performer", people.performers, order.performerId)], ([id]) => {
      const known = people.performers.find((user) => user.id === id);
      return run("Assign", (api) => api.assignPerformer(order.id, { id, name: known?.name ?? id }));
    }));
  }
  return actions;
}

export function disputeActions(dispute, me, { run, navigate }) {
  const actions = [button("Go to the order", () => navigate(`#/order/${dispute.orderId}`), "secondary")];
  if (!isModerator(me) || dispute.status === "resolved" || dispute.status === "rejected") return actions;
  if (dispute.status === "open") actions.push(button("Start review", () => run("Review", (api) => api.decideDispute(dispute.id, "in_review"))));
  actions.push(form("Decide", [input("dispute-resolution", "Resolution")], ([resolution]) =>
    run("Resolve", (api) => api.decideDispute(dispute.id, "resolved", resolution)), "Resolve"));
  actions.push(button("Reject dispute", () => run("Reject", (api) => api.decideDispute(dispute.id, "rejected")), "danger"));
  return actions;
}

export function sessionActions(session, me, { run }) {
  const actions = [];
  const agent = me.role === "support" || me.role === "admin";
  if (session.status === "closed") return actions;
  if (agent && session.status === "waiting") actions.push(button("Accept session", () => run("Accept", (api) => api.acceptSession(session.id))));
  if (agent && session.status === "active") actions.push(button("Resolve", () => run("Resolve", (api) => api.sessionStatus(session.id, "resolved"))));
  if (agent || session.customer_id === me.id) {
    actions.push(button("Close session", () => run("Close", (api) => api.closeSession(session.id)), "danger"));
  }
  return actions;
}

function button(label, action, kind = "secondary") {
  const element = document.createElement("button");
  element.type = "button";
  element.className = kind;
  element.textContent = label;
  element.addEventListener("click", async () => {
    element.disabled = true;
    try {
      await action();
    } finally {
      element.disabled = false;
    }
  });
  return element;
}

function text(content) {
  const element = document.createElement("p");
  element.className = "subtitle";
  element.textContent = content;
  return element;
}

/** A small form: labelled fields, one submit button; `submit` gets the fields' values. */
function form(name, fields, submit, label = name) {
  const element = document.createElement("form");
  element.setAttribute("aria-label", name);
  for (const field of fields) element.append(...field.nodes);
  const send = document.createElement("button");
  send.type = "submit";
  send.className = "secondary";
  send.textContent = label;
  element.append(send);
  element.addEventListener("submit", async (event) => {
    event.preventDefault();
    const values = fields.map((field) => field.value());
    if (values.some((value) => !value)) return;
    send.disabled = true;
    try {
      await submit(values);
    } finally {
      send.disabled = false;
    }
  });
  return element;
}

function labelFor(id, text) {
  const label = document.createElement("label");
  label.htmlFor = id;
  label.textContent = text;
  return label;
}

function input(id, text) {
  const field = document.createElement("input");
  field.id = id;
  field.required = true;
  field.maxLength = 2000;
  return { nodes: [labelFor(id, text), field], value: () => field.value.trim() };
}

/** A choice among known people, or a user id typed in when the server lists none (no demo users). */
function pick(id, text, people, selected) {
  if (people.length === 0) {
    const field = document.createElement("input");
    field.id = id;
    field.required = true;
    field.placeholder = "user id";
    field.value = selected ?? "";
    return { nodes: [labelFor(id, text), field], value: () => field.value.trim() };
  }
  const select = document.createElement("select");
  select.id = id;
  for (const person of people) {
    const option = document.createElement("option");
    option.value = person.id;
    option.textContent = person.name;
    option.selected = person.id === selected;
    select.append(option);
  }
  return { nodes: [labelFor(id, text), select], value: () => select.value };
}
