// The sign-in screen: one button per demo user while the demo issuer runs (the embedded
// default), and a field for a token from the host app in every case.
import { Api } from "./api.js";
import { label } from "./i18n.js";
import { verify } from "./session.js";

const $ = (id) => document.getElementById(id);

let signedIn = () => {};

/** Who to tell about a sign-in: called with (token, {id, name, role}). */
export function onSignIn(listener) {
  signedIn = listener;
}

/** Shows the screen with an optional message; resolves with the demo users (none when off). */
export async function signInScreen(message = "") {
  $("sign-in").hidden = false;
  $("sign-in-error").textContent = message;
  try {
    const users = await Api.demoUsers();
    renderDemoUsers(users);
    return users;
  } catch {
    $("demo-users").hidden = true; // the host app's keys are configured: tokens only
    return [];
  }
}

function renderDemoUsers(users) {
  const items = users.map((user) => {
    const item = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.dataset.userId = user.id;
    button.append(user.name);
    const role = document.createElement("small");
    role.textContent = label("role", user.role);
    button.append(role);
    button.addEventListener("click", () => signInAsDemo(user.id));
    item.append(button);
    return item;
  });
  $("demo-user-list").replaceChildren(...items);
  $("demo-users").hidden = false;
}

async function signInAsDemo(userId) {
  try {
    const issued = await Api.demoToken(userId);
    leave();
    signedIn(issued.token, { id: issued.user.id, name: issued.user.name, role: issued.user.role });
  } catch (error) {
    $("sign-in-error").textContent = error.message;
  }
}

$("token-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const token = $("token-input").value.trim();
  try {
    const user = await verify(token);
    leave();
    signedIn(token, user);
  } catch (error) {
    $("sign-in-error").textContent = error.message;
  }
});

function leave() {
  $("sign-in").hidden = true;
  $("token-input").value = "";
  $("sign-in-error").textContent = "";
}
