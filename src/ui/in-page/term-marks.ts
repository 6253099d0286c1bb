import type { TermRange } from '@/src/detect/term-ranges';
import highlightCss from './term-marks.css?inline';
import { byUser } from './user-input';

/** The name of our highlight in the page's highlight registry. */
export const HIGHLIGHT_NAME = 'firsthand-term';

/**
 * The largest page whose terms are marked. A style sheet added to a document makes the
 * browser recompute the style of every element once, at about 4 µs an element on these
 * machines: 170 ms on the 2 MB benchmark page (npm run bench:detect), a visible stall.
 * Up to this many elements it stays within a long frame; beyond, the panel and the popup
 * still show everything, and the terms are not marked.
 */
export const MAX_MARKED_PAGE_ELEMENTS = 10_000;

/** Whether this browser has the CSS Custom Highlight API (Chrome 105+, Firefox 140+). */
export function highlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

/** A marked term that the reader picked: which occurrence, and which of its line boxes. */
export interface PickedTerm {
  mark: TermRange;
  /** Index into `mark.range.getClientRects()`: the line the reader clicked or focused. */
  line: number;
  /** Opened from the keyboard (Tab onto a link that holds it): the card must not take focus away. */
  byKeyboard: boolean;
  /**
   * The page's element whose focus opened the card from the keyboard: Tab from it enters the
   * card, and leaving the card by Tab or Escape comes back to it.
   */
  trigger?: Element;
}

/** A page's own modal dialog: its focus trap decides where Tab goes, never our card. */
const PAGE_MODAL = 'dialog[open], [aria-modal="true"]';

/** Controls that the page's own clicks on a term must keep: we never take those over. */
const PAGE_CONTROLS = 'a[href], button, input, textarea, select, label, summary, [contenteditable], [role="button"]';

/**
 * Marks terms in the page with the CSS Custom Highlight API, which leaves the page's DOM
 * untouched, and tells `onPick` when the reader clicks a marked term (hit-tested with
 * caretPositionFromPoint / caretRangeFromPoint) or reaches one from the keyboard (Tab onto
 * a link that holds it). From there the next Tab enters the card (`enterCard`), as if it
 * followed that link in the page: it shows beside the link, though it hangs in the top
 * layer. Without the API nothing is marked and nothing is listened to.
 */
