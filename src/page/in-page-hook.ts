import type { TermRange } from '@/src/detect/term-ranges';
import type { PageMatches } from '@/src/messaging/protocol';

/**
 * How the two content scripts of a page meet. The detection script (`firsthand.content`,
 * on every page) carries no UI; the in-page UI (`firsthand-ui.content`) is injected by the
 * background only into a page with something to show, outside private mode, and registers
 * itself here. Both run in the extension's isolated world, which the page cannot see.
 */
export interface InPageHook {
  /**
   * Shows a page's matches (none: the UI goes away), with where the terms that earned them
   * occur in the article, for the UI to mark.
   */
  show(matches: PageMatches, terms: readonly TermRange[]): void;
  /** The same matches, their terms found again (the page re-rendered its article). */
  mark(terms: readonly TermRange[]): void;
  /** Whether a node belongs to the UI (its own mutations are not page changes). */
  contains(node: Node): boolean;
}

const KEY = Symbol.for('firsthand.in-page-ui');
type HookHolder = { [KEY]?: InPageHook };

export const inPageHook = (): InPageHook | undefined => (globalThis as HookHolder)[KEY];

export function setInPageHook(hook: InPageHook | undefined): void {
  (globalThis as HookHolder)[KEY] = hook;
}

/** The detection script, as the UI sees it: where the terms that earned some matches occur. */
export interface DetectionHook {
  termsOf(matches: PageMatches): TermRange[];
  /**
   * The scans that finished, and what the last one concluded, the answer shown. Read by the
   * end-to-end tests in the isolated world (the page cannot see it): the positive signal
   * that a page was read and judged, before they check that nothing happened on it.
   */
  scans(): ScanRecord;
}

/** What the detection script's scans of a page came to. */
export interface ScanRecord {
  /** Scans finished since the script started. */
  finished: number;
  /** The address the last one read ('' before any). */
  url: string;
  /** Whether the background has heard of this page (a quiet page is never told). */
  told: boolean;
  /** No scan running, none asked for. */
  idle: boolean;
}

const DETECTION_KEY = Symbol.for('firsthand.detection');
type DetectionHolder = { [DETECTION_KEY]?: DetectionHook };

export const detectionHook = (): DetectionHook | undefined => (globalThis as DetectionHolder)[DETECTION_KEY];

export function setDetectionHook(hook: DetectionHook | undefined): void {
  (globalThis as DetectionHolder)[DETECTION_KEY] = hook;
}

/**
 * Whether a found term is still on the page. A range whose text the page removed does not
 * disconnect: it collapses where the text was.
 */
export function isLive({ range }: TermRange): boolean {
  return !range.collapsed && range.startContainer.isConnected;
}
