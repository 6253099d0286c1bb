import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The Firefox smoke test drives Debian's firefox-esr through puppeteer-core (WebDriver BiDi);
// it needs a Firefox build first (npx wxt build -b firefox).
export default defineConfig({
  // The `@/` paths of src/, as wxt.config.ts resolves them: the real-news test reads pages
  // in Node with the extension's own detector and ranking.
  resolve: { alias: { '@': dirname(fileURLToPath(import.meta.url)) } },
  test: {
    include: ['e2e/firefox/*.smoke.test.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 90_000,
  },
});
