/**
 * What a scan costs on heavy admin pages: `npm run bench`. The content script runs scanPage
 * once per settled page change, so these numbers are the page's cost per change.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { bench, describe } from 'vitest';
import { parseDisplayedDate } from '../lib/dates/parse';
import { scanPage } from '../lib/scan';

const NOW = new Date('2026-11-22T12:00:00Z');
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

function devicesPage(rows: number): Document {
  const body = Array.from({ length: rows }, (_, i) => `<tr><td>IPAD-${i}</td><td>Intune</td><td>iPadOS</td><td>11/${(i % 28) + 1}/2026</td><td>user${i}@contoso.example</td></tr>`).join('');
  return parse(`<html lang="en"><head><title>All devices</title></head><body><h1>Devices | All devices</h1>
    <table><thead><tr><th>Device name</th><th>Managed by</th><th>OS</th><th>Last check-in</th><th>Primary user UPN</th></tr></thead><tbody>${body}</tbody></table></body></html>`);
}

function tokenPage(rows: number): Document {
  const body = Array.from({ length: rows }, (_, i) => `<div role="row"><div role="gridcell">Token ${i}</div><div role="gridcell">abm@contoso.example</div><div role="gridcell">${(i % 12) + 1}/5/2027</div><div role="gridcell">Active</div></div>`).join('');
  return parse(`<html lang="en"><head><title>Enrollment program tokens</title></head><body><h1>Enrollment program tokens</h1>
    <div role="grid" aria-label="Enrollment program tokens"><div role="row"><div role="columnheader">Name</div><div role="columnheader">Apple ID</div><div role="columnheader">Expiration date</div><div role="columnheader">Status</div></div>${body}</div></body></html>`);
}

const devices = devicesPage(5000);
const tokens = tokenPage(300);
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
