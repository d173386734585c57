/** Bundled by bench/scan-browser.mjs into Chromium: builds heavy pages in the real DOM and times scanPage on them. */
import { scanPage } from '../lib/scan';
import { devices, tokens } from './pages';

const NOW = new Date('2026-11-22T12:00:00Z');

function shell(elements: number): string {
  return `<nav>${Array.from({ length: elements / 4 }, (_, i) => `<div><a href="#">Menu ${i}</a><span>item</span><i></i></div>`).join('')}</nav>`;
}

const PAGES: Record<string, { url: string; html: () => string }> = {
  devices: { url: 'https://intune.microsoft.com/#view/devices', html: () => devices(3300) },
  devicesWithExpiryWord: { url: 'https://intune.microsoft.com/#view/devices', html: () => devices(3300, '<p>AppleCare expires Mar 3, 2027 on 12 devices.</p>') },
  tokens: { url: 'https://intune.microsoft.com/#view/ade', html: () => tokens(300) },
  pushInShell: {
    url: 'https://intune.microsoft.com/#view/push',
    html: () => `${shell(20000)}<h1>Configure MDM Push Certificate</h1><dl><dt>Status</dt><dd>Active</dd><dt>Last updated</dt><dd>3/14/2026</dd><dt>Expiration</dt><dd>3/14/2027</dd><dt>Apple ID</dt><dd>mdm@contoso.example</dd></dl>`,
  },
};

export function run(kind: string): { median: number; max: number; elements: number; credentials: number } {
  const page = PAGES[kind]!;
  document.documentElement.lang = 'en';
  document.body.innerHTML = page.html();
  const times: number[] = [];
  let credentials = 0;
  for (let i = 0; i < 30; i++) {
    const t0 = performance.now();
    credentials = scanPage(page.url, document, NOW).credentials.length;
    const t = performance.now() - t0;
    if (i >= 5) times.push(t);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, max: times[times.length - 1]!, elements: document.getElementsByTagName('*').length, credentials };
}

