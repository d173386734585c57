// `npm run bench`: what Token Radar costs, measured in Chromium with the built extension.
// Writes bench/results.json, compares it with bench/budgets.json and prints which budgets
// hold. A measurement, not a test: nothing here fails on a time. `--smoke` runs every
// measurement once (CI: proves the bench works) and fails only on the bundle-size budget,
// the one figure that does not depend on the machine.
import { build } from 'vite';
import { chromium } from '@playwright/test';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { extensionWorker, findChromium, isolateNetwork, launchWithExtension, servePages, welcomePage } from '../scripts/browser.mjs';
import { abmServers, devices, html, maasTokens, pushPanel, shell, tokens } from './pages.mjs';

const root = resolve(import.meta.dirname, '..');
const extensionDir = resolve(root, '.output/chrome-mv3');
const smoke = process.argv.includes('--smoke');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7).split(',');
const want = (part) => !only || only.includes(part);
const PAIRS = smoke ? 1 : 15;
const budgets = JSON.parse(readFileSync(resolve(import.meta.dirname, 'budgets.json'), 'utf8'));

if (!existsSync(resolve(extensionDir, 'manifest.json'))) {
  console.error(`No built extension in ${relative(root, extensionDir)}: run "npm run build" first.`);
  process.exit(2);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
};
const spread = (xs) => (xs.length ? [Math.min(...xs), Math.max(...xs)] : [NaN, NaN]);
const round = (x, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const log = (...a) => console.log(...a);

const results = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', memoryGB: round(totalmem() / 2 ** 30, 1), node: process.version, chromium: '' },
  smoke,
  bundles: {},
  scan: {},
  pages: {},
  popup: {},
  worker: {},
  heap: {},
};

// ---------------------------------------------------------------------------------------------
// Bundle sizes: every file the extension ships that runs code or styles it.

function bundles() {
  const out = {};
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const file = join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (/\.(js|css|html)$/.test(name)) {
        const bytes = readFileSync(file);
        out[relative(extensionDir, file)] = { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
      }
    }
  };
  walk(extensionDir);
  return out;
}

// ---------------------------------------------------------------------------------------------
// scanPage in the page itself (no extension): the reading layer bundled for the browser.

/**
 * An empty page that is cross-origin isolated (served with COOP and COEP, on a secure origin),
 * so that `performance.now()` counts in microseconds: elsewhere the browser coarsens it to
 * 0.1 ms, as much as the difference between a budget held and one missed.
 */
async function isolatedPage(page) {
  const url = 'http://localhost/scan-bench.html';
  await page.route(url, (route) =>
    route.fulfill({
      contentType: 'text/html',
      headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' },
      body: '<!doctype html><html><body></body></html>',
    }),
  );
  return url;
}

