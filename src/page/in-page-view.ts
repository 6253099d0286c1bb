import type { TermRange } from '@/src/detect/term-ranges';
import type { PillWords } from '@/src/i18n/pill-words';
import type { ExcerptCard } from '@/src/messaging/protocol';
import type { Corner } from '@/src/settings/corners';

/**
 * How the page's two scripts meet, one way only. The detection script (stage 1) holds
 * what the background pushed (`pageState`) and knows where the article's terms are; the
 * in-page UI (stage 2), injected by the background into a page with something to show,
 * registers here and only renders what it is handed. Both run in the extension's isolated
 * world, which the page cannot see.
 */
export interface InPageView {
  /** Shows these cards (none: the UI goes away), with the terms to mark in the article. */
  render(view: InPageViewModel): void;
  /** Whether a node belongs to the UI (its own mutations are not page changes). */
  contains(node: Node): boolean;
  /** Puts the keyboard's focus on the pill (the reader's shortcut); false when there is none. */
  focusPill(): boolean;
}

/** What the in-page UI renders: the background's view, with its terms found in the article. */
export interface InPageViewModel {
  cards: ExcerptCard[];
  corner: Corner;
  /** Where the terms that earned the cards occur ([] when they are not to be marked). */
  terms: readonly TermRange[];
  /** The pill's words, as the background sent them. */
  pill?: PillWords;
}

const KEY = Symbol.for('firsthand.in-page-ui');
type ViewHolder = { [KEY]?: InPageView };

export const inPageView = (): InPageView | undefined => (globalThis as ViewHolder)[KEY];

export function setInPageView(view: InPageView | undefined): void {
  (globalThis as ViewHolder)[KEY] = view;
}

/**
 * Whether a found term is still on the page. A range whose text the page removed does not
 * disconnect: it collapses where the text was.
 */
export function isLive({ range }: TermRange): boolean {
  return !range.collapsed && range.startContainer.isConnected;
}
