import { INJECTED_SCRIPT } from '@/src/page/injected-script';
import { runPageDetector } from '@/src/page/page-detector';

/**
 * Stage 1, the detector: never listed in the manifest. The background injects it into a
 * page whose gate pre-test (stage 0, src/page/firsthand-gate.ts) said "maybe", on a
 * site where Firsthand runs. It asks stage 0's test of an app's next article.
 */
export default defineContentScript({
  ...INJECTED_SCRIPT,
  main(ctx) {
    runPageDetector(ctx);
  },
});
