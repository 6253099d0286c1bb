import { byUser } from './user-input';

/**
 * Closes a layer of the in-page UI that is not modal (the panel, the term card) when the
 * reader presses Escape (`onEscape`: an IME's Escape, which cancels a composition, is not
 * meant for us) or leaves it, as a dialog that does not trap focus should:
 * - a pointer down outside it;
 * - focus landing outside it after the reader's own Tab from inside: the page's control
 *   then focused may sit under the layer (WCAG 2.4.11). The Tab may pass through the
 *   browser's toolbar first (our host is last in the page's order), so it is the next focus
 *   that counts, however late. A page's script moving focus (which browsers call trusted
 *   too) or another key of the reader's does not close it.
 * `within` is an element inside the shadow root: focus moving there never reaches the
 * document. Listens in the capture phase (pages stop their own events' propagation).
 *
 * A layer entered from an element of the page (`returnTo`: the link whose term card the
 * reader tabbed into) sits in the Tab order right after it: Shift+Tab from the layer's first
 * stop goes back to that element, and Tab from its last goes on to what follows it there.
 * Returns what takes the listeners away.
 */
export function closeWhenLeft(
  inside: EventTarget,
  within: Element,
  close: () => void,
  onEscape: () => void = close,
  returnTo?: HTMLElement | SVGElement,
): () => void {
  const document = within.ownerDocument;
  let tabbedOut = false;
  const onPointerDown = byUser((event: PointerEvent) => {
    tabbedOut = false;
    if (!event.composedPath().includes(inside)) close();
  });
  const onKeyDown = byUser((event: KeyboardEvent) => {
    if (event.key === 'Escape' && !event.isComposing) onEscape();
    else if (event.key === 'Tab') {
      tabbedOut = event.composedPath().includes(inside);
      if (tabbedOut && returnTo?.isConnected && atEdge(within, event.shiftKey)) {
        // Not the reader leaving: the focus that lands there (at once, in focus()) keeps it.
        tabbedOut = false;
        returnTo.focus({ preventScroll: event.shiftKey });
        // An element that no longer takes focus (hidden, inert): the browser's Tab goes on
        // from the layer, and leaving closes it as usual.
        if ((returnTo.getRootNode() as Document | ShadowRoot).activeElement !== returnTo) {
          tabbedOut = true;
          return;
        }
        // Back: to the element itself, the layer still open for it. On: from it, as the
        // browser's own Tab goes on from whatever has the focus when the key is done; the
        // layer is left, and closed now, so that a Tab from the page's last stop into our
        // UI cannot bring the reader round into it again.
        if (event.shiftKey) event.preventDefault();
        else close();
      }
    }
  });
  const onFocusIn = byUser((event: FocusEvent) => {
    if (!tabbedOut) return;
    // The Tab's focus landed: inside, it stayed; outside, it left.
    tabbedOut = false;
    if (!event.composedPath().includes(inside)) close();
  });
  const onFocusWithin = () => {
    tabbedOut = false;
  };
  within.addEventListener('focusin', onFocusWithin);
  document.addEventListener('pointerdown', onPointerDown, true);
  document.addEventListener('keydown', onKeyDown, true);
  document.addEventListener('focusin', onFocusIn, true);
  return () => {
    within.removeEventListener('focusin', onFocusWithin);
    document.removeEventListener('pointerdown', onPointerDown, true);
    document.removeEventListener('keydown', onKeyDown, true);
    document.removeEventListener('focusin', onFocusIn, true);
  };
}

/**
 * What Tab stops at in a layer: its controls, in order. An approximation (it does not ask
 * whether each is shown), enough for the layers here, whose controls always are.
 */
const TAB_STOPS =
  'a[href], button:not([disabled]), input:not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"])';

/** Whether the focus is at the layer's first stop (or the layer itself), or at its last. */
function atEdge(within: Element, first: boolean): boolean {
  const at = (within.getRootNode() as Document | ShadowRoot).activeElement;
  const stops = within.querySelectorAll(TAB_STOPS);
  if (at === within) return first || stops.length === 0;
  return at === (first ? stops[0] : stops[stops.length - 1]);
}
