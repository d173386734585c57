/**
 * When the browser gives an extension page an empty message catalogue, the page reads the
 * catalogue from the extension's files: every message comes out as the browser would have made it.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { adoptMessages, messageTemplates, ensureCatalogue, t, type MessageKey } from '../../lib/i18n';

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
    await ensureCatalogue();
    // (The UI language is read once per page: this test runs first.)
    expect(asked).toEqual(['de/messages.json', 'en/messages.json']);
    expect(t('guideStep', 2, 9)).toBe('Step 2 of 9');
  });

  it('reads its own, and says every message as the browser would, substitutions included', async () => {
    // A page that has read nothing of its own yet (the test above did).
    adoptMessages({});
    const expected = keys.map((k) => t(k, 'A', 'B', 'C'));
    expect(expected.filter((text, i) => text === keys[i])).toEqual([]);
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockReturnValue('');
    const asked: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      asked.push(url);
      const lang = /\/_locales\/(\w+)\/messages\.json$/.exec(url)?.[1] ?? '';
      return new Response(readFileSync(resolve(locales, lang, 'messages.json')));
    });
    await ensureCatalogue();
    expect(asked.at(-1)).toMatch(/\/_locales\/en\/messages\.json$/);
    expect(keys.map((k) => t(k, 'A', 'B', 'C'))).toEqual(expected);
    // Read once: the next call (the worker makes one before every message) reads nothing again.
    const before = asked.length;
    await ensureCatalogue();
    expect(asked.length).toBe(before);
  });
});

describe('a console frame given its messages by the worker', () => {
  it('says every message as the browser would, substitutions included, and never asks the browser again', async () => {
    vi.stubGlobal('fetch', async (url: string) => new Response(readFileSync(resolve(locales, /\/_locales\/(\w+)\/messages\.json$/.exec(url)?.[1] ?? 'en', 'messages.json'))));
    // The worker's side: every key, as the browser's getMessage gives it there.
    const messages = await messageTemplates();
    expect(Object.keys(messages).sort()).toEqual([...keys].sort());
    const expected = keys.map((k) => t(k, 'A', 'B', 'C'));
    // The frame's side: the browser is not asked once the worker's messages are there.
    const asked = vi.spyOn(fakeBrowser.i18n, 'getMessage');
    adoptMessages(messages);
    expect(keys.map((k) => t(k, 'A', 'B', 'C'))).toEqual(expected);
    expect(asked).not.toHaveBeenCalled();
  });

  it('ignores what is not a string in the answer', () => {
    adoptMessages({ guideStep: 'Step \uE0F00\uE0F1 of \uE0F01\uE0F1', extName: 3 } as unknown as Record<string, string>);
    expect(t('guideStep', 2, 9)).toBe('Step 2 of 9');
    expect(t('extName')).not.toBe('3');
  });
});
