import { browser } from 'wxt/browser';
import type en from '../public/_locales/en/messages.json';

/** Every UI string has a key in public/_locales/en/messages.json; fr and ja must have the same keys. */
export type MessageKey = keyof typeof en;

/** The translated string for `key`, with `$1`… substitutions. Falls back to the key, never to ''. */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  if (deferred) return deferredMessage(key, substitutions);
  // A call into the extension API costs far more than a string replace, and a page with 300
  // tokens asks for the same few strings 300 times: each message is fetched once, with
  // placeholders standing in for its substitutions, and filled in here.
  let template = cache.get(key);
  if (template === undefined) {
    template = browser.i18n.getMessage(key, SLOTS) || key;
    cache.set(key, template);
  }
  return substitutions.length || template.includes(SLOT_MARK) ? template.replace(SLOT_RE, (_, i: string) => String(substitutions[Number(i)] ?? '')) : template;
}

/** A code's spelling in a message key: dashes become underscores ('too-slow' -> 'too_slow'). */
type Underscored<S extends string> = S extends `${infer A}-${infer B}` ? `${A}_${Underscored<B>}` : S;

/**
 * The message key for `code` under `prefix` ('fileErr_' + 'too-slow' -> 'fileErr_too_slow'). The
 * compiler checks that every code of the union has its key in the catalogue; the locales test
 * checks that every language has every key.
 */
export function codeKey<P extends string, C extends string>(prefix: P, code: C): `${P}${Underscored<C>}` {
  return `${prefix}${code.replace(/-/g, '_')}` as `${P}${Underscored<C>}`;
}

/** Stand-ins for substitutions $1…$9: private-use characters no translation contains. */
const SLOT_MARK = '\uE0F0';
const SLOTS = Array.from({ length: 9 }, (_, i) => `${SLOT_MARK}${i}\uE0F1`);
const SLOT_RE = /\uE0F0(\d)\uE0F1/g;
const cache = new Map<string, string>();
let language: string | undefined;

/** The UI language (`en`, `fr`, `ja` …), for Intl formatting that matches the translated strings. */
export function uiLanguage(): string {
  return (language ??= browser.i18n.getUILanguage() || 'en');
}

// ---- messages made where the extension API is out of reach (a Web Worker) ------------------

/** Markers around a message made in a worker: key, substitutions, end. Private-use characters no text contains. */
const OPEN = '\uE0E0';
const SEP = '\uE0E1';
const CLOSE = '\uE0E2';
const DEFERRED = /\uE0E0([A-Za-z0-9_]+)((?:\uE0E1[^\uE0E0\uE0E1\uE0E2]*)*)\uE0E2/g;
let deferred = false;

/**
 * In a Web Worker (no `browser.i18n` there): `t()` writes a marker that `renderDeferred` turns
 * into the message in the page that started the worker; dates are formatted in `lang`.
 */
export function deferMessages(lang: string): () => void {
  const before = { deferred, language };
  deferred = true;
  language = lang;
  return () => {
    deferred = before.deferred;
    language = before.language;
  };
}

function deferredMessage(key: MessageKey, substitutions: (string | number)[]): string {
  // A substitution may itself be a deferred message (rendered first); text from a file that
  // happens to hold these characters can at worst become one of our own messages, as text.
  return OPEN + key + substitutions.map((s) => SEP + String(s)).join('') + CLOSE;
}

/** A text from a worker with its markers replaced by the messages, innermost first. */
export function renderDeferred(text: string): string {
  let out = text;
  for (let guard = 0; guard < 8 && out.includes(OPEN); guard++) {
    out = out.replace(DEFERRED, (_, key: string, subs: string) => t(key as MessageKey, ...subs.split(SEP).slice(1)));
  }
  return out.replace(/[\uE0E0-\uE0E2]/g, '');
}
