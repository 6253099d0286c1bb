/**
 * Events as the reader's own input makes them, for component tests. happy-dom has no
 * `isTrusted` (every event it dispatches is a script's); a real browser sets it only on
 * events it made itself, which a page cannot forge. Tests only: the UI never imports this.
 */
export function asUser<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

/** A click by the reader's pointer on `target`. */
export function userClick(target: EventTarget): void {
  target.dispatchEvent(asUser(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true, button: 0 })));
}

/** A key pressed by the reader, with focus on (or in) `target`. */
export function userKey(target: EventTarget, key: string): boolean {
  return target.dispatchEvent(
    asUser(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, composed: true })),
  );
}

/** The reader pressing the pointer down on `target`. */
export function userPointerDown(target: EventTarget): void {
  target.dispatchEvent(asUser(new PointerEvent('pointerdown', { bubbles: true, composed: true })));
}
