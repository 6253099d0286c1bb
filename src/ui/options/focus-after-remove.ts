import type { RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/**
 * For a list whose buttons remove their own item: once `items` has changed, focus goes to
 * the button now where the pressed one was (or the last), else to `fallback` when none is
 * left, never to the page's body. Call the returned function with the pressed item's index.
 */
export function useFocusAfterRemove(
  items: unknown,
  list: RefObject<HTMLElement | null>,
  fallback: RefObject<HTMLElement | null>,
): (index: number) => void {
  const pressed = useRef<number | null>(null);
  useEffect(() => {
    const index = pressed.current;
    if (index === null) return;
    pressed.current = null;
    const buttons = list.current?.querySelectorAll('button') ?? [];
    (buttons[Math.min(index, buttons.length - 1)] ?? fallback.current)?.focus();
  }, [items]);
  return (index) => {
    pressed.current = index;
  };
}
