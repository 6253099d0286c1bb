import type { MayMention } from '@/src/detect/gate-text';

/**
 * What the page's scans came to: written by stage 0 (the gate pre-test), then by the
 * detection script once the background injected it. Read by the end-to-end tests in the
 * isolated world (the page cannot see it): the positive signal that a page was read and
 * judged, before they check that nothing happened on it (src/testing/harness.ts, `scanned`).
 */
export interface ScanRecord {
  /** Scans finished since the script started. */
  finished: number;
  /** The address the last one read ('' before any). */
  url: string;
  /** Whether the background has been handed this page's article (an app's next article that fails the gate is not). */
  told: boolean;
  /** No scan running, none asked for. */
  idle: boolean;
  /**
   * The page changed since it was read, and a scan of it is due (the detector waits for the
   * page to settle first). A page that changes all the time always has one due.
   */
  rescanDue: boolean;
}

const KEY = Symbol.for('firsthand.detection');
/**
 * What the page pipeline keeps in the page's isolated world, where both stages run: the
 * record of its scans, and stage 0's gate test, which the detector asks of an app's next
 * article instead of carrying the test's data a second time (it is most of stage 0).
 */
type World = { [KEY]?: { scans(): ScanRecord; mayMention?: MayMention } };

/**
 * Which script answers for the page's scans now: the last to start. Stage 0's gate test
 * stays with the detector's record; `undefined` (the extension went away) clears both, and
 * a stage 0 of the extension that comes next leaves its own before any detector of its own.
 */
export function setScanRecord(scans: (() => ScanRecord) | undefined, mayMention?: MayMention): void {
  const world = globalThis as World;
  world[KEY] = scans && { scans, mayMention: mayMention ?? world[KEY]?.mayMention };
}

/** Stage 0's gate test, where stage 0 ran in this world. */
export const stageZeroGateTest = (): MayMention | undefined => (globalThis as World)[KEY]?.mayMention;
