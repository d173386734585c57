import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../public/_locales');
type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const load = (lang: string): Messages => JSON.parse(readFileSync(resolve(root, lang, 'messages.json'), 'utf8'));
const en = load('en');

describe('translations', () => {
  it('ship en, fr and ja at least', () => {
    expect(readdirSync(root)).toEqual(expect.arrayContaining(['en', 'fr', 'ja']));
  });

  for (const lang of readdirSync(root).filter((l) => l !== 'en')) {
    it(`${lang} has exactly the keys and placeholders of en, none empty`, () => {
      const other = load(lang);
      expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
      for (const [key, entry] of Object.entries(en)) {
        const translated = other[key]!;
        expect(translated.message.trim(), `${lang}.${key}`).not.toBe('');
        expect(Object.keys(translated.placeholders ?? {}), `${lang}.${key}`).toEqual(Object.keys(entry.placeholders ?? {}));
        for (const name of Object.keys(entry.placeholders ?? {})) {
          expect(translated.message, `${lang}.${key} uses $${name}$`).toContain(`$${name.toUpperCase()}$`);
        }
      }
    });
  }

  it('every t() key used in the code exists in en', () => {
    const files = ['components', 'entrypoints', 'lib'].flatMap((d) =>
      (readdirSync(resolve(root, '../..', d), { recursive: true }) as string[])
        .filter((f) => /\.tsx?$/.test(f))
        .map((f) => readFileSync(resolve(root, '../..', d, f), 'utf8')),
    );
    const used = new Set(files.flatMap((src) => [...src.matchAll(/\bt\('([A-Za-z0-9_]+)'/g)].map((m) => m[1]!)));
    expect(used.size).toBeGreaterThan(5);
    for (const key of used) expect(en, key).toHaveProperty(key);
  });
});
