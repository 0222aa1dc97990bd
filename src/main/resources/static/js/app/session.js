// Who is signed in. The token lives in localStorage under "orderchatToken", the key seed 001's
// /js/chat.js reads too, so the standalone chat page works in the same browser after sign-in.
import { Api, claimsOf } from "./api.js";
import { t } from "./i18n.js";

const KEY = "orderchatToken";

const ROLE_ALIASES = {
  client: "customer", user: "customer", agent: "performer", shopper: "performer", courier: "performer", driver: "performer",
};

export function roleOf(value) {
  const role = String(value ?? "customer").toLowerCase();
  return ROLE_ALIASES[role] ?? role;
}

/** The user a token names: {id, name, role}, or throws an ApiError for a token that cannot be read. */
export function userOf(token) {
  const claims = claimsOf(token);
  const id = claims.sub ?? claims.id ?? claims.userId;
  if (!id) throw new Error(t("signIn.tokenNoUser"));
  if (claims.exp && claims.exp * 1000 < Date.now()) throw new Error(t("signIn.tokenExpired"));
  return { id: String(id), name: claims.name ?? claims.username ?? claims.email ?? String(id), role: roleOf(claims.role) };
}

export function storedToken() {
  return localStorage.getItem(KEY);
}

export function store(token) {
  localStorage.setItem(KEY, token);
}

export function forget() {
  localStorage.removeItem(KEY);
}

/** Checks a pasted token against the server before keeping it. */
export async function verify(token) {
  const user = userOf(token);
  await new Api(token).unread();
  return user;
}
