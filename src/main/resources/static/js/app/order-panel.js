// The actions the signed-in user may take on the open order, by role and status, mirroring the
// server's rules (docs/rest.md, Orders) so nobody is offered a button the server would refuse.

const FINAL = new Set(["completed", "cancelled", "rejected"]);

export function orderActions(order, me, { performers, run }) {
	const actions = [];
	if (FINAL.has(order.status)) return actions;
	const staff = me.role === "moderator" || me.role === "admin";
	if (staff && order.status === "pending") actions.push(button("Accept order", () => run("Accept", (api) => api.changeStatus(order.id, "processing"))));
	if ((staff && order.status === "processing") || (order.performerId === me.id && order.status === "processing")) {
		actions.push(button("Mark completed", () => run("Complete", (api) => api.changeStatus(order.id, "completed"))));
	}
	if (order.customerId === me.id) {
		actions.push(button("Cancel order", () => run("Cancel", (api) => api.changeStatus(order.id, "cancelled")), "danger"));
	}
	if (staff) {
		actions.push(button("Reject order", () => run("Reject", (api) => api.changeStatus(order.id, "rejected")), "danger"));
		actions.push(assignForm(order, performers, run));
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

/** Staff assign the performer: from the demo users when the demo issuer runs, else by id and name. */
function assignForm(order, performers, run) {
	const form = document.createElement("form");
	form.className = "assign";
	const id = `assign-${order.id}`;
	const label = document.createElement("label");
	label.htmlFor = id;
	label.textContent = "Performer";
	let read;
	if (performers.length > 0) {
		const select = document.createElement("select");
		select.id = id;
		for (const performer of performers) {
			const option = document.createElement("option");
			option.value = performer.id;
			option.textContent = performer.name;
			option.selected = performer.id === order.performerId;
			select.append(option);
		}
		read = () => performers.find((performer) => performer.id === select.value);
		form.append(label, select);
	} else {
		const input = document.createElement("input");
		input.id = id;
		input.required = true;
		input.placeholder = "user id";
		input.value = order.performerId ?? "";
		read = () => ({ id: input.value.trim(), name: input.value.trim() });
		form.append(label, input);
	}
	const submit = document.createElement("button");
	submit.type = "submit";
	submit.className = "secondary";
	submit.textContent = "Assign performer";
	form.append(submit);
	form.addEventListener("submit", (event) => {
		event.preventDefault();
		const performer = read();
		if (performer?.id) run("Assign", (api) => api.assignPerformer(order.id, performer));
	});
	return form;
}