async function scanBench(browser) {
  const out = await build({
    logLevel: 'silent',
    configFile: false,
    build: { write: false, minify: true, lib: { entry: resolve(import.meta.dirname, 'scan-entry.ts'), formats: ['iife'], name: 'TokenRadarBench' } },
  });
  const code = (Array.isArray(out) ? out[0] : out).output[0].code;
  const page = await browser.newPage();
  await page.goto(await isolatedPage(page));
  await page.addScriptTag({ content: code });
  const names = await page.evaluate(() => Object.keys(window.TokenRadarBench.CASES));
  const rows = {};
  for (const name of names) {
    const r = await page.evaluate(([n, it]) => window.TokenRadarBench.run(n, it), [name, smoke ? 1 : 25]);
    rows[name] = { elements: r.elements, medianMs: round(r.median), maxMs: round(r.max), credentials: r.credentials };
  }
  await page.close();
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Console pages with and without the extension: the same page served on a console's host and
// on a host the extension does not match, in interleaved pairs. Frames are kept in the page's
// process (--disable-site-isolation-trials) so that one trace holds all of its main thread.

const LIVE_SCRIPT = (seconds) => `
  const cells = Array.from(document.querySelectorAll('nav a')).slice(0, 10);
  let n = 0;
  const id = setInterval(() => { n++; for (const c of cells) c.textContent = 'Menu ' + n; }, 100);
  setTimeout(() => clearInterval(id), ${seconds * 1000});`;

/** Each scenario: the top page and its frames, as paths; `host(on)` gives the console or the neutral host. */
function scenarios() {
  const liveSeconds = smoke ? 1 : 10;
  return {
    'Intune, 20,000 elements, 300-row token grid, top document': {
      hosts: { top: ['intune.microsoft.com', 'portal.bench.example'] },
      pages: { top: html(shell(17300) + '<h1>Enrollment program tokens</h1>' + tokens(300)) },
      wait: 1500,
    },
    'Intune, the same content in 8 reactblade frames': {
      hosts: {
        top: ['intune.microsoft.com', 'portal.bench.example'],
        ...Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`f${i}`, [`bench${i}.reactblade.portal.azure.net`, `frame${i}.bench.example`]])),
      },
      pages: {
        top: html(shell(2000) + Array.from({ length: 8 }, (_, i) => `<iframe name="f${i}" src="{f${i}}/frame.html" width="800" height="300"></iframe>`).join('')),
        ...Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`f${i}`, html(i === 0 ? tokens(300) : devices(300))])),
      },
      wait: 1500,
    },
    'MaaS360 with its #Content frame (DEP tokens)': {
      hosts: { top: ['m3.maas360.com', 'portal.bench.example'], f0: ['m3.maas360.com', 'portal.bench.example'] },
      pages: { top: html(shell(4000) + '<iframe id="Content" name="f0" src="{f0}/emc/content/frame.html" width="900" height="600"></iframe>', { title: 'MaaS360' }), f0: html(maasTokens(50) + devices(1000), { title: 'MaaS360' }) },
      wait: 1500,
    },
    'Apple Business Manager, 40 MDM servers': {
      hosts: { top: ['business.apple.com', 'portal.bench.example'] },
      pages: { top: html(shell(3000) + abmServers(40), { title: 'Apple Business Manager' }) },
      wait: 1500,
    },
    [`live page, 10 elements changing every 100 ms for ${liveSeconds} s (token grid shown)`]: {
      hosts: { top: ['intune.microsoft.com', 'portal.bench.example'] },
      pages: { top: html(shell(4000) + '<h1>Enrollment program tokens</h1>' + tokens(50), { script: LIVE_SCRIPT(liveSeconds) }) },
      wait: liveSeconds * 1000 + 800,
    },
  };
}

const TRACE_CATEGORIES = ['toplevel', 'devtools.timeline', 'v8.execute', '__metadata'].join(',');

async function traced(context, page, fn) {
  const cdp = await context.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', { categories: TRACE_CATEGORIES, transferMode: 'ReportEvents' });
  await fn();
  await cdp.send('Tracing.end');
  await done;
  await cdp.detach();
  return events;
}

/** Main-thread figures from a trace: busy time, layout time, longest task, and the tasks the extension ran in. */
function analyse(events, extensionId) {
  const main = new Set();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain') main.add(`${e.pid}:${e.tid}`);
  const onMain = events.filter((e) => main.has(`${e.pid}:${e.tid}`));
  // A task is a top-level RunTask and the microtask checkpoint the scheduler runs after it, which the
  // trace records as a sibling event, not inside it (a promise's continuation runs there: much of a
  // content script's work). The main thread is not free until both are done.
  const TASK = new Set(['ThreadControllerImpl::RunTask', 'RunTask', 'BlinkScheduler_PerformMicrotaskCheckpoint']);
  const top = onMain.filter((e) => e.ph === 'X' && TASK.has(e.name) && e.dur > 0).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  // Each renderer's main thread on its own: frames of other sites run in other processes, at the same time.
  const tasks = [];
  const lastOn = new Map();
  for (const e of top) {
    const thread = `${e.pid}:${e.tid}`;
    const last = lastOn.get(thread);
    const lastEnd = last ? last.ts + last.dur : 0;
    if (last && e.ts < lastEnd) {
      // Nested in (or overlapping) the one before: counted once.
      last.dur = Math.max(lastEnd, e.ts + e.dur) - last.ts;
    } else if (last && e.name === 'BlinkScheduler_PerformMicrotaskCheckpoint' && e.ts - lastEnd < 2000) {
      // The checkpoint just after a task belongs to it: the task is longer by the checkpoint's own
      // time (not by the scheduler's pause between them).
      last.dur += e.dur;
    } else {
      const task = { pid: e.pid, tid: e.tid, ts: e.ts, dur: e.dur };
      tasks.push(task);
      lastOn.set(thread, task);
    }
  }
  const ext = `chrome-extension://${extensionId}/`;
  const mark = onMain.filter((e) => {
    const d = e.args?.data;
    return d && (String(d.url ?? '').startsWith(ext) || String(d.scriptName ?? '').startsWith(ext) || (Array.isArray(d.stackTrace) && d.stackTrace.some((f) => String(f.url).startsWith(ext))));
  });
  const extTasks = tasks.filter((t) => mark.some((m) => m.pid === t.pid && m.tid === t.tid && m.ts >= t.ts && m.ts <= t.ts + t.dur));
  const layout = onMain.filter((e) => e.ph === 'X' && (e.name === 'Layout' || e.name === 'UpdateLayoutTree')).reduce((s, e) => s + e.dur, 0);
  // Busy: the union of the top-level events on each thread (a task and its checkpoint, not the gap between them).
  let busy = 0;
  const endOn = new Map();
  for (const t of top) {
    const thread = `${t.pid}:${t.tid}`;
    const end = endOn.get(thread) ?? 0;
    if (t.ts >= end) busy += t.dur;
    else if (t.ts + t.dur > end) busy += t.ts + t.dur - end;
    endOn.set(thread, Math.max(end, t.ts + t.dur));
  }
  const first = tasks[0]?.ts ?? 0;
  const settled = tasks.filter((t) => t.dur >= 1000).reduce((m, t) => Math.max(m, t.ts + t.dur), first);
  return {
    busyMs: busy / 1000,
    layoutMs: layout / 1000,
    longestTaskMs: Math.max(0, ...tasks.map((t) => t.dur)) / 1000,
    extensionTasks: extTasks.length,
    longestExtensionTaskMs: Math.max(0, ...extTasks.map((t) => t.dur)) / 1000,
    settledMs: (settled - first) / 1000,
  };
}

