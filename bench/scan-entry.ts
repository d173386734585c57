/** Bundled by bench/scan.mjs into Chromium: builds heavy pages in the real DOM and times scanPage on them. */
import { readAnew, scanPage } from '../lib/scan';
import { abmServers, devices, essentials, pushPanel, shell, tokens } from './pages.mjs';

const NOW = new Date('2026-11-22T12:00:00Z');
const INTUNE = 'https://intune.microsoft.com/#view/Microsoft_Intune_Enrollment/ade';
const ABM = 'https://business.apple.com/#/main/preferences/mdmservers';

interface Case {
  url: string;
  html: () => string;
  /** A re-scan: changes this many elements' text (0: none) before each timed scan; the scan reads only what changed. */
  change?: number;
  /** The elements a re-scan's changes are made in (by default the shell's links and the grid's sync cells). */
  changeable?: string;
  /** The page is built anew before each timed scan: its nodes are touched for the first time (see `run`). */
  fresh?: boolean;
}

export const CASES: Record<string, Case> = {
  'non-credential page, 2,000 elements': { url: INTUNE, html: () => devices(330) },
  'non-credential page, 20,000 elements': { url: INTUNE, html: () => devices(3300) },
  'non-credential page, 100,000 elements': { url: INTUNE, html: () => devices(16500) },
  'non-credential page, 20,000 elements, built anew before each scan': { url: INTUNE, html: () => devices(3300), fresh: true },
  'non-credential page, 20,000 elements, one "AppleCare expires" line': { url: INTUNE, html: () => devices(3300, '<p>AppleCare expires Mar 3, 2027 on 12 devices.</p>') },
  'token grid, 300 rows (2,700 elements)': { url: INTUNE, html: () => tokens(300) },
  'credential page, 2,000 elements (token grid, 220 rows)': { url: INTUNE, html: () => tokens(220) },
  'credential page, 20,000 elements (300-row grid in a portal shell)': { url: INTUNE, html: () => shell(17300) + tokens(300) },
  'credential page, 100,000 elements (300-row grid in a portal shell)': { url: INTUNE, html: () => shell(97300) + tokens(300) },
  'push certificate panel in a 20,000-element shell': { url: INTUNE, html: () => shell(20000) + pushPanel() },
  'push certificate details of plain elements in a 20,000-element shell': { url: INTUNE, html: () => shell(20000) + essentials() },
  're-scan after a 10-element change (the details of plain elements)': { url: INTUNE, html: () => shell(20000) + essentials(), change: 10 },
  'card list, 300 MDM servers (Apple Business Manager) in a 20,000-element shell': { url: ABM, html: () => shell(17300) + abmServers(300) },
  're-scan, nothing changed (the 300-card list)': { url: ABM, html: () => shell(17300) + abmServers(300), change: 0 },
  're-scan after one card changed (the 300-card list)': { url: ABM, html: () => shell(17300) + abmServers(300), change: 1, changeable: 'li[role="listitem"] div:last-of-type span:last-child' },
  're-scan, nothing changed (20,000-element credential page)': { url: INTUNE, html: () => shell(17300) + tokens(300), change: 0 },
  're-scan after a 10-element change (20,000-element credential page)': { url: INTUNE, html: () => shell(17300) + tokens(300), change: 10 },
  're-scan after a 1,000-element change (20,000-element credential page)': { url: INTUNE, html: () => shell(17300) + tokens(300), change: 1000 },
};

/** How long a freshly built page is left before it is scanned: its parser's garbage is collected then, not in our timings. */
const SETTLE_MS = 300;

const settle = () => new Promise((resolve) => setTimeout(resolve, SETTLE_MS));

/**
 * Times `scanPage` on case `name`. A document scanned again is read only where it changed since
 * (lib/dom/changes.ts), so each case says which reading it times:
 * - by default, a whole reading (`readAnew` before each scan) of a page whose nodes the page's own
 *   scripts and ours have touched before: in the extension, the small script every console frame
 *   loads walks the page before the reader is loaded, in the same world;
 * - `fresh`: the page built anew before each scan, so that its nodes are touched for the first
 *   time (the browser's first-touch costs: a wrapper for each node walked, the text flattened);
 * - `change`: a re-scan after changing that many elements, after one whole reading.
 */
export async function run(name: string, iterations: number): Promise<{ elements: number; median: number; max: number; credentials: number }> {
  const c = CASES[name]!;
  document.documentElement.lang = 'en';
  document.body.innerHTML = c.html();
  await settle();
  const changeable = c.change !== undefined ? Array.from(document.querySelectorAll(c.changeable ?? 'nav a, [data-automation-key="sync"]')) : [];
  scanPage(c.url, document, NOW);
  const times: number[] = [];
  let credentials = 0;
  const warm = Math.min(5, iterations);
  for (let i = 0; i < iterations + warm; i++) {
    if (c.fresh) {
      document.body.innerHTML = c.html();
      await settle();
    }
    if (c.change === undefined) readAnew(document);
    for (let k = 0; k < (c.change ?? 0); k++) changeable[(i * 7919 + k * 31) % changeable.length]!.textContent = `changed ${i}.${k}`;
    const t0 = performance.now();
    credentials = scanPage(c.url, document, NOW).credentials.length;
    const t = performance.now() - t0;
    if (i >= warm) times.push(t);
  }
  times.sort((a, b) => a - b);
  return { elements: document.getElementsByTagName('*').length, median: times[Math.floor(times.length / 2)]!, max: times[times.length - 1]!, credentials };
}
