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
    const found = fetched?.get(key) || browser.i18n.getMessage(key, SLOTS);
    // Not found is not remembered: the catalogue may come (ensureCatalogue) and the next call finds it.
    if (!found) return key;
    template = found;
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

/** The catalogue an extension page or the worker read itself when the browser's was not there (see ensureCatalogue), or the one the worker sent a console frame (see adoptMessages). */
let fetched: Map<string, string> | undefined;

interface CatalogueEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

/** A catalogue message as getMessage(key, SLOTS) gives it: named placeholders resolved, $1… as slots. */
export function templateOf(entry: CatalogueEntry): string {
  const named = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => entry.placeholders?.[name.toLowerCase()]?.content ?? whole);
  return named.replace(/\$(\$|[1-9])/g, (_, d: string) => (d === '$' ? '$' : SLOTS[Number(d) - 1]!));
}

/**
 * Chromium now and then gives an extension page, or the worker, an empty message catalogue
 * (getMessage answers '' for every key; seen in the browser tests on pages opened soon after the
 * extension started, and in a worker just started, whose import error then read
 * "importErr_not_date"): the text would show message keys. Extension pages call this before their
 * first render and the worker before it handles a message or checks: when the browser's catalogue
 * answers, it does nothing; else it reads the UI language's catalogue (or English) from the
 * extension's own files.
 */
export function ensureCatalogue(): Promise<void> {
  // Read already, or the browser's is there (one cheap call: the worker asks before every message).
  if (fetched?.size || browser.i18n.getMessage('extName')) return Promise.resolve();
  // Messages arriving together wait for one read; a read that found nothing is tried again next time.
  reading ??= readCatalogue().finally(() => {
    reading = undefined;
  });
  return reading;
}
let reading: Promise<void> | undefined;

async function readCatalogue(): Promise<void> {
  const wanted = uiLanguage().toLowerCase().split(/[-_]/)[0]!;
  for (const lang of [wanted, 'en']) {
    try {
      const response = await fetch(browser.runtime.getURL(`/_locales/${lang}/messages.json` as '/_locales/en/messages.json'));
      if (!response.ok) continue;
      const entries = (await response.json()) as Record<string, CatalogueEntry>;
      fetched = new Map(Object.entries(entries).map(([key, entry]) => [key, templateOf(entry)]));
      cache.clear();
      return;
    } catch {
      // Not there in that language: the next one.
    }
  }
}

/**
 * Every message as `getMessage(key, SLOTS)` gives it here, by key: the worker builds it for
 * console frames. In a page's frame, the browser's first getMessage waits on the browser process
 * for the whole catalogue (tens of milliseconds in which the console cannot respond); the
 * worker's answer comes without blocking anyone.
 */
let templates: Promise<Record<string, string>> | undefined;
export function messageTemplates(): Promise<Record<string, string>> {
  templates ??= (async () => {
    const response = await fetch(browser.runtime.getURL('/_locales/en/messages.json' as '/_locales/en/messages.json'));
    const keys = Object.keys((await response.json()) as Record<string, unknown>);
    const out: Record<string, string> = {};
    for (const key of keys) {
      // The browser's, else the one read from the files (ensureCatalogue: the browser gave none).
      const message = browser.i18n.getMessage(key as MessageKey, SLOTS) || fetched?.get(key);
      if (message) out[key] = message;
    }
    // None at all: not kept, the next frame asks again.
    if (Object.keys(out).length === 0) throw new Error('No messages yet.');
    return out;
  })().catch((error: unknown) => {
    templates = undefined;
    throw error;
  });
  return templates;
}

/** Uses the messages the worker sent (messageTemplates): t() no longer asks the browser for them. */
export function adoptMessages(messages: Record<string, string>): void {
  fetched = new Map(Object.entries(messages).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  cache.clear();
}