async function pageBench(context, extensionId) {
  const out = {};
  for (const [name, sc] of Object.entries(scenarios())) {
    const arms = { with: [], without: [] };
    for (let i = 0; i < PAIRS; i++) {
      for (const arm of i % 2 ? ['with', 'without'] : ['without', 'with']) {
        const on = arm === 'with' ? 0 : 1;
        const origin = (key) => `https://${sc.hosts[key][on]}`;
        const served = {};
        for (const [key, body] of Object.entries(sc.pages)) {
          const url = key === 'top' ? `${origin('top')}/bench/${i}/` : `${origin(key)}${key === 'f0' && sc.hosts.f0[0] === 'm3.maas360.com' ? '/emc/content' : ''}/frame.html`;
          served[url] = body.replace(/\{(f\d)\}/g, (_, k) => origin(k));
        }
        await servePages(context, served);
        const page = await context.newPage();
        let load = 0;
        const events = await traced(context, page, async () => {
          await page.goto(`${origin('top')}/bench/${i}/`, { waitUntil: 'load' });
          load = await page.evaluate(() => performance.getEntriesByType('navigation')[0]?.loadEventEnd ?? 0);
          await sleep(sc.wait);
        });
        if (process.env.BENCH_TRACE_DIR) writeFileSync(resolve(process.env.BENCH_TRACE_DIR, `${name.replace(/\W+/g, '-').slice(0, 40)}-${arm}-${i}.json`), JSON.stringify({ traceEvents: events }));
        arms[arm].push({ ...analyse(events, extensionId), loadMs: load });
        await page.close();
      }
    }
    const med = (arm, k) => median(arms[arm].map((r) => r[k]));
    const ratio = (k) => round(med('with', k) / med('without', k));
    const ratios = (k) => arms.with.map((r, i) => r[k] / arms.without[i][k]);
    out[name] = {
      pairs: PAIRS,
      busyRatio: ratio('busyMs'),
      busyRatioSpread: spread(ratios('busyMs')).map((x) => round(x)),
      busyMs: { with: round(med('with', 'busyMs')), without: round(med('without', 'busyMs')) },
      loadRatio: ratio('loadMs'),
      settledRatio: ratio('settledMs'),
      layoutMs: { with: round(med('with', 'layoutMs')), without: round(med('without', 'layoutMs')) },
      layoutRatio: ratio('layoutMs'),
      longestExtensionTaskMs: round(med('with', 'longestExtensionTaskMs')),
      longestExtensionTaskMsMax: round(Math.max(...arms.with.map((r) => r.longestExtensionTaskMs))),
      extensionTasks: med('with', 'extensionTasks'),
      longestTaskMs: { with: round(med('with', 'longestTaskMs')), without: round(med('without', 'longestTaskMs')) },
    };
    log(`  ${name}: busy ×${out[name].busyRatio}, longest extension task ${out[name].longestExtensionTaskMs} ms (max ${out[name].longestExtensionTaskMsMax}), layout ×${out[name].layoutRatio}, ${out[name].extensionTasks} extension tasks`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The popup, the worker and the content script's memory.

function inventory(n) {
  const now = new Date('2026-11-30T12:00:00Z');
  const kinds = ['ade', 'vpp', 'apns'];
  const credentials = Array.from({ length: n }, (_, i) => {
    const expires = new Date(now.getTime() + ((i * 37) % 400) * 86400000).toISOString().slice(0, 10);
    return {
      id: `bench-${i}`,
      kind: kinds[i % 3],
      console: 'intune',
      account: `tenant${i % 50}.example`,
      name: `Bench token ${i}`,
      expiresOn: expires,
      appleId: `abm${i}@contoso.example`,
      sources: [{ type: 'manual', key: 'manual', seenAt: now.toISOString(), expiresOn: expires }],
      history: [],
      alerts: {},
      archived: false,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
  });
  return JSON.stringify({ format: 'token-radar-inventory', version: 1, exportedAt: now.toISOString(), credentials });
}

async function extensionPage(context, extensionId, path) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/${path}`);
  return page;
}

const send = (page, message) => page.evaluate((m) => chrome.runtime.sendMessage(m), message);

async function popupBench(context, extensionId) {
  const out = {};
  const options = await extensionPage(context, extensionId, 'options.html');
  for (const n of smoke ? [100] : [100, 1000, 5000]) {
    const answer = await send(options, { type: 'import', json: inventory(n) });
    if (!answer?.ok) throw new Error(`import of ${n} credentials failed: ${JSON.stringify(answer)}`);
    const times = [];
    for (let i = 0; i < (smoke ? 1 : 7); i++) {
      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${extensionId}/popup.html`);
      await popup.waitForSelector('li[id^="cred-"]');
      times.push(await popup.evaluate(() => performance.now()));
      await popup.close();
    }
    out[`open to list, ${n} credentials`] = { medianMs: round(median(times), 0), spread: spread(times).map((x) => round(x, 0)) };
    log(`  popup, ${n} credentials: ${out[`open to list, ${n} credentials`].medianMs} ms`);
  }
  await options.close();
  return out;
}

