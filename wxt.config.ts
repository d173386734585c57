import { defineConfig } from 'wxt';
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
    plugins: [preact()],
    ...(process.env.TR_NO_MINIFY ? { build: { minify: false } } : {}),
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
  zip: {
    artifactTemplate: '{{name}}-{{version}}-{{browser}}.zip',
    sourcesTemplate: '{{name}}-{{version}}-sources.zip',
    excludeSources: ['.demo-profile/**', 'test-results/**', 'playwright-report/**'],
  },
});
