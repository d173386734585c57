import { defineConfig } from '@playwright/test';

// The browser tests drive the built extension (.output/chrome-mv3) in a real Chromium.
// One worker: each test launches its own browser, and the machines have 2 cores.
export default defineConfig({
  testDir: 'tests/e2e',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  forbidOnly: !!process.env.CI,
});
