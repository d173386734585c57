/**
 * The console modules stay the one place a console is defined: no code outside lib/consoles/
 * names a console id, and every page kind of every console has a fixture page it is recognised
 * on (tests/fixtures/pages/). Every flow step's control is found on a fixture page by guide.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONSOLES } from '../../lib/consoles/list';
import type { PageScan } from '../../lib/scan';

const root = resolve(import.meta.dirname, '../..');
const pagesDir = resolve(root, 'tests/fixtures/pages');

function sources(dir: string): string[] {
  return (readdirSync(resolve(root, dir), { recursive: true }) as string[]).filter((f) => /\.(ts|tsx)$/.test(f) && !f.endsWith('.d.ts')).map((f) => `${dir}/${f}`);
}

const fixtures = (readdirSync(pagesDir, { recursive: true }) as string[])
  .filter((f) => f.endsWith('.html'))
  .map((file) => {
    const expected = JSON.parse(readFileSync(resolve(pagesDir, file.replace(/\.html$/, '.expected.json')), 'utf8')) as { url: string; scan: PageScan | null };
    return { file, html: readFileSync(resolve(pagesDir, file), 'utf8'), scan: expected.scan };
  });

describe('architecture', () => {
  it('nothing outside lib/consoles/ names a console id', () => {
    // 'other' is also a credential kind's name: it is checked by the type system instead.
    const ids = CONSOLES.map((c) => c.id).filter((id) => id !== 'other');
    const literal = new RegExp(`(['"\`])(${ids.map((id) => id.replace(/-/g, '\\-')).join('|')})\\1`);
    const offenders: string[] = [];
    for (const file of [...sources('lib'), ...sources('components'), ...sources('entrypoints'), 'wxt.config.ts']) {
      if (file.startsWith('lib/consoles/')) continue;
      readFileSync(resolve(root, file), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          const m = line.match(literal);
          if (m && !/^\s*(\/\/|\*)/.test(line)) offenders.push(`${file}:${i + 1}: ${m[0]}`);
        });
    }
    expect(offenders).toEqual([]);
  });

  for (const c of CONSOLES) {
    for (const kind of c.pages) {
      it(`${c.id}'s page kind "${kind.page}" has a fixture page`, () => {
        // Apple Business and School Manager share their page kinds.
        const sharing = CONSOLES.filter((o) => o.pages === c.pages).map((o) => o.id as string);
        expect(fixtures.some((f) => f.scan && sharing.includes(f.scan.console ?? '') && f.scan.page === kind.page)).toBe(true);
      });
    }
  }
});
