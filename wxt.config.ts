import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import ts from 'typescript';
import type { Plugin } from 'vite';
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
      // The reading layer's second part and the reader take the modules of the scripts loaded before them.
      const at = READING_SCRIPTS.findIndex((name) => entrypoints.some((e) => e.name === name));
      const before = at > 0 ? READING_SCRIPTS.slice(0, at) : [];
      if (before.length) config.plugins = [...(config.plugins ?? []), sharedModules(before)];
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

/**
 * What a console frame that shows something to read is given, in this order, one script at a
 * time (lib/handlers, LOADED_FILES): the reading layer in two parts (entrypoints/console-collect.ts,
 * entrypoints/console-reading.ts), then the reader (entrypoints/console-reader.tsx).
 */
const READING_SCRIPTS = ['console-collect', 'console-reading', 'console-reader'];

/**
 * The reading layer and the reader are three scripts, each compiled in its own task when a
 * console frame first shows something to read: one 100 kB script held the console for 20-25 ms,
 * and the 64 kB reading layer alone up to 30 ms on a busy machine. In the build of a later script,
 * an import of a module an earlier one exposes becomes a small module that takes that module's
 * exports from it (`globalThis.__tokenRadarReading`), so nothing is bundled, compiled or run
 * twice. The shared modules are the ones the earlier scripts import as namespaces
 * (`import * as x from '../lib/…'`).
 */
function sharedModules(earlier: readonly string[]): Plugin {
  const root = import.meta.dirname;
  const shared = new Map<string, string>();
  for (const name of earlier) {
    const entry = resolve(root, `entrypoints/${name}.ts`);
    for (const m of readFileSync(entry, 'utf8').matchAll(/^import \* as \w+ from '(\.\.\/lib\/[^']+)';$/gm)) {
      const file = resolve(dirname(entry), `${m[1]}.ts`);
      shared.set(file, relative(root, file));
    }
  }
  const prefix = '\0token-radar-reading:';
  return {
    name: 'token-radar:shared-modules',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !source.startsWith('.')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      const key = resolved && shared.get(resolved.id);
      return key ? prefix + key : null;
    },
    load(id) {
      if (!id.startsWith(prefix)) return null;
      const key = id.slice(prefix.length);
      const names = exportedValues(resolve(root, key));
      return [
        `const m = globalThis.__tokenRadarReading?.[${JSON.stringify(key)}];`,
        `if (!m) throw new Error(${JSON.stringify(`Token Radar: ${key} is not loaded in this frame.`)});`,
        names.length ? `export const { ${names.join(', ')} } = m;` : '',
      ].join('\n');
    },
  };
}

/** The names of the values (not types) a TypeScript module exports. */
function exportedValues(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const out: string[] = [];
  const exported = (node: ts.Node) => ts.canHaveModifiers(node) && !!ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  for (const st of source.statements) {
    if ((ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st) || ts.isEnumDeclaration(st)) && exported(st) && st.name) out.push(st.name.text);
    else if (ts.isVariableStatement(st) && exported(st)) {
      for (const d of st.declarationList.declarations) {
        if (!ts.isIdentifier(d.name)) throw new Error(`${file}: a destructured export cannot be shared`);
        out.push(d.name.text);
      }
    } else if (ts.isExportDeclaration(st) && !st.isTypeOnly) {
      if (!st.exportClause || !ts.isNamedExports(st.exportClause)) throw new Error(`${file}: export * cannot be shared`);
      for (const el of st.exportClause.elements) if (!el.isTypeOnly) out.push(el.name.text);
    } else if (ts.isExportAssignment(st)) throw new Error(`${file}: a default export cannot be shared`);
  }
  return out;
}
