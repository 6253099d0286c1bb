import { afterEach, describe, expect, it } from 'vitest';
import { pageMayMention } from '@/src/detect/gate-text';
import { unpackGateTest } from '@/src/lexicon/gate-precheck';
import { type ScanRecord, setScanRecord, stageZeroGateTest } from './scan-record';

const record = (url: string) => (): ScanRecord => ({ finished: 1, url, told: false, idle: true, rescanDue: false });
const scans = () =>
  (globalThis as { [key: symbol]: { scans(): ScanRecord } | undefined })[Symbol.for('firsthand.detection')]?.scans();
// A gate test with nothing to look for: only its identity matters here.
const gate = pageMayMention(unpackGateTest({ first: '', phrases: {} }));

afterEach(() => setScanRecord(undefined));

describe("the page pipeline's record in the isolated world", () => {
  it("keeps stage 0's gate test when the detector takes over the scans' record", () => {
    expect(stageZeroGateTest()).toBeUndefined();
    setScanRecord(record('stage 0'), gate);
    expect(stageZeroGateTest()).toBe(gate);
    setScanRecord(record('detector'));
    expect(scans()?.url).toBe('detector');
    expect(stageZeroGateTest()).toBe(gate);
  });

  it('clears both when the script that answers goes', () => {
    setScanRecord(record('stage 0'), gate);
    setScanRecord(undefined);
    expect(scans()).toBeUndefined();
    expect(stageZeroGateTest()).toBeUndefined();
  });
});
