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
 * Returns what takes the listeners away.
 */
export function closeWhenLeft(
  inside: EventTarget,
  within: Element,
  close: () => void,
  onEscape: () => void = close,
): () => void {
  const document = within.ownerDocument;
  let tabbedOut = false;
  const onPointerDown = byUser((event: PointerEvent) => {
    tabbedOut = false;
    if (!event.composedPath().includes(inside)) close();
  });
  const onKeyDown = byUser((event: KeyboardEvent) => {
    if (event.key === 'Escape' && !event.isComposing) onEscape();
    else if (event.key === 'Tab') tabbedOut = event.composedPath().includes(inside);
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
