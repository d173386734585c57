/**
 * Which file an upload field takes, on the pages of consoles whose page kind does not say it (a
 * page with several fields): the words around the field (lib/files/upload-field.ts), then the
 * upload guard's expectation (lib/files/upload-check.ts) with the accept list left out.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fieldKind } from '../../lib/files/upload-field';
import { expectedKind } from '../../lib/files/upload-check';
import { consoleOf } from '../../lib/consoles/hosts';
import { scanPage, type AddedSite } from '../../lib/scan';

const dir = resolve(import.meta.dirname, '../fixtures/pages');
const NOW = new Date('2026-11-22T12:00:00Z');

function load(file: string): { doc: Document; url: string; sites?: AddedSite[] } {
  const doc = new DOMParser().parseFromString(readFileSync(resolve(dir, file), 'utf8'), 'text/html');
  const expected = JSON.parse(readFileSync(resolve(dir, file.replace(/\.html$/, '.expected.json')), 'utf8')) as { url: string; sites?: AddedSite[] };
  return { doc, ...expected };
}

const CASES: [file: string, kind: 'apns' | 'ade' | 'vpp'][] = [
  ['clomo/push-certificate.ja.html', 'apns'],
  ['clomo/basic-settings.ja.html', 'ade'],
  ['clomo/app-portal.ja.html', 'vpp'],
];

describe('the words around an upload field', () => {
  for (const [file, kind] of CASES) {
    it(`${file}: the field takes a ${kind} file, whatever its accept list says`, () => {
      const { doc, url, sites } = load(file);
      const input = doc.querySelector<HTMLInputElement>('input[type="file"]')!;
      const scan = scanPage(url, doc, NOW, { sites });
      const words = scan.console ? consoleOf(scan.console).words : undefined;
      expect(fieldKind(input, words)).toBe(kind);
      const file_ = { apns: 'apns-certificate', ade: 'ade-token', vpp: 'vpp-token' }[kind];
      expect(expectedKind(scan.console, scan.page, '', fieldKind(input, words))).toBe(file_);
    });
  }

  for (const [file, expected] of [['jamf/ade-instance.ja.html', 'ade-token'], ['jamf/push-renew.en.html', 'apns-certificate'], ['jamf/push-renew.ja.html', 'apns-certificate'], ['jamf/vpp-location.ja.html', 'vpp-token']] as const) {
    it(`${file}: Jamf Pro's page kind says what its field takes`, () => {
      const { doc, url, sites } = load(file);
      const scan = scanPage(url, doc, NOW, { sites });
      expect(scan.console).toBe('jamf');
      expect(expectedKind(scan.console, scan.page, '')).toBe(expected);
    });
  }

  it('a field whose surroundings name two kinds, or none, is left to its accept list', () => {
    const doc = new DOMParser().parseFromString(
      '<h2>Tokens</h2><table><tr><th>DEP token and VPP token</th><td><input id="both" type="file"></td></tr></table><form><label>File <input id="none" type="file" accept=".vpptoken"></label></form>',
      'text/html',
    );
    expect(fieldKind(doc.querySelector<HTMLInputElement>('#both')!)).toBeNull();
    expect(fieldKind(doc.querySelector<HTMLInputElement>('#none')!)).toBeNull();
    expect(expectedKind('other', null, '.vpptoken', null)).toBe('vpp-token');
  });
});
