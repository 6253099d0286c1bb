/**
 * What every script the background injects into a page (the detector, the UI, the panel's
 * code) declares to WXT: never listed in the manifest (the scripting API injects it), on
 * the http(s) pages the host permissions reach; no CSS injected by WXT (the UI brings its
 * own, inside its shadow root); and no "started" message: WXT announces a started content
 * script to the page with window.postMessage, which a page's own script could read to
 * learn that the extension is installed (PRODUCT.md, privacy).
 */
export const INJECTED_SCRIPT = {
  registration: 'runtime' as const,
  matches: ['http://*/*', 'https://*/*'],
  cssInjectionMode: 'manual' as const,
  noScriptStartedPostMessage: true,
};
