/** Where a card of `size` goes next to `anchor`: never over it, always inside the viewport. */
export function placeCard(
  anchor: { top: number; bottom: number; left: number },
  size: { width: number; height: number },
  viewport: { width: number; height: number },
  /** What the page keeps fixed at the viewport's top and bottom edges (its bars): not covered. */
  bars: { top: number; bottom: number } = { top: 0, bottom: 0 },
  margin = 8,
): { top: number; left: number; maxHeight: number; placement: 'below' | 'above' } {
  const gap = 6;
  const below = viewport.height - bars.bottom - margin - (anchor.bottom + gap);
  const above = anchor.top - gap - margin - bars.top;
  const left = Math.max(margin, Math.min(anchor.left, viewport.width - size.width - margin));
  if (size.height <= below || below >= above) {
    return { top: anchor.bottom + gap, left, maxHeight: Math.max(0, below), placement: 'below' };
  }
  const height = Math.min(size.height, above);
  return { top: anchor.top - gap - height, left, maxHeight: Math.max(0, above), placement: 'above' };
}
