import { browser } from 'wxt/browser';
import type en from '../public/_locales/en/messages.json';

/** Every UI string has a key in public/_locales/en/messages.json; fr and ja must have the same keys. */
export type MessageKey = keyof typeof en;

/** The translated string for `key`, with `$1`… substitutions. Falls back to the key, never to ''. */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
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
