import { defineConfig } from 'vitest/config';

// End-to-end tests drive the built extension in Debian's Chromium; one browser at a time
// on these 2-core machines.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
