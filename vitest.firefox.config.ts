import { defineConfig } from 'vitest/config';

// The Firefox smoke test drives Debian's firefox-esr through puppeteer-core (WebDriver BiDi);
// it needs a Firefox build first (npx wxt build -b firefox).
export default defineConfig({
  test: {
    include: ['e2e/firefox/*.smoke.test.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 90_000,
  },
});
