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
}

const KEY = Symbol.for('firsthand.detection');
type RecordHolder = { [KEY]?: { scans(): ScanRecord } };

/** Which script answers for the page's scans now: the last to start. */
export function setScanRecord(scans: (() => ScanRecord) | undefined): void {
  (globalThis as RecordHolder)[KEY] = scans && { scans };
}
