/**
 * Bundled into a plain Chromium page by tests/e2e/reading-again.spec.ts: random changes to each
 * page, and after each batch a scan of the page (read again where it changed) against a scan of
 * a copy of it (read whole), with Chromium's own MutationObserver and DOM.
 */
import { scanPage, type AddedSite } from '../../../lib/scan';
import { change, copyOfPage, plainScan, random } from '../../unit/support/page-changes';

export interface Page {
  name: string;
  body: string;
  url: string;
  sites?: AddedSite[];
}

export function check(pages: Page[], rounds: number, seed: number): { compared: number; withCredentials: number; mismatches: string[] } {
  const now = new Date('2026-11-22T12:00:00');
  let compared = 0;
  let withCredentials = 0;
  const mismatches: string[] = [];
  for (const [i, page] of pages.entries()) {
    document.body.innerHTML = page.body;
    const options = { locale: 'en-US', ...(page.sites ? { sites: page.sites } : {}) };
    const pick = random(seed + i);
    for (let round = 0; round < rounds; round++) {
      const again = JSON.stringify(plainScan(scanPage(page.url, document, now, options)));
      const { doc, original } = copyOfPage();
      const whole = plainScan(scanPage(page.url, doc, now, options), original) as { credentials: unknown[] };
      compared++;
      if (whole.credentials.length) withCredentials++;
      if (again !== JSON.stringify(whole)) mismatches.push(`${page.name}, round ${round}:\n  again ${again}\n  whole ${JSON.stringify(whole)}`);
      const changes = 1 + Math.floor(pick() * 3);
      for (let k = 0; k < changes; k++) change(pick);
    }
  }
  return { compared, withCredentials, mismatches };
}
