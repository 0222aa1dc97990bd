// The actions the signed-in user may take on the open conversation's subject — an order, a
// dispute or a support session — by role and status, mirroring the server's rules
// (docs/rest.md) so nobody is offered a button the server would refuse.
import { t } from "./i18n.js";

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
    summary.textContent = t("actions.openDispute");
    fold.append(summary, form(t("actions.openDisputeSubmit"), [input("dispute-reason", t("actions.disputeReason"))], ([reason]) =>
      run(t("actions.openDisputeSubmit"), async (api) => navigate(`#/conversation/${(await api.openDispute(order.id, reason)).conversationId}`))));
    actions.push(fold);
  }
  if (FINAL.has(order.status)) return actions;
  const moderator = isModerator(me);
  const mine = order.moderatorId === me.id || me.role === "admin";
  if (moderator && order.status === "pending") {
    actions.push(button(t("actions.acceptOrder"), () => run(t("actions.acceptOrder"), (api) => api.accept(order.id))));
  }
  if ((moderator && order.status === "processing") || (order.performerId === me.id && order.status === "processing")) {
    actions.push(button(t("actions.complete"), () => run(t("actions.complete"), (api) => api.changeStatus(order.id, "completed"))));
  }
  if (order.customerId === me.id) {
    // Destructive and final: asked again, and styled quieter than the everyday actions.
    actions.push(button(t("actions.cancelOrder"), () => window.confirm(t("actions.cancelConfirm"))
      && run(t("actions.cancelOrder"), (api) => api.changeStatus(order.id, "cancelled")), "danger-quiet"));
  }
  if (moderator) {
    actions.push(button(t("actions.rejectOrder"), () => window.confirm(t("actions.rejectConfirm"))
      && run(t("actions.rejectOrder"), (api) => api.changeStatus(order.id, "rejected")), "danger-quiet"));
  }
  if (transfer?.status === "pending") {
    if (transfer.toId === me.id) {
      actions.push(button(t("actions.acceptTransferFrom", { name: transfer.fromName ?? transfer.fromId }),
        () => run(t("actions.acceptTransfer"), (api) => api.acceptTransfer(order.id))));
      actions.push(button(t("actions.declineTransfer"), () => run(t("actions.declineTransfer"), (api) => api.declineTransfer(order.id))));
    } else {
      actions.push(text(t("actions.transferPending", { name: transfer.toName ?? transfer.toId })));
    }
  } else if (moderator && mine && order.moderatorId) {
    const others = people.moderators.filter((user) => user.id !== me.id && user.id !== order.moderatorId);
    actions.push(form(t("actions.transfer"), [pick("transfer-to", t("actions.transferTo"), others, null)], ([to]) =>
      run(t("actions.transfer"), (api) => api.startTransfer(order.id, to))));
  }
  if (moderator && mine && order.moderatorId) {
    actions.push(button(t("actions.clean"), () => {
      if (!window.confirm(t("actions.cleanConfirm"))) return undefined;
      return run(t("actions.clean"), (api) => api.clean(order.conversationId));
    }, "danger"));
  }
  if (moderator) {
    actions.push(form(t("actions.assign"), [pick("assign-performer", t("actions.performer"), people.performers, order.performerId)], ([id]) => {
      const known = people.performers.find((user) => user.id === id);
      return run(t("actions.assign"), (api) => api.assignPerformer(order.id, { id, name: known?.name ?? id }));
    }));
  }
  return actions;
}

export function disputeActions(dispute, me, { run, navigate }) {
  const actions = [button(t("actions.goToOrder"), () => navigate(`#/order/${dispute.orderId}`), "secondary")];
  if (!isModerator(me) || dispute.status === "resolved" || dispute.status === "rejected") return actions;
  if (dispute.status === "open") actions.push(button(t("actions.review"), () => run(t("actions.review"), (api) => api.decideDispute(dispute.id, "in_review"))));
  actions.push(form(t("actions.decide"), [input("dispute-resolution", t("actions.resolution"))], ([resolution]) =>
    run(t("actions.resolve"), (api) => api.decideDispute(dispute.id, "resolved", resolution)), t("actions.resolve")));
  actions.push(button(t("actions.rejectDispute"), () => run(t("actions.rejectDispute"), (api) => api.decideDispute(dispute.id, "rejected")), "danger"));
  return actions;
}

export function sessionActions(session, me, { run }) {
  const actions = [];
  const agent = me.role === "support" || me.role === "admin";
  if (session.status === "closed") return actions;
  if (agent && session.status === "waiting") actions.push(button(t("actions.acceptSession"), () => run(t("actions.acceptSession"), (api) => api.acceptSession(session.id))));
  if (agent && session.status === "active") actions.push(button(t("actions.resolve"), () => run(t("actions.resolve"), (api) => api.sessionStatus(session.id, "resolved"))));
  if (agent || session.customer_id === me.id) {
    actions.push(button(t("actions.closeSession"), () => run(t("actions.closeSession"), (api) => api.closeSession(session.id)), "danger"));
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
    field.placeholder = t("actions.userId");
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
