#!/usr/bin/env node
// npm run check:package — after `npm run zip`: reads each store package in .output/ as the
// stores will and checks it against their published rules, so a refused upload is found here:
// - the manifest: version format, name and description (resolved from _locales) within the
//   stores' lengths, a 128 px icon, a default locale whose messages exist in every locale, no
//   remote content-security-policy sources;
// - no remote code: no script loaded from the network, no eval / new Function / string timers
//   in the extension's own code, no source maps pointing elsewhere;
// - size: far below the stores' limits (Chrome Web Store 2 GB, Firefox Add-ons 200 MB); we hold
//   ourselves to 5 MB so that growth is noticed.
// Exits 1 with every problem listed.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import JSZip from 'jszip';

const out = resolve(import.meta.dirname, '../.output');
const MAX_BYTES = 5 * 1024 * 1024;
const LIMITS = { name: 75, shortName: 12, description: 132 };
const problems = [];
const say = (pkg, what) => problems.push(`${pkg}: ${what}`);

const zips = readdirSync(out).filter((f) => /-(chrome|firefox)\.zip$/.test(f) && !f.includes('-sources'));
if (!zips.some((z) => z.endsWith('-chrome.zip')) || !zips.some((z) => z.endsWith('-firefox.zip'))) {
  console.error('check-package: no chrome and firefox packages in .output/: run "npm run zip" first.');
  process.exit(1);
}

for (const name of zips) {
  const bytes = readFileSync(join(out, name));
  if (bytes.length > MAX_BYTES) say(name, `${(bytes.length / 1048576).toFixed(1)} MB, over our 5 MB budget`);
  const zip = await JSZip.loadAsync(bytes);
  const text = async (path) => (await zip.file(path)?.async('string')) ?? null;
  const manifestText = await text('manifest.json');
  if (!manifestText) {
    say(name, 'no manifest.json at the root');
    continue;
  }
  const manifest = JSON.parse(manifestText);
  if (!/^\d+(\.\d+){0,3}$/.test(manifest.version ?? '')) say(name, `version "${manifest.version}" is not 1 to 4 dot-separated integers`);
  if (!manifest.icons?.['128'] || !zip.file(manifest.icons['128'])) say(name, 'no 128 px icon in the package');

  // Names and descriptions come from _locales: every locale must resolve them within the limits.
  const locales = Object.keys(zip.files).map((p) => /^_locales\/([^/]+)\/messages\.json$/.exec(p)?.[1]).filter(Boolean);
  if (!manifest.default_locale || !locales.includes(manifest.default_locale)) say(name, 'default_locale missing or without messages');
  const defaultKeys = Object.keys(JSON.parse((await text(`_locales/${manifest.default_locale}/messages.json`)) ?? '{}'));
  for (const locale of locales) {
    const messages = JSON.parse(await text(`_locales/${locale}/messages.json`));
    const missing = defaultKeys.filter((k) => !(k in messages));
    if (missing.length) say(name, `locale ${locale} lacks ${missing.length} message(s): ${missing.slice(0, 5).join(', ')}`);
    const resolve = (value) => (typeof value === 'string' ? value.replace(/__MSG_(\w+)__/g, (_, k) => messages[k]?.message ?? `(missing ${k})`) : '');
    const checks = [['name', manifest.name], ['short_name', manifest.short_name], ['description', manifest.description]];
    for (const [field, raw] of checks) {
      if (raw === undefined) continue;
      const value = resolve(raw);
      const max = field === 'description' ? LIMITS.description : field === 'short_name' ? LIMITS.shortName : LIMITS.name;
      if (value.includes('(missing')) say(name, `${locale}: ${field} refers to a message that does not exist`);
      if ([...value].length > max) say(name, `${locale}: ${field} is ${[...value].length} characters (at most ${max})`);
    }
  }

  // No remote code.
  const csp = JSON.stringify(manifest.content_security_policy ?? '');
  if (/https?:\/\/|\*/.test(csp.replace(/'self'|'wasm-unsafe-eval'/g, ''))) say(name, `content_security_policy allows remote sources: ${csp}`);
  for (const [path, file] of Object.entries(zip.files)) {
    if (file.dir) continue;
    if (/\.html$/.test(path)) {
      const html = await file.async('string');
      if (/<script[^>]+src=["']?(?:https?:)?\/\//i.test(html)) say(name, `${path} loads a script from the network`);
    }
    if (!/\.m?js$/.test(path)) continue;
    const js = await file.async('string');
    if (/\bimportScripts\s*\(\s*["'`]https?:/.test(js) || /\bimport\s*\(\s*["'`]https?:/.test(js)) say(name, `${path} imports code from the network`);
    if (/(^|[^.\w$])eval\s*\(/.test(js)) say(name, `${path} calls eval`);
    if (/\bnew\s+Function\s*\(/.test(js)) say(name, `${path} builds code with new Function`);
    if (/\bset(?:Timeout|Interval)\s*\(\s*["'`]/.test(js)) say(name, `${path} runs a string as code in a timer`);
    if (/sourceMappingURL=https?:/.test(js)) say(name, `${path} points to a remote source map`);
  }
  console.log(`check-package: ${name}: ${(bytes.length / 1024).toFixed(0)} kB, ${Object.keys(zip.files).length} entries, locales ${locales.join(', ')}`);
}

if (problems.length) {
  console.error(`check-package: ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('check-package: both packages meet the stores\' rules checked here.');
