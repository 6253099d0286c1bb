import type { PageMatches } from '@/src/messaging/protocol';
import type { Corner } from '@/src/settings/corners';
import type { PickedTerm } from './term-marks';

/** What the panel's code draws: the in-page UI's state, and the host its shadow root hangs from. */
export interface PanelState {
  matches: PageMatches;
  corner: Corner;
  /** The term card, when the reader picked a marked term. */
  picked: PickedTerm | null;
  /**
   * Whether the term card takes the keyboard's focus: picked with the mouse, as a dialog
   * opened by a click does, unless its code came after the pick and the reader had moved on.
   */
  cardTakesFocus: boolean;
  host: HTMLElement;
  /** Open the panel when first drawn: the reader activated the pill before the code was there. */
  open: boolean;
  /** What the pill's live region has already said (not said twice when the panel takes over). */
  announced: string;
  closeTermCard(): void;
}

/** The panel's code (entrypoints/firsthand-panel.content, Preact), once loaded into the page. */
export interface PanelCode {
  /** Draws the pill, the panel and the term card into `container` (replacing what is there). */
  draw(container: HTMLElement, state: PanelState): void;
  /** Takes everything it drew out of `container`. */
  clear(container: HTMLElement): void;
}

/**
 * How the in-page UI (stage 2) finds the panel's code, which the background injects into
 * the same isolated world when the reader first opens the panel or a marked term: a page
 * that only shows the pill never compiles Preact, the cards or the term card. The page
 * cannot see this key.
 */
const KEY = Symbol.for('firsthand.in-page-panel');
type CodeHolder = { [KEY]?: PanelCode };

export const panelCode = (): PanelCode | undefined => (globalThis as CodeHolder)[KEY];

export function setPanelCode(code: PanelCode | undefined): void {
  (globalThis as CodeHolder)[KEY] = code;
}
