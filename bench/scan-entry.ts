/** Bundled by bench/scan-browser.mjs into Chromium: builds heavy pages in the real DOM and times scanPage on them. */
import { scanPage } from '../lib/scan';

const NOW = new Date('2026-11-22T12:00:00Z');

function devices(rows: number, extra = ''): string {
  const body = Array.from({ length: rows }, (_, i) => `<tr><td>IPAD-${i}</td><td>Intune</td><td>iPadOS</td><td>11/${(i % 28) + 1}/2026</td><td>user${i}@contoso.example</td></tr>`).join('');
  return `<h1>Devices | All devices</h1>${extra}<table><thead><tr><th>Device name</th><th>Managed by</th><th>OS</th><th>Last check-in</th><th>Primary user UPN</th></tr></thead><tbody>${body}</tbody></table>`;
}

function tokens(rows: number): string {
  const head = (k: string, t: string) => `<div role="columnheader" data-item-key="${k}"><span>${t}</span><i></i><div></div></div>`;
  const body = Array.from(
    { length: rows },
    (_, i) =>
      `<div role="row" data-automationid="DetailsRow"><div role="gridcell" data-automation-key="cb"><input type="checkbox"></div><div role="gridcell" data-automation-key="name"><a href="#">Token ${i}</a></div><div role="gridcell" data-automation-key="appleId">abm${i}@contoso.example</div><div role="gridcell" data-automation-key="exp">${(i % 12) + 1}/${(i % 28) + 1}/2027</div><div role="gridcell" data-automation-key="sync">11/21/2026, 10:02 PM</div><div role="gridcell" data-automation-key="status">Active</div></div>`,
  ).join('');
  return `<div role="grid" aria-label="Enrollment program tokens"><div role="row"><div role="columnheader" data-item-key="cb"></div>${head('name', 'Name')}${head('appleId', 'Apple ID')}${head('exp', 'Expiration date')}${head('sync', 'Last successful sync')}${head('status', 'Status')}</div>${body}</div>`;
}

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

