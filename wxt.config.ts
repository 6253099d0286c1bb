import { defineConfig } from 'wxt';

// https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  srcDir: '.',
  publicDir: 'public',
  manifest: {
    name: 'Firsthand',
    description: 'Firsthand testimonies from North Korea beside the news you read.',
    // tabs: reader opens in a tab, popup asks which tab is active; storage: per-tab results
    // that must outlive a service-worker restart.
    permissions: ['storage', 'tabs'],
    action: { default_title: 'Firsthand' },
  },
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  }),
});
