// REST calls to OrderChat (docs/rest.md): the {success, data | error} envelope unwrapped, and
// failures thrown as ApiError with the server's stable code and human message.

export class ApiError extends Error {
	constructor(code, message, status) {
		super(message);
		this.code = code;
		this.status = status;
	}
}

export class Api {
	constructor(token) {
		this.token = token;
	}

	async call(method, path, body) {
		const headers = { accept: "application/json" };
		if (body !== undefined) headers["content-type"] = "application/json";
		if (this.token) headers.authorization = `Bearer ${this.token}`;
		let response;
		try {
			response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
		} catch (error) {
			throw new ApiError("NETWORK", "The server cannot be reached; check your connection.", 0);
		}
		const text = await response.text();
		let json = null;
		try {
			json = text ? JSON.parse(text) : null;
		} catch {
			// A proxy's HTML error page, for instance: reported below with the HTTP status.
		}
		if (json && json.success) return json.data;
		const error = json && json.error;
		throw new ApiError(error?.code ?? `HTTP_${response.status}`, error?.message ?? `The server answered ${response.status}`,
			response.status);
	}

	get(path) { return this.call("GET", path); }
	post(path, body = {}) { return this.call("POST", path, body); }
	patch(path, body) { return this.call("PATCH", path, body); }
	put(path, body) { return this.call("PUT", path, body); }

	static demoUsers() { return new Api(null).get("/api/demo/users"); }
	static demoToken(userId) { return new Api(null).post("/api/demo/token", { userId }); }

	myOrders() { return this.get("/api/orders/my-orders"); }
	allOrders(status) { return this.get(status ? `/api/orders/all?status=${encodeURIComponent(status)}` : "/api/orders/all"); }
	order(id) { return this.get(`/api/orders/${encodeURIComponent(id)}`); }
	placeOrder(order) { return this.post("/api/orders", order); }
	changeStatus(id, status, notes) { return this.patch(`/api/orders/${encodeURIComponent(id)}/status`, { status, notes }); }
	assignPerformer(id, performer) { return this.put(`/api/orders/${encodeURIComponent(id)}/performer`, { performer }); }
	conversations() { return this.get("/api/conversations"); }
	unread() { return this.get("/api/unread"); }
}

/** The claims of a JWT, unverified: the server verifies; the UI only needs a name and role to show. */
export function claimsOf(token) {
	const parts = token.split(".");
	if (parts.length !== 3) throw new ApiError("UNAUTHENTICATED", "That is not a JWT (three dot-separated parts).", 0);
	try {
		const base64 = parts[1].replace(/-/g, "+").replace(/_/g, "/");
		const json = decodeURIComponent(Array.from(atob(base64), (c) => `%${c.charCodeAt(0).toString(16).padStart(2, "0")}`).join(""));
		return JSON.parse(json);
	} catch {
		throw new ApiError("UNAUTHENTICATED", "The token's payload cannot be read.", 0);
	}
}
