/**
 * The console modules stay the one place a console is defined: no code outside lib/consoles/
 * names a console id, and every page kind of every console has a fixture page it is recognised
 * on (tests/fixtures/pages/), and every flow step that points at a control has fixture pages of
 * one of its own sites (tests/fixtures/step-pages.ts; guide.test.ts finds the control on each).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONSOLES } from '../../lib/consoles/list';
import { FLOWS } from '../../lib/guide/flows';
import type { PageScan } from '../../lib/scan';
import { STEP_PAGES } from '../fixtures/step-pages';

const root = resolve(import.meta.dirname, '../..');
const pagesDir = resolve(root, 'tests/fixtures/pages');

function sources(dir: string): string[] {
  return (readdirSync(resolve(root, dir), { recursive: true }) as string[]).filter((f) => /\.(ts|tsx)$/.test(f) && !f.endsWith('.d.ts')).map((f) => `${dir}/${f}`);
}

const fixtures = (readdirSync(pagesDir, { recursive: true }) as string[])
  .filter((f) => f.endsWith('.html'))
  .map((file) => {
    const expected = JSON.parse(readFileSync(resolve(pagesDir, file.replace(/\.html$/, '.expected.json')), 'utf8')) as { url: string; scan: PageScan | null };
    return { file, url: expected.url, html: readFileSync(resolve(pagesDir, file), 'utf8'), scan: expected.scan };
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

  it("every console folder's flows file is in the flows list", () => {
    const listed = readFileSync(resolve(root, 'lib/consoles/flows.ts'), 'utf8');
    const folders = (readdirSync(resolve(root, 'lib/consoles'), { withFileTypes: true }) as { name: string; isDirectory(): boolean }[]).filter((d) => d.isDirectory());
    const withFlows = folders.filter((d) => existsSync(resolve(root, 'lib/consoles', d.name, 'flows.ts'))).map((d) => d.name);
    expect(withFlows.length).toBeGreaterThan(0);
    for (const name of withFlows) expect(listed, `lib/consoles/${name}/flows.ts`).toContain(`from './${name}/flows'`);
    // And every flow is of a console of the list.
    for (const flow of FLOWS) expect(CONSOLES.map((c) => c.id as string), flow.id).toContain(flow.console);
  });

  const steps = new Map(FLOWS.flatMap((f) => f.steps.map((step) => [step.id, step] as const)));
  for (const [id, step] of steps) {
    if (step.target.type === 'none') continue;
    it(`flow step "${id}" has fixture pages, each of one of its sites (${step.sites.join(', ')})`, () => {
      const pages = STEP_PAGES[id] ?? [];
      expect(pages.length, id).toBeGreaterThan(0);
      for (const [file] of pages) {
        const page = fixtures.find((f) => f.file === file);
        expect(page, `${id}: ${file} is a fixture page`).toBeDefined();
        // The page's own console: what its scan says, else (a page that shows no credential) the console its address belongs to.
        const site = page!.scan?.console ?? file.split('/')[0];
        expect(step.sites, `${id}: ${file}`).toContain(site);
      }
    });
  }

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

describe('the reader in three scripts', () => {
  // The same import graph the build follows (value imports only), from the project's sources.
  const root = resolve(import.meta.dirname, '../..');
  const IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
  const depsOf = (file: string): string[] =>
    [...readFileSync(file, 'utf8').matchAll(IMPORT)]
      .map((m) => m[1]!)
      .filter((spec) => spec.startsWith('.'))
      .map((spec) => resolve(file, '..', spec.replace(/\?.*$/, '')))
      .flatMap((base) => [`${base}.ts`, `${base}.tsx`, base].filter((f) => /\.tsx?$/.test(f) && existsSync(f)).slice(0, 1));
  const closure = (entry: string, stop: (f: string) => boolean = () => false): Set<string> => {
    const seen = new Set<string>();
    const todo = [entry];
    while (todo.length) {
      const f = todo.pop()!;
      if (seen.has(f)) continue;
      seen.add(f);
      if (f === entry || !stop(f)) todo.push(...depsOf(f));
    }
    return seen;
  };
  // The scripts a console frame is given, in order (wxt.config.ts READING_SCRIPTS): each later one takes the earlier ones' modules.
  const entries = ['console-collect.ts', 'console-reading.ts', 'console-reader.tsx'].map((f) => resolve(root, 'entrypoints', f));
  const exposed = (entry: string) => new Set([...readFileSync(entry, 'utf8').matchAll(/^import \* as \w+ from '(\.\.\/lib\/[^']+)';$/gm)].map((m) => resolve(root, 'entrypoints', `${m[1]}.ts`)));

  it('every module a script takes from an earlier one is exposed under its path', () => {
    for (const entry of entries.slice(0, 2)) {
      const text = readFileSync(entry, 'utf8');
      const own = exposed(entry);
      expect(own.size, entry).toBeGreaterThan(0);
      for (const file of own) expect(text, file).toContain(`'${file.slice(root.length + 1)}':`);
    }
  });

  it('nothing is bundled into a later script that an earlier one already holds', () => {
    for (let i = 1; i < entries.length; i++) {
      const shared = new Set(entries.slice(0, i).flatMap((e) => [...exposed(e)]));
      const earlier = new Set(entries.slice(0, i).flatMap((e) => [...closure(e)]));
      const own = closure(entries[i]!, (f) => shared.has(f));
      const twice = [...own].filter((f) => earlier.has(f) && !shared.has(f) && !entries.includes(f)).map((f) => f.slice(root.length + 1));
      expect(twice, entries[i]).toEqual([]);
    }
    // The reading layer holds no UI: it runs before the reader, in the same frames.
    for (const entry of entries.slice(0, 2)) expect([...closure(entry)].filter((f) => /\/(components|entrypoints)\//.test(f) && f !== entry)).toEqual([]);
  });

  it('the build and the worker name the same scripts in the same order', () => {
    const names = entries.map((e) => e.replace(/^.*\/|\.tsx?$/g, ''));
    const built = readFileSync(resolve(root, 'wxt.config.ts'), 'utf8').match(/const READING_SCRIPTS = \[([^\]]*)\]/)?.[1];
    expect([...(built ?? '').matchAll(/'([^']+)'/g)].map((m) => m[1])).toEqual(names);
    const loaded = readFileSync(resolve(root, 'lib/handlers/index.ts'), 'utf8').match(/'load-reader': \[([^\]]*)\]/)?.[1];
    expect([...(loaded ?? '').matchAll(/'\/([^']+)\.js'/g)].map((m) => m[1])).toEqual(names);
  });

  it("the reading layer's first part stands alone: it needs nothing of the second", () => {
    const second = exposed(entries[1]!);
    expect([...closure(entries[0]!)].filter((f) => second.has(f)).map((f) => f.slice(root.length + 1))).toEqual([]);
  });
});
