// The UI's language: English or Ukrainian (the seeds' users write Ukrainian). Chosen once per
// page from what the user picked (localStorage) or else the browser's languages; every visible
// string goes through t() / plural(), dates and numbers through Intl for that language.
// Dictionaries live in ./strings/{en,uk}.js, one key per line, grouped by screen.
import en from "./strings/en.js";
import uk from "./strings/uk.js";

const DICTIONARIES = { en, uk };
/** The languages offered by the switch, each named in itself. */
export const LANGUAGES = { en: "English", uk: "Українська" };
const KEY = "orderchatLanguage";

/** The page's language: the stored choice, else the first of the browser's languages we have, else English. */
export const language = chooseLanguage();

function chooseLanguage() {
  const stored = safeStorage()?.getItem(KEY);
  if (stored && DICTIONARIES[stored]) return stored;
  for (const tag of navigator.languages?.length ? navigator.languages : [navigator.language]) {
    const base = String(tag ?? "").toLowerCase().split("-")[0];
    if (DICTIONARIES[base]) return base;
  }
  return "en";
}

function safeStorage() {
  try {
    return window.localStorage;
  } catch {
    return null; // storage disabled: the browser's language decides
  }
}

/**
 * Remembers the choice and reloads: every string is drawn from the dictionary when its view is
 * built, so a reload redraws them all; the SDK keeps unsent messages across it.
 */
export function chooseLanguageAndReload(chosen) {
  if (!DICTIONARIES[chosen] || chosen === language) return;
  safeStorage()?.setItem(KEY, chosen);
  location.reload();
}

/** The text for `key` in the page's language (English when missing there), with {name} placeholders filled. */
export function t(key, params = {}) {
  const text = DICTIONARIES[language][key] ?? en[key];
  if (text === undefined) return key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (params[name] === undefined ? whole : String(params[name])));
}

/** The translation of a value the server names (a status, a role) under `prefix.`, or the value itself. */
export function label(prefix, value) {
  const key = `${prefix}.${value}`;
  return DICTIONARIES[language][key] ?? en[key] ?? String(value ?? "").replace(/_/g, " ");
}

const pluralRules = new Intl.PluralRules(language);

/** The plural form of `key` for `count` (key.one, key.few, key.many, key.other), with {count} formatted. */
export function plural(key, count, params = {}) {
  const form = `${key}.${pluralRules.select(count)}`;
  const chosen = DICTIONARIES[language][form] !== undefined || en[form] !== undefined ? form : `${key}.other`;
  return t(chosen, { ...params, count: number(count) });
}

const timeFormat = new Intl.DateTimeFormat(language, { hour: "2-digit", minute: "2-digit" });
const dateTimeFormat = new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short" });
const numberFormat = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });

/** A time of day ("14:05"), or with the date when it is not today. */
export function time(iso) {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  return date.toDateString() === new Date().toDateString() ? timeFormat.format(date) : dateTimeFormat.format(date);
}

export function number(value, options) {
  if (value === null || value === undefined || value === "" || Number.isNaN(Number(value))) return String(value ?? "");
  return options ? new Intl.NumberFormat(language, options).format(Number(value)) : numberFormat.format(Number(value));
}

/**
 * Translates the static page: data-i18n="key" sets an element's text, data-i18n-attrs="attr=key;…"
 * its attributes; sets <html lang> and fills the language switch.
 */
export function translatePage(root = document) {
  document.documentElement.lang = language;
  for (const element of root.querySelectorAll("[data-i18n]")) element.textContent = t(element.dataset.i18n);
  for (const element of root.querySelectorAll("[data-i18n-attrs]")) {
    for (const pair of element.dataset.i18nAttrs.split(";")) {
      const [attribute, key] = pair.split("=").map((part) => part.trim());
      if (attribute && key) element.setAttribute(attribute, t(key));
    }
  }
  const select = root.getElementById?.("language");
  if (select) {
    select.replaceChildren(...Object.entries(LANGUAGES).map(([code, name]) => {
      const option = document.createElement("option");
      option.value = code;
      option.lang = code;
      option.textContent = name;
      option.selected = code === language;
      return option;
    }));
    select.addEventListener("change", () => chooseLanguageAndReload(select.value));
  }
}
