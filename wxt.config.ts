import { fileURLToPath } from 'node:url';
import { defineConfig, type WxtHooks } from 'wxt';
import { FOCUS_PILL_COMMAND } from './src/background/commands';
import { COMPILE_HINT } from './src/page/compile-hint';

// https://wxt.dev/api/config.html
export default defineConfig({
  // @wxt-dev/i18n: locales/*.yml become _locales/*/messages.json, read through `i18n.t` (src/i18n).
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  srcDir: '.',
  publicDir: 'public',
  // FIRSTHAND_OUT_DIR: a build of one's own (parallel work on one checkout; the e2e
  // harness takes it through FIRSTHAND_EXTENSION_DIR).
  outDir: process.env.FIRSTHAND_OUT_DIR ?? '.output',
  manifest: ({ browser, manifestVersion }) => ({
    // The manifest's words come from locales/*.yml (ext.*) like the rest of the UI.
    default_locale: 'en',
    name: '__MSG_ext_name__',
    description: '__MSG_ext_description__',
    // storage: per-tab results that must outlive a service-worker restart; scripting: the
    // detector and the in-page UI are injected only into the pages that need them (its host
    // permissions: the same http(s) pages stage 0 runs on, which also let the background
    // read those tabs' addresses, so no `tabs` permission: README, Privacy).
    // contextMenus: "Search Firsthand for “…”" on a selection.
    permissions: ['storage', 'scripting', 'contextMenus'],
    action: { default_title: '__MSG_ext_action_title__' },
    // Firefox: a stable id (storage and the popup's address survive a reinstall) and the
    // declaration that the add-on collects no data.
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: '{84578b43-34fe-4f99-9ff1-2c286f5ce4a8}',
          data_collection_permissions: { required: ['none'] },
        },
      },
    }),
    // Type "fh" and a space in the address bar to search the testimonies.
    omnibox: { keyword: 'fh' },
    // Shortcuts (the reader can change them in the browser's settings): one opens the popup;
    // one goes to the page's pill, last in the page's tab order (src/background/ways-in.ts).
    commands: {
      [manifestVersion === 2 ? '_execute_browser_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+F' },
        description: '__MSG_ext_command_open__',
      },
      [FOCUS_PILL_COMMAND]: {
        suggested_key: { default: 'Alt+Shift+P' },
        description: '__MSG_ext_command_pill__',
      },
    },
  }),
  // Firefox's sources archive (npm run zip): what a reviewer needs to rebuild the add-on,
  // not the test run's screenshots nor the README's pictures.
  zip: { excludeSources: ['test-results/**', 'docs/**'] },
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  }),
  hooks: {
    // Stage 0 of the page pipeline (src/page/firsthand-gate.ts) runs on every page, so its
    // cost is every page's cost: modules/stage-0.ts bundles it by itself, with no WXT
    // runtime, and it is listed here in the manifest. The background injects the rest
    // (docs/architecture.md).
    'build:manifestGenerated': (_wxt, manifest) => {
      manifest.content_scripts = [
        ...(manifest.content_scripts ?? []),
        { matches: ['http://*/*', 'https://*/*'], js: ['firsthand-gate.js'], run_at: 'document_idle' },
      ];
    },
    'vite:build:extendConfig': (entrypoints, config) => {
      // The extension's pages (popup, reader, options, onboarding) are built together, and
      // every module two of them share became a chunk of its own: the popup loaded eight
      // files before it could show anything, each a round trip to the browser process.
      // Inlining the shared chunks gives each page one file (and the bundler's runtime), so
      // the popup is ready sooner (npm run bench:popup; issue 13, item 3).
      if (entrypoints.some((e) => e.type === 'popup')) {
        withOutput(config, {
          codeSplitting: { experimentalInlineCommonChunks: { maxSize: Number.POSITIVE_INFINITY } },
        });
        // The pages, too, use the browser's own promise-based namespace (see below): none of
        // them listens to runtime messages itself, the one place the polyfill would differ.
        useBrowserNamespace(config);
        return;
      }
      // The page pipeline's injected scripts (stages 1 and 2, the panel's code) use the
      // browser's own promise-based `browser`/`chrome` namespace (what `wxt/browser` is
      // without the polyfill module) instead of webextension-polyfill, whose set-up alone
      // costs a few milliseconds per page (npm run bench:detect); Chrome's MV3 and Firefox's
      // APIs both answer with promises. The background keeps the polyfill: it starts once,
      // not on every page. The detector, the UI and the panel's code also get a context that
      // announces nothing to the page and carries less (src/page/page-context.ts): WXT's
      // dispatches events a page can listen for, and brings its location watcher and event
      // helpers (the UI's shadow root asks the context only for `onInvalidated`).
      const stage = entrypoints.find((e) => ['firsthand-detect', 'firsthand-ui', 'firsthand-panel'].includes(e.name));
      if (!stage) return;
      const aliases = useBrowserNamespace(config);
      aliases.unshift({
        find: /^wxt\/utils\/content-script-context$/,
        replacement: fileURLToPath(new URL('./src/page/page-context.ts', import.meta.url)),
      });
      // Stages 1 and 2 run on page loads, in a world where nothing is compiled yet, and call
      // most of their functions at once: compiled with the script (src/page/compile-hint.ts).
      // The panel's code compiles as it is used: much of it does not run on opening, which
      // took longer with the hint (docs/benchmarks.md).
      if (stage.name !== 'firsthand-panel') withOutput(config, { postBanner: COMPILE_HINT });
    },
  },
});

type Alias = { find: string | RegExp; replacement: string };
type BuildConfig = Parameters<NonNullable<NonNullable<WxtHooks['vite:build:extendConfig']>>>[1];
type OutputOptions = Exclude<NonNullable<NonNullable<BuildConfig['build']>['rolldownOptions']>['output'], unknown[]>;

/** Adds options to a build's one output. */
function withOutput(config: BuildConfig, options: OutputOptions): void {
  config.build ??= {};
  const { output } = config.build.rolldownOptions ?? {};
  if (Array.isArray(output)) throw new Error('a build of the extension has one output');
  config.build.rolldownOptions = { ...config.build.rolldownOptions, output: { ...output, ...options } };
}

/** `wxt/browser` as the browser's own `browser`/`chrome` namespace, without webextension-polyfill. */
function useBrowserNamespace(config: { resolve?: { alias?: unknown } }): Alias[] {
  config.resolve ??= {};
  const alias = config.resolve.alias ?? [];
  const list: Alias[] = Array.isArray(alias)
    ? alias
    : Object.entries(alias as Record<string, string>).map(([find, replacement]) => ({ find, replacement }));
  const aliases = [{ find: /^wxt\/browser$/, replacement: '@wxt-dev/browser' }, ...list];
  config.resolve.alias = aliases;
  return aliases;
}
