// As a string, parsed on first need: V8 reads JSON text far faster than it compiles the
// same data as an object literal.
import gateTestJson from '@/src/generated/gate-test.json?raw';
import { type PackedGateTest, unpackGateTest } from '@/src/lexicon/gate-precheck';
import { INJECTED_SCRIPT } from '@/src/page/injected-script';
import { runPageDetector } from '@/src/page/page-detector';

/**
 * Stage 1, the detector: never listed in the manifest. The background injects it into a
 * page whose gate pre-test (stage 0, src/page/firsthand-gate.ts) said "maybe", on a
 * site where Firsthand runs.
 */
export default defineContentScript({
  ...INJECTED_SCRIPT,
  main(ctx) {
    // The gate test, for an app's next article (stage 0 passed this one).
    runPageDetector(ctx, () => unpackGateTest(JSON.parse(gateTestJson) as PackedGateTest));
  },
});
