import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: [
      'src/**/*.test.{ts,tsx}',
      'data/**/*.test.ts',
      'eval/**/*.test.ts',
      'entrypoints/**/*.test.{ts,tsx}',
      'scripts/**/*.test.ts',
    ],
    restoreMocks: true,
    // browser.i18n with the real messages (fakeBrowser has none); tests can switch to Korean.
    setupFiles: ['src/i18n/vitest-setup.ts'],
  },
});
