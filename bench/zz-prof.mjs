import { build } from 'vite';
import { chromium } from '@playwright/test';
import { findChromium } from '/work/main/scripts/browser.mjs';
const kind = process.argv[2] ?? 'tokens';
const out = await build({ logLevel: 'silent', configFile: false, root: '/work/main', build: { write: false, minify: false, lib: { entry: '/work/main/bench/scan-entry.ts', formats: ['iife'], name: 'TokenRadarBench' } } });
const code = (Array.isArray(out) ? out[0] : out).output[0].code;
const browser = await chromium.launch({ executablePath: findChromium(), headless: true });
const page = await browser.newPage();
await page.setContent('<!doctype html><html><body></body></html>');
await page.addScriptTag({ content: code });
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
await cdp.send('Profiler.start');
for (let i = 0; i < 4; i++) await page.evaluate((k) => window.TokenRadarBench.run(k, 30), kind);
const { profile } = await cdp.send('Profiler.stop');
const self = new Map();
const dt = profile.timeDeltas; const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const counts = new Map();
for (const s of profile.samples) counts.set(s, (counts.get(s) ?? 0) + 1);
for (const [id, c] of counts) { const n = byId.get(id); const k = `${n.callFrame.functionName || '(anon)'}:${n.callFrame.lineNumber}`; self.set(k, (self.get(k) ?? 0) + c); }
const total = profile.samples.length;
const parent = new Map(); for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const incl = new Map();
for (const [id, c] of counts) { const seen = new Set(); for (let x = id; x; x = parent.get(x)) { const n = byId.get(x); const k = `${n.callFrame.functionName || '(anon)'}:${n.callFrame.lineNumber}`; if (seen.has(k)) continue; seen.add(k); incl.set(k, (incl.get(k) ?? 0) + c); } }
console.log('INCLUSIVE'); console.log([...incl].sort((a, b) => b[1] - a[1]).slice(0, 45).map(([k, c]) => `${(100 * c / total).toFixed(1)}% ${k}`).join('\n')); console.log('SELF');
console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([k, c]) => `${(100 * c / total).toFixed(1)}% ${k}`).join('\n'));
await browser.close();
