import { runFirsthandPage } from '@/src/page/firsthand-page';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  cssInjectionMode: 'manual',
  // WXT announces a started content script to the page with window.postMessage; a page's
  // own script could read that and learn the extension is installed (PRODUCT.md, privacy).
  noScriptStartedPostMessage: true,
  main(ctx) {
    runFirsthandPage(ctx);
  },
});
