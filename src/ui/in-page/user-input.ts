/**
 * Whether an event comes from the reader's own input (the browser made it), not from a
 * script. A page's script can dispatch clicks and keys on its own document, at the host of
 * our shadow root, or where a marked term is; such events are never the reader's, and the
 * in-page UI acts on none of them (issue 12, item 2). Every handler of the in-page UI, for
 * the pointer and the keyboard, goes through `byUser`.
 */
export function isByUser(event: Event): boolean {
  return event.isTrusted === true;
}

/** `handler`, called only for events from the reader's own input. */
export function byUser<E extends Event, Rest extends unknown[]>(
  handler: (event: E, ...rest: Rest) => void,
): (event: E, ...rest: Rest) => void {
  return (event, ...rest) => {
    if (isByUser(event)) handler(event, ...rest);
  };
}
