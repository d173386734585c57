/**
 * Every fixture page under tests/fixtures/pages/ has `<name>.expected.json`: the URL it is
 * served under and the PageScan it must give (anchors left out). The cross-matrix test checks
 * that each page is recognised by its own page reader and by no other reader of any console.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanPage, type AddedSite, type PageScan } from '../../lib/scan';
import { consoleOf } from '../../lib/consoles/hosts';
import { CONSOLES } from '../../lib/consoles/list';
import { scanContext } from '../../lib/consoles/detect';

const dir = resolve(import.meta.dirname, '../fixtures/pages');
const NOW = new Date('2026-11-22T12:00:00');
const files = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.html')).sort();

function load(file: string) {
  const html = readFileSync(resolve(dir, file), 'utf8');
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const expectedPath = resolve(dir, file.replace(/\.html$/, '.expected.json'));
  const expected = JSON.parse(readFileSync(expectedPath, 'utf8')) as { url: string; sites?: AddedSite[]; scan: PageScan | null };
  return { doc, expected, expectedPath };
}

function withoutAnchors(scan: PageScan): PageScan {
  return { ...scan, credentials: scan.credentials.map(({ anchor: _anchor, ...rest }) => rest) };
}

describe('fixture pages', () => {
  it('there are at least three credential pages per console, and negative pages', () => {
    const scans = files.map((f) => load(f).expected.scan);
    for (const site of CONSOLES) {
      const own = scans.filter((scan) => scan?.console === site.id && scan.credentials.length > 0);
      // Three for a console with page kinds of its own (one for the Apple sites with one kind of page), one for those read by the shared layer alone.
      expect(own.length, site.id).toBeGreaterThanOrEqual(site.pages.length >= 2 && site.role === 'mdm' ? 3 : 1);
    }
  });

  for (const file of files) {
    it(`${file} scans as expected`, () => {
      const { doc, expected, expectedPath } = load(file);
      const actual = withoutAnchors(scanPage(expected.url, doc, NOW, { sites: expected.sites }));
      if (process.env.UPDATE_EXPECTED) {
        writeFileSync(expectedPath, JSON.stringify({ url: expected.url, ...(expected.sites ? { sites: expected.sites } : {}), scan: actual }, null, 2) + '\n');
        return;
      }
      expect(actual).toEqual(expected.scan);
    });
  }

  // Pages on other hosts are ruled out by their URL before any reader runs.
  for (const file of files.filter((f) => !f.startsWith('other/'))) {
    it(`${file} is recognised as its own page kind and no other`, () => {
      const { doc, expected } = load(file);
      const url = new URL(expected.url);
      const ctx = scanContext(url, doc, NOW, (doc.documentElement.getAttribute('lang') ?? '').toLowerCase());
      const claims: string[] = [];
      // The seed consoles (hosts in the manifest) never claim each other's pages. A console known
      // by its address alone (Jamf, CLOMO …) shares Apple's words with them by design: its URL
      // decides, so its page kinds need only be distinct within it.
      const own = consoleOf(expected.scan?.console ?? 'other');
      const rivals = CONSOLES.filter((c) => c.id === own.id || (c.hosts.length > 0 && own.hosts.length > 0));
      for (const site of rivals) {
        for (const kind of site.pages) {
          if (kind.detect(ctx)) claims.push(`${site.id}:${kind.page}`);
        }
      }
      // Credentials read on a page of no known kind are claimed by no page kind.
      const ownKind = expected.scan?.page && expected.scan.page !== 'credentials' ? [`${expected.scan.console}:${expected.scan.page}`] : [];
      // abm and asm share their readers: a page of one is a page of the other's reader too.
      const shared = ownKind.flatMap((c) => (c.startsWith('abm:') || c.startsWith('asm:') ? [`abm:${c.split(':')[1]}`, `asm:${c.split(':')[1]}`] : [c]));
      expect(claims.sort()).toEqual([...new Set(shared)].sort());
    });
  }

  it('every anchor is an element of the scanned document', () => {
    for (const file of files) {
      const { doc, expected } = load(file);
      for (const c of scanPage(expected.url, doc, NOW, { sites: expected.sites }).credentials) {
        expect(c.anchor, file).toBeDefined();
        expect(doc.contains(c.anchor!), file).toBe(true);
      }
    }
  });
});
