/**
 * Unit-test setup: IndexedDB (fake-indexeddb) and the extension's English messages behind
 * browser.i18n, so that code calling t() produces the real strings an admin reads.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';

type Entry = { message: string; placeholders?: Record<string, { content: string }> };
const en = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../public/_locales/en/messages.json'), 'utf8')) as Record<string, Entry>;

/** Chrome's substitution rules: $NAME$ -> the placeholder's content -> $1..$9 from the arguments. */
export function englishMessage(key: string, substitutions?: string | string[]): string {
  const entry = en[key];
  if (!entry) return '';
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  return entry.message
    .replace(/\$([A-Za-z0-9_@]+)\$/g, (_, name: string) => entry.placeholders?.[name.toLowerCase()]?.content ?? '')
    .replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
}

Object.assign(fakeBrowser.i18n, {
  getMessage: englishMessage,
  getUILanguage: () => 'en',
});
