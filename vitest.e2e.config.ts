import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// End-to-end tests drive the built extension in Debian's Chromium; one browser at a time
// on these 2-core machines.
export default defineConfig({
  // The `@/` paths of src/, as wxt.config.ts resolves them: the real-news test reads pages
  // in Node with the extension's own detector and ranking.
  resolve: { alias: { '@': dirname(fileURLToPath(import.meta.url)) } },
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
