/**
 * Reading a page again, in Chromium (the unit test, tests/unit/reading-again.test.ts, runs in the
 * test DOM): on every fixture page that has an expected scan, random changes, and after each batch
 * the scan of the page (which reads only what changed since the last one, lib/dom/changes.ts)
 * must equal the scan of a copy of the page read whole, credential by credential with its anchor.
 * No extension here: the reading layer bundled into a plain page, as `npm run bench` does.
 */
import { expect, test, chromium, type Browser } from '@playwright/test';
import { build, type Rollup } from 'vite';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { findChromium } from '../../scripts/browser.mjs';
import type { Page as Checked } from './support/reading-again.entry';

const dir = resolve(import.meta.dirname, '../fixtures/pages');
const files = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.html')).sort();

function pages(): Checked[] {
  const out: Checked[] = [];
  for (const name of files) {
    const expectedPath = resolve(dir, name.replace(/\.html$/, '.expected.json'));
    if (!existsSync(expectedPath)) continue;
    const { url, sites } = JSON.parse(readFileSync(expectedPath, 'utf8'));
    const html = readFileSync(resolve(dir, name), 'utf8');
    const body = (/<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html).replace(/<iframe\b[^>]*>(?:<\/iframe>)?/gi, '').replace(/<script\b[\s\S]*?<\/script>/gi, '');
    out.push({ name, body, url, ...(sites ? { sites } : {}) });
  }
  return out;
}

let browser: Browser;
let code: string;

test.beforeAll(async () => {
  const out = await build({
    logLevel: 'silent',
    configFile: false,
    build: { write: false, minify: false, lib: { entry: resolve(import.meta.dirname, 'support/reading-again.entry.ts'), formats: ['iife'], name: 'ReadingAgain' } },
  });
  code = ((Array.isArray(out) ? out[0] : out) as Rollup.RollupOutput).output[0].code;
  browser = await chromium.launch({ executablePath: findChromium(), headless: true });
});

test.afterAll(async () => {
  await browser?.close();
});

test('a page read again gives what reading it whole gives, after random changes on every fixture page, in Chromium', async () => {
  const all = pages();
  expect(all.length).toBeGreaterThan(60);
  const page = await browser.newPage();
  await page.setContent('<!doctype html><html><head><title>Reading again</title></head><body></body></html>');
  await page.addScriptTag({ content: code });
  const result = await page.evaluate(([list]) => (window as unknown as { ReadingAgain: { check: typeof import('./support/reading-again.entry').check } }).ReadingAgain.check(list, 6, 7000), [all] as const);
  expect(result.mismatches.slice(0, 3)).toEqual([]);
  expect(result.compared).toBe(all.length * 6);
  expect(result.withCredentials).toBeGreaterThan(all.length * 2);
});
