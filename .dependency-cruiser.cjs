/**
 * Which way the code's layers point, in one place. A module may import from its own layer and
 * the layers below it, never above; the rules below are generated from this list and run by
 * `npm test` (npm run deps). Type-only imports may cross (a type is no runtime coupling: the
 * model names a console by its id type); runtime imports may not.
 *
 *   base      dates, DOM reading, steps, serial queues, i18n, memo: no knowledge of credentials
 *   model     lib/credentials: the credential, its kinds, dates, health and merge rules; pure, no wording
 *   reading   lib/consoles, lib/scan.ts: what a console page shows (the scanPage contract); no wording
 *   services  inventory storage, observations, settings, files, guide, exports, notifications,
 *             messages, wording: everything the extension does with what was read. Only
 *             lib/wording words anything (the rule only-wording-words)
 *   worker    lib/handlers: what the service worker does with messages, alarms and notification clicks
 *   ui        components/: the popup, options and overlay (never the worker's internals)
 *   entry     entrypoints/: thin, may use anything
 */
const LAYERS = [
  ['base', '^lib/(dates|dom|steps)/|^lib/(steps|serial|i18n|memo)\\.ts$'],
  ['model', '^lib/credentials/'],
  ['reading', '^lib/consoles/|^lib/scan\\.ts$'],
  ['services', '^lib/(inventory|files|guide|export|notify|wording)/|^lib/(observation|settings|settings-store|messages|requests)\\.ts$'],
  ['worker', '^lib/handlers/'],
  ['ui', '^components/'],
  ['entry', '^entrypoints/'],
];

const runtime = { dependencyTypesNot: ['type-only'] };
const forbidden = [];
LAYERS.forEach(([name, path], i) => {
  const above = LAYERS.slice(i + 1).map(([, p]) => p);
  if (!above.length) return;
  forbidden.push({
    name: `${name}-points-down`,
    comment: `${name} may not import a layer above it (${LAYERS.slice(i + 1).map(([n]) => n).join(', ')}).`,
    severity: 'error',
    from: { path },
    to: { path: above.join('|'), ...runtime },
  });
});
forbidden.push(
  {
    name: 'only-wording-words',
    comment:
      'Under lib/, only lib/wording turns codes and data into the UI language (and the worker, for its replies and notification buttons). ' +
      'Readers, the model, guards and checks return codes; message keys may be named as data (types), never worded there.',
    severity: 'error',
    from: { path: '^lib/', pathNot: '^lib/(wording|handlers)/|^lib/i18n\\.ts$' },
    to: { path: '^lib/i18n\\.ts$', ...runtime },
  },
  {
    name: 'ui-not-worker',
    comment: 'The UI talks to the worker by messages, never by importing it.',
    severity: 'error',
    from: { path: '^components/' },
    to: { path: '^lib/handlers/', ...runtime },
  },
  {
    name: 'no-cycles',
    comment: 'Modules do not import each other in a circle (at run time).',
    severity: 'error',
    from: { path: '^(lib|components|entrypoints)/' },
    to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
  },
  {
    name: 'every-module-in-a-layer',
    comment: 'A new module under lib/ must be given its layer in LAYERS above before anything imports it.',
    severity: 'error',
    from: {},
    to: { path: '^lib/', pathNot: LAYERS.map(([, p]) => p).join('|') },
  },
);

module.exports = {
  forbidden,
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(\\.wxt|\\.output|node_modules)/|\\.d\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] },
  },
};