export function createTermMarks(
  doc: Document,
  onPick: (picked: PickedTerm | null) => void,
  maxElements = MAX_MARKED_PAGE_ELEMENTS,
  /** Whether an element is our own UI's host (its root is closed: `shadowRoot` says nothing). */
  isOwnUi: (element: Element) => boolean = () => false,
  /** Moves the focus into the term card that `from` opened; false when there is none to enter. */
  enterCard: (from: Element) => boolean = () => false,
) {
  let marks: readonly TermRange[] = [];
  let sheet: CSSStyleSheet | null = null;
  let lastPointer = 0;
  /** When the reader last pressed Tab, if that was their last key. */
  let lastTab = 0;
  /** The element whose focus opened the card that is open, from the keyboard. */
  let opener: Element | null = null;
  const view = doc.defaultView;

  // While something is fullscreen no card of ours can show over it (the top layer stacks in
  // order of entry): a term there opens nothing, and is not underlined (term-marks.css).
  const onClick = byUser((event: MouseEvent) => {
    if (doc.fullscreenElement) return;
    if (event.button !== 0 || !(event.target instanceof Element) || event.target.closest(PAGE_CONTROLS)) return;
    if (doc.getSelection()?.isCollapsed === false) return; // selecting text, not picking
    const hit = markAtPoint(doc, marks, event.clientX, event.clientY);
    if (!hit) return;
    opener = null; // this card is the click's: Tab from a link does not enter it
    onPick({ ...hit, byKeyboard: false });
  });
  const onPointerDown = byUser(() => {
    lastPointer = Date.now();
  });
  const onKeyDown = byUser((event: KeyboardEvent) => {
    // Any other key resets it: the focus that Escape gives back to the link must not
    // reopen the card.
    lastTab = event.key === 'Tab' ? Date.now() : 0;
    // Tab (forward) from the link whose card it opened enters the card; never a Tab the
    // page has already handled, or one inside the page's own modal dialog.
    const plainTab =
      event.key === 'Tab' && !event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey && !event.isComposing;
    if (
      plainTab &&
      !event.defaultPrevented &&
      opener !== null &&
      event.target === opener &&
      !opener.closest(PAGE_MODAL) &&
      enterCard(opener)
    )
      event.preventDefault();
  });
  // From the keyboard: Tab onto a link (or other small focusable thing) that holds a term
  // opens its card; focus moving on closes it (null), so it never covers what comes next.
  // A page's `element.focus()` makes focus events the browser calls trusted: only focus
  // that follows the reader's own Tab opens a card.
  const onFocusIn = byUser((event: FocusEvent) => {
    const target = event.target;
    if (!(target instanceof Element) || Date.now() - lastPointer < 500) return;
    const small = target.matches('a[href], button, [tabindex]') && (target.textContent?.length ?? 0) <= 200;
    const byTab = Date.now() - lastTab < 1000;
    // Opens nothing while something is fullscreen; focus moving on still closes a card.
    const opens = small && byTab && !doc.fullscreenElement;
    const mark = opens ? marks.find((m) => target.contains(m.range.startContainer)) : undefined;
    if (mark) {
      opener = target;
      onPick({ mark, line: 0, byKeyboard: true, trigger: target });
    } else if (opener !== null && !isOwnUi(target) && (target !== opener || doc.fullscreenElement)) {
      // Focus into our own UI (the shadow host) keeps the card, and so does focus coming back
      // to its link (the tab or window in front again); anywhere else closes it.
      opener = null;
      onPick(null);
    }
  });

  const listen = (on: boolean) => {
    const method = on ? 'addEventListener' : 'removeEventListener';
    // Capture: pages that stop their events' propagation still tell us. We never stop
    // anything of theirs, and cancel only the Tab that enters our own card.
    doc[method]('click', onClick as EventListener, { capture: true });
    doc[method]('pointerdown', onPointerDown, { capture: true });
    doc[method]('focusin', onFocusIn as EventListener, { capture: true });
    doc[method]('keydown', onKeyDown as EventListener, { capture: true });
  };

  return {
    /** Marks these terms (none: unmarks all). */
    set(next: readonly TermRange[]) {
      if (!highlightsSupported() || !view) return;
      if (next.length === 0) {
        this.clear();
        return;
      }
      if (!sheet) {
        if (doc.getElementsByTagName('*').length > maxElements) return;
        sheet = new view.CSSStyleSheet();
        sheet.replaceSync(highlightCss);
        doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
        listen(true);
      }
      marks = next;
      CSS.highlights.set(HIGHLIGHT_NAME, new Highlight(...next.map((m) => m.range)));
    },
    clear() {
      marks = [];
      opener = null;
      if (!sheet) return;
      CSS.highlights.delete(HIGHLIGHT_NAME);
      const ours = sheet;
      doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== ours);
      sheet = null;
      listen(false);
    },
  };
}

/** The marked term under a point, if the point is really on its text (not just near it). */
export function markAtPoint(
  doc: Document,
  marks: readonly TermRange[],
  x: number,
  y: number,
): { mark: TermRange; line: number } | null {
  const caret = caretAt(doc, x, y);
  if (!caret) return null;
  for (const mark of marks) {
    if (!safeInRange(mark.range, caret.node, caret.offset)) continue;
    // The caret snaps to the nearest text: make sure the point is on the term's own boxes.
    const rects = [...mark.range.getClientRects()];
    const line = rects.findIndex((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom);
    if (line >= 0) return { mark, line };
  }
  return null;
}

function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const positioned = doc as Document & {
    caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?(x: number, y: number): Range | null;
  };
  if (typeof positioned.caretPositionFromPoint === 'function') {
    const position = positioned.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  const range = positioned.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

function safeInRange(range: Range, node: Node, offset: number): boolean {
  try {
    return range.isPointInRange(node, offset);
  } catch {
    return false; // another document, or a node the range cannot compare with
  }
}
