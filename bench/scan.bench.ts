/**
 * What a scan costs on heavy admin pages: `npm run bench`. The content script runs scanPage
 * once per settled page change, so these numbers are the page's cost per change.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { bench, describe } from 'vitest';
import { parseDisplayedDate } from '../lib/dates/parse';
import { scanPage } from '../lib/scan';
import { devices as devicesHtml, tokens as tokensHtml } from './pages';

const NOW = new Date('2026-11-22T12:00:00Z');
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

const devices = parse(`<html lang="en"><head><title>All devices</title></head><body>${devicesHtml(5000)}</body></html>`);
const tokens = parse(`<html lang="en"><head><title>Enrollment program tokens</title></head><body>${tokensHtml(300)}</body></html>`);
const push = parse(readFileSync(resolve(import.meta.dirname, '../tests/fixtures/pages/intune/push-certificate.en.html'), 'utf8'));

describe('scanPage', () => {
  bench('Intune device list, 5,000 rows (not a credential page)', () => {
    scanPage('https://intune.microsoft.com/#view/devices', devices, NOW);
  });
  bench('MaaS360 page, same 5,000 rows (not the Home page)', () => {
    scanPage('https://m3.maas360.com/emc/content/devices.html', devices, NOW);
  });
  bench('Intune enrollment token grid, 300 tokens', () => {
    scanPage('https://intune.microsoft.com/#view/ade', tokens, NOW);
  });
  bench('Intune push certificate page', () => {
    scanPage('https://intune.microsoft.com/#view/push', push, NOW);
  });
  bench('a page on another host (the URL alone decides)', () => {
    scanPage('https://example.com/', devices, NOW);
  });
});

describe('dates', () => {
  bench('parseDisplayedDate, mixed formats', () => {
    for (const [text, lang] of [['3/14/2027', 'en'], ['14 mars 2027', 'fr'], ['2027年3月14日', 'ja'], ['Expires Dec 5, 2026', 'en'], ['21/11/2026 22:05', 'fr']] as const) {
      parseDisplayedDate(text, lang);
    }
  });
});
