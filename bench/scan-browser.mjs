// What scanPage costs in Chromium itself (not in a simulated DOM): the reading layer bundled
// for the browser, run on generated heavy console pages. Prints medians; asserts nothing.
// Part of `npm run bench`.
import { build } from 'vite';
import { chromium } from '@playwright/test';
import { findChromium } from '../scripts/browser.mjs';

const out = await build({
  logLevel: 'silent',
  configFile: false,
  build: { write: false, minify: true, lib: { entry: new URL('./scan-entry.ts', import.meta.url).pathname, formats: ['iife'], name: 'TokenRadarBench' } },
});
const code = (Array.isArray(out) ? out[0] : out).output[0].code;

const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: ['--disable-background-networking', '--disable-component-update', '--no-first-run'] });
const page = await browser.newPage();
await page.setContent('<!doctype html><html><body></body></html>');
await page.addScriptTag({ content: code });

const cases = [
  ['device list, 20,000 elements, not a credential page', 'devices'],
  ['device list, 20,000 elements, one "AppleCare expires" line', 'devicesWithExpiryWord'],
  ['Fluent token grid, 300 rows (automation keys, checkbox column)', 'tokens'],
  ['push certificate page in an Azure-sized shell (~20,000 elements)', 'pushInShell'],
];
const rows = [];
for (const [label, kind] of cases) {
  const result = await page.evaluate((k) => window.TokenRadarBench.run(k), kind);
  rows.push({ page: label, elements: result.elements, 'median ms': result.median.toFixed(2), 'max ms': result.max.toFixed(2), credentials: result.credentials });
}
console.log('\nscanPage in Chromium (median of 25 runs after 5 warm-ups)');
console.table(rows);
await browser.close();
