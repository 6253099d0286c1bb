import { INJECTED_SCRIPT } from '@/src/page/injected-script';
import { startInPageUi } from '@/src/ui/in-page/in-page-ui';

/**
 * Stage 2, the in-page UI: never listed in the manifest. The background injects it
 * (scripting API) into a page only when the page has testimonies to show and Firsthand is
 * not in private mode, so the scripts before it (src/page/firsthand-gate.ts, on every
 * page, and the detector) stay small.
 */
export default defineContentScript({
  ...INJECTED_SCRIPT,
  main(ctx) {
    startInPageUi(ctx);
  },
});