async function workerBench(context, extensionId) {
  const out = {};
  const options = await extensionPage(context, extensionId, 'options.html');
  const n = smoke ? 100 : 10000;
  await send(options, { type: 'import', json: inventory(n) });
  const time = async (message, runs) => {
    const ts = [];
    for (let i = 0; i < runs; i++) {
      ts.push(await options.evaluate(async (m) => {
        const t0 = performance.now();
        const a = await chrome.runtime.sendMessage(m);
        if (a && a.ok === false) throw new Error(a.error);
        return performance.now() - t0;
      }, typeof message === 'function' ? message(i) : message));
    }
    return { medianMs: round(median(ts)), spread: spread(ts).map((x) => round(x)) };
  };
  const observation = (i) => ({
    type: 'observe',
    observation: {
      console: 'intune',
      page: 'ade-token-list',
      account: 'bench.example',
      url: 'https://intune.microsoft.com/bench',
      seenAt: new Date().toISOString(),
      credentials: [{ kind: 'ade', name: `Bench token ${i % 5}`, expiresOn: '2027-03-14', appleId: 'abm@contoso.example' }],
    },
  });
  out[`one observation, ${n} credentials stored`] = await time(observation, smoke ? 1 : 15);
  out[`the scheduled check over ${n} credentials`] = await time({ type: 'check' }, smoke ? 1 : 5);
  for (const [k, v] of Object.entries(out)) log(`  worker, ${k}: ${v.medianMs} ms`);
  await send(options, { type: 'erase' });
  await options.close();
  return out;
}

