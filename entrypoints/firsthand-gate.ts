import gateTestJson from '@/src/generated/gate-test.json?raw';
import { type PackedGateTest, unpackGateTest } from '@/src/lexicon/gate-precheck';
import { runPageGate } from '@/src/page/page-gate';

/**
 * Stage 0, on every http(s) page: the gate pre-test alone (src/page/page-gate.ts). An
 * unlisted script, not a WXT content script, so it carries no WXT runtime; wxt.config.ts
 * lists it in the manifest's content_scripts.
 */
export default defineUnlistedScript(() => {
  runPageGate(document, unpackGateTest(JSON.parse(gateTestJson) as PackedGateTest));
});
