import gateTestJson from '@/src/generated/gate-test.json';
import { type PackedGateTest, unpackGateTest } from '@/src/lexicon/gate-precheck';
import { runPageGate } from '@/src/page/page-gate';

/**
 * Stage 0, on every http(s) page: the gate pre-test alone (page-gate.ts). Not a WXT
 * entrypoint: modules/stage-0.ts bundles this file by itself, so it carries no WXT runtime,
 * not even the start-up wrapper WXT gives an unlisted script, and wxt.config.ts lists it in
 * the manifest's content_scripts.
 */
runPageGate(document, unpackGateTest(gateTestJson as PackedGateTest));