/** The page's heap (its isolate holds the content script's world too) after many in-page navigations. */
async function heapBench(context) {
  // The first half warms up: V8 compiles the reader's hot functions over the first few hundred
  // navigations (about 600 kB of machine code, which then stops growing). What is kept per
  // navigation shows in the second half.
  const navigations = smoke ? 5 : 1000;
  const url = 'https://intune.microsoft.com/heap/';
  await servePages(context, { [url]: html('<h1>Enrollment program tokens</h1><main id="m"></main>') });
  const page = await context.newPage();
  await page.goto(url);
  const cdp = await context.newCDPSession(page);
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  const navigate = (i) =>
    page.evaluate((i) => {
      history.pushState({}, '', `/heap/${i}`);
      document.getElementById('m').innerHTML = `<table><tr><th>Name</th><th>Expiration date</th></tr><tr><td>Nav ${i} token</td><td>${(i % 12) + 1}/14/2027</td></tr></table>`;
    }, i);
  const scanned = (i) => page.waitForFunction((i) => {
    const cell = Array.from(document.querySelectorAll('td')).find((td) => td.textContent.startsWith(`${(i % 12) + 1}/14/2027`));
    return !!cell?.querySelector('token-radar-badge');
  }, i, { timeout: 10_000 });
  const settle = smoke ? 2 : navigations / 2;
  for (let i = 0; i < settle; i++) {
    await navigate(i);
    await scanned(i);
  }
  const before = await heap();
  for (let i = settle; i < navigations; i++) {
    await navigate(i);
    await scanned(i);
  }
  const after = await heap();
  await page.close();
  const out = { navigations, warmup: settle, heapAfterWarmupKB: round(before / 1024, 0), heapAfterKB: round(after / 1024, 0), growthKB: round((after - before) / 1024, 0) };
  log(`  heap after ${navigations} navigations: ${out.heapAfterKB} kB (growth ${out.growthKB} kB after the first ${settle})`);
  return out;
}

// ---------------------------------------------------------------------------------------------

log(`Token Radar bench${smoke ? ' (smoke: one iteration each)' : ''}`);
results.bundles = bundles();

const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: ['--disable-background-networking', '--disable-component-update', '--no-first-run'] });
results.machine.chromium = browser.version();
if (want('scan')) {
  log('scanPage in Chromium');
  results.scan = await scanBench(browser);
  for (const [k, v] of Object.entries(results.scan)) log(`  ${k}: ${v.medianMs} ms (max ${v.maxMs}), ${v.credentials} credential(s)`);
}
await browser.close();

if (want('pages') || want('popup') || want('worker') || want('heap')) {
  const context = await launchWithExtension({ extensionDir, headless: true, locale: 'en-US', args: ['--disable-site-isolation-trials'] });
  await isolateNetwork(context);
  const worker = await extensionWorker(context);
  const extensionId = new URL(worker.url()).host;
  // The welcome page of a fresh install: closed before anything is measured.
  await (await welcomePage(context))?.close();
  if (want('pages')) {
    log(`Console pages, with and without the extension (${PAIRS} interleaved pair${PAIRS > 1 ? 's' : ''})`);
    results.pages = await pageBench(context, extensionId);
  }
  if (want('popup')) results.popup = await popupBench(context, extensionId);
  if (want('worker')) results.worker = await workerBench(context, extensionId);
  if (want('heap')) results.heap = await heapBench(context);
  await context.close();
}

// ---------------------------------------------------------------------------------------------
// Budgets.

/** What a frame that shows something to read loads: the reading layer's two parts, then the reader (one script each). */
function readerBundles(bundles) {
  const parts = ['console-collect.js', 'console-reading.js', 'console-reader.js'].map((f) => bundles[f]).filter(Boolean);
  return parts.length ? { raw: parts.reduce((s, b) => s + b.raw, 0), gzip: parts.reduce((s, b) => s + b.gzip, 0) } : undefined;
}

const checks = [];
const check = (name, value, limit, deterministic = false) => checks.push({ name, value, limit, holds: Number.isFinite(value) && value <= limit, deterministic });
const content = results.bundles['content-scripts/console.js'];
if (content) check('content script (every console frame), gzip kB', round(content.gzip / 1024, 1), budgets.contentScriptGzipKB, true);
const reader = readerBundles(results.bundles);
if (reader) check('reader (frames that show something to read: the reading layer and the reader), gzip kB', round(reader.gzip / 1024, 1), budgets.readerGzipKB, true);
const scan = (k) => results.scan[k]?.medianMs;
if (want('scan')) {
  check('scanPage, 20,000-element non-credential page, ms', scan('non-credential page, 20,000 elements'), budgets.scanNonCredential20kMs);
  check('scanPage, 300-row token grid, ms', scan('token grid, 300 rows (2,700 elements)'), budgets.scanGrid300Ms);
}
for (const [name, p] of Object.entries(results.pages)) {
  check(`${name}: busy ratio`, p.busyRatio, budgets.busyRatio);
  check(`${name}: longest extension task, ms`, p.longestExtensionTaskMs, budgets.longestExtensionTaskMs);
  if (name.startsWith('live page')) check(`${name}: layout ratio`, p.layoutRatio, budgets.liveLayoutRatio);
}
for (const [name, p] of Object.entries(results.popup)) if (name.endsWith('1000 credentials')) check(`popup ${name}, ms`, p.medianMs, budgets.popupOpen1000Ms);
for (const [name, p] of Object.entries(results.worker)) {
  if (name.startsWith('one observation')) check(`worker, ${name}, ms`, p.medianMs, budgets.observationMs);
  if (name.startsWith('the scheduled check')) check(`worker, ${name}, ms`, p.medianMs, budgets.checkMs);
}
if (results.heap.navigations) check(`heap growth over ${results.heap.navigations - (results.heap.warmup ?? 50)} navigations after the first ${results.heap.warmup ?? 50}, kB`, results.heap.growthKB, budgets.heapGrowthKB);
results.budgets = checks;

