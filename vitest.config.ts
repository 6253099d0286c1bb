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
  },
});
