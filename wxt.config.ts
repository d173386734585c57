import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { defineConfig } from 'wxt';
import { transform as transformCss } from 'lightningcss';
import preact from '@preact/preset-vite';
import { hostPermissions, optionalHostPermissions } from './lib/consoles/hosts';

// Token Radar build configuration.
// - Host permissions are exactly the console hosts the adapters read (lib/consoles/hosts.ts):
//   no <all_urls>, no broad patterns.
// - No remote code: everything is bundled; the CSP is the MV3 default.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  vite: () => ({
    plugins: [preact(), shadowCss()],
    ...(process.env.TR_NO_MINIFY ? { build: { minify: false } } : {}),
    ...(process.env.TR_MAP ? { build: { sourcemap: true } } : {}),
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // scripting: to load the file reader into a console frame only when the admin picks a file.
    permissions: ['storage', 'alarms', 'notifications', 'scripting'],
    host_permissions: hostPermissions,
    // Consoles the admin turns on or adds at its own address, asked for one at a time (lib/consoles/sites.ts).
    optional_host_permissions: optionalHostPermissions,
    action: {
      default_title: '__MSG_actionTitle__',
    },
    ...(browser === 'firefox'
      ? {
          // MV2 has no optional_host_permissions: optional hosts are optional permissions there.
          optional_permissions: optionalHostPermissions,
          browser_specific_settings: {
            gecko: {
              id: 'token-radar@token-radar.dev',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  hooks: {
    // Scripts that run in console pages use the browser's own promise-based API (Chromium's MV3
    // `chrome`, Firefox's `browser`): they call nothing the polyfill fixes, and its 10 kB would be
    // compiled in every console frame. Extension pages and the worker keep the polyfill.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((e) => e.type === 'content-script' || e.type === 'unlisted-script')) return;
      const alias = config.resolve?.alias ?? {};
      const entries = Array.isArray(alias) ? alias : Object.entries(alias).map(([find, replacement]) => ({ find, replacement: String(replacement) }));
      config.resolve = { ...config.resolve, alias: [{ find: /^wxt\/browser$/, replacement: '@wxt-dev/browser' }, ...entries] };
    },
    // The small script every console frame loads (entrypoints/console.content), on the seed
    // consoles' hosts; the consoles the admin turns on get it registered at run time.
    'build:manifestGenerated': (_wxt, manifest) => {
      manifest.content_scripts = [
        ...(manifest.content_scripts ?? []),
        { matches: hostPermissions, js: ['content-scripts/console.js'], all_frames: true, run_at: 'document_idle' },
      ];
    },
  },
  zip: {
    artifactTemplate: '{{name}}-{{version}}-{{browser}}.zip',
    sourcesTemplate: '{{name}}-{{version}}-sources.zip',
    excludeSources: ['.demo-profile/**', 'test-results/**', 'playwright-report/**'],
  },
});

/**
 * `import css from './x.css?shadow'`: the style sheet, minified and lowered for the same browsers
 * as Vite's own CSS, as a string to put in a shadow root. Vite's `?inline` does this for content
 * scripts but not in unlisted scripts (the page reader, entrypoints/console-reader.tsx, is one).
 */
function shadowCss() {
  const suffix = '.css?shadow';
  // Vite's default CSS target (baseline widely available): chrome 111, firefox 114, safari 16.4.
  const targets = { chrome: 111 << 16, edge: 111 << 16, firefox: 114 << 16, safari: (16 << 16) | (4 << 8), ios_saf: (16 << 16) | (4 << 8) };
  // A virtual module id not ending in .css: Vite's own CSS plugin must not take it for a style sheet to bundle.
  const prefix = '\0token-radar-shadow-css:';
  return {
    name: 'token-radar:shadow-css',
    enforce: 'pre' as const,
    resolveId(source: string, importer?: string) {
      if (!source.endsWith(suffix) || !importer) return null;
      return `${prefix}${resolve(dirname(importer), source.slice(0, -'?shadow'.length))}.js`;
    },
    load(id: string) {
      if (!id.startsWith(prefix)) return null;
      const filename = id.slice(prefix.length, -'.js'.length);
      const { code } = transformCss({ filename, code: readFileSync(filename), minify: true, targets });
      return `export default ${JSON.stringify(code.toString())};`;
    },
  };
}