if (!smoke && !only) writeFileSync(resolve(import.meta.dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
log('\nBudgets (bench/budgets.json)');
for (const c of checks) log(`  ${c.holds ? 'holds ' : 'OVER  '} ${c.name}: ${c.value} (budget ${c.limit})`);
if (!smoke && !only) log('\nWritten to bench/results.json');
if (!smoke) log(`\nFor the README:\n\n${markdown()}`);

/** The figures as the README shows them. */
function markdown() {
  const m = results.machine;
  const lines = [`Measured ${results.date.slice(0, 10)} on ${m.cpus} cores (${m.cpu}), ${m.memoryGB} GB, Chromium ${m.chromium}, Node ${m.node}.`, ''];
  if (Object.keys(results.pages).length) {
    lines.push('| console page (generated) | main-thread busy, with / without | longest task of ours | tasks of ours | layout, with / without |', '|---|---|---|---|---|');
    for (const [name, p] of Object.entries(results.pages)) {
      lines.push(`| ${name} | ×${p.busyRatio} (${p.busyRatioSpread.join('–')}) | ${p.longestExtensionTaskMs} ms (max ${p.longestExtensionTaskMsMax}) | ${p.extensionTasks} | ${p.layoutMs.with} / ${p.layoutMs.without} ms |`);
    }
    lines.push('');
  }
  if (Object.keys(results.scan).length) {
    lines.push('| `scanPage`, run to the end at once | elements | median | max |', '|---|---|---|---|');
    for (const [name, r] of Object.entries(results.scan)) lines.push(`| ${name} | ${r.elements} | ${r.medianMs} ms | ${r.maxMs} ms |`);
    lines.push('');
  }
  const other = [...Object.entries(results.popup).map(([k, v]) => [`popup, ${k}`, v]), ...Object.entries(results.worker).map(([k, v]) => [`worker, ${k}`, v])];
  if (other.length || results.heap.navigations) {
    lines.push('| other | median |', '|---|---|');
    for (const [k, v] of other) lines.push(`| ${k} | ${v.medianMs} ms |`);
    if (results.heap.navigations) lines.push(`| page heap growth over ${results.heap.navigations - (results.heap.warmup ?? 50)} in-page navigations, after the first ${results.heap.warmup ?? 50} | ${results.heap.growthKB} kB |`);
    lines.push('');
  }
  const content = results.bundles['content-scripts/console.js'];
  const reader = readerBundles(results.bundles);
  const parts = ['console-collect.js', 'console-reading.js', 'console-reader.js'].filter((f) => results.bundles[f]);
  if (content) lines.push(`Content script (every console frame): ${round(content.raw / 1024, 1)} kB, ${round(content.gzip / 1024, 1)} kB gzip.`);
  if (reader) lines.push(`Reader (loaded into the frames that show something to read, ${parts.map((f) => `${f} ${round(results.bundles[f].raw / 1024, 1)} kB`).join(' then ')}): ${round(reader.raw / 1024, 1)} kB, ${round(reader.gzip / 1024, 1)} kB gzip.`);
  return lines.join('\n');
}

// The smoke run proves every measurement produced a figure; only the bundle size may fail it.
const missing = checks.filter((c) => !Number.isFinite(c.value));
if (missing.length) {
  console.error(`No figure for: ${missing.map((c) => c.name).join('; ')}`);
  process.exit(1);
}
const over = checks.filter((c) => c.deterministic && !c.holds);
if (over.length) {
  console.error(`Over budget: ${over.map((c) => c.name).join('; ')}`);
  process.exit(1);
}
