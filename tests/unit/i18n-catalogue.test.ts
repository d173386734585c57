/**
 * When the browser gives an extension page an empty message catalogue, the page reads the
 * catalogue from the extension's files: every message comes out as the browser would have made it.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { pageCatalogue, t, type MessageKey } from '../../lib/i18n';

const locales = resolve(import.meta.dirname, '../../public/_locales');
const keys = Object.keys(JSON.parse(readFileSync(resolve(locales, 'en/messages.json'), 'utf8'))) as MessageKey[];

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('a page whose browser catalogue is empty', () => {
  it('in the UI language, else English', async () => {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockReturnValue('');
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('de-DE');
    const asked: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      asked.push(url.replace(/^.*\/_locales\//, ''));
      const lang = /\/_locales\/(\w+)\/messages\.json$/.exec(url)?.[1] ?? '';
      return lang === 'de' ? new Response('', { status: 404 }) : new Response(readFileSync(resolve(locales, lang, 'messages.json')));
    });
    await pageCatalogue();
    // (The UI language is read once per page: this test runs first.)
    expect(asked).toEqual(['de/messages.json', 'en/messages.json']);
    expect(t('guideStep', 2, 9)).toBe('Step 2 of 9');
  });

  it('reads its own, and says every message as the browser would, substitutions included', async () => {
    const expected = keys.map((k) => t(k, 'A', 'B', 'C'));
    expect(expected.filter((text, i) => text === keys[i])).toEqual([]);
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockReturnValue('');
    const asked: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      asked.push(url);
      const lang = /\/_locales\/(\w+)\/messages\.json$/.exec(url)?.[1] ?? '';
      return new Response(readFileSync(resolve(locales, lang, 'messages.json')));
    });
    await pageCatalogue();
    expect(asked.at(-1)).toMatch(/\/_locales\/en\/messages\.json$/);
    expect(keys.map((k) => t(k, 'A', 'B', 'C'))).toEqual(expected);
  });
});
