/**
 * Arrow keys (and Home, End) between a list of cards: moves focus to the next, previous,
 * first or last of `targets` from the one that holds focus now (or the first, from outside
 * them). Returns whether the key was one of those, so the caller can prevent its default.
 */
export function moveBetween(key: string, targets: readonly HTMLElement[], active: Element | null): boolean {
  if (targets.length === 0) return false;
  const current = targets.findIndex((t) => t === active || t.closest('li')?.contains(active ?? null));
  const next =
    key === 'ArrowDown'
      ? Math.min(current + 1, targets.length - 1)
      : key === 'ArrowUp'
        ? Math.max(current - 1, 0)
        : key === 'Home'
          ? 0
          : key === 'End'
            ? targets.length - 1
            : null;
  if (next === null) return false;
  const target = targets[next];
  target?.focus();
  target?.closest('li')?.scrollIntoView({ block: 'nearest' });
  return true;
}
