import { startInPageUi } from '@/src/ui/in-page/mount-in-page-ui';

/**
 * The in-page UI: never listed in the manifest. The background injects it (scripting API)
 * into a page only when the page has testimonies to show and Firsthand is not in private
 * mode, so the script that runs on every page (`firsthand.content`) stays small.
 */
export default defineContentScript({
  registration: 'runtime',
  matches: ['http://*/*', 'https://*/*'],
  cssInjectionMode: 'manual',
  noScriptStartedPostMessage: true,
  main(ctx) {
    startInPageUi(ctx);
  },
});
