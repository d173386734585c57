import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'happy-dom',
    // Fixture pages name frames and style sheets that are never loaded here: not an error.
    environmentOptions: { happyDOM: { settings: { handleDisabledFileLoadingAsSuccess: true } } },
    setupFiles: ['tests/unit/support/setup.ts'],
    // Property tests run hundreds of generated pages: half a second alone, several seconds on a
    // busy two-core CI machine. A time limit here guards against hangs, not speed (npm run bench does).
    testTimeout: 30_000,
  },
});
