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
    // The UI's style sheets, imported with ?inline, are processed as in the build (their
    // @import inlined) rather than replaced by empty strings, Vitest's default.
    css: { include: [/\/src\/ui\/.+\.css(\?|$)/] },
    // browser.i18n with the real messages (fakeBrowser has none); tests can switch to Korean.
    setupFiles: ['src/testing/vitest-setup.ts'],
  },
});
