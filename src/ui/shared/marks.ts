/** A run of an excerpt's text, either plain or inside a `<mark>`. */
export interface TextSegment {
  text: string;
  marked: boolean;
}

export type MarkRange = readonly [start: number, end: number];

/**
 * Splits `text` into plain and marked runs from [start, end) ranges. Ranges come from the
 * background's matcher and may overlap (a term and a query word) or be stale for a text
 * that changed, so overlapping and touching ranges are merged, ranges are clipped to the
 * text, and empty or reversed ones are dropped rather than trusted.
 */
export function markSegments(text: string, marks: readonly MarkRange[]): TextSegment[] {
  const segments: TextSegment[] = [];
  let cursor = 0;
  for (const [start, end] of mergeRanges(marks, text.length)) {
    if (start > cursor) segments.push({ text: text.slice(cursor, start), marked: false });
    segments.push({ text: text.slice(start, end), marked: true });
    cursor = end;
  }
  if (cursor < text.length) segments.push({ text: text.slice(cursor), marked: false });
  return segments;
}

function mergeRanges(marks: readonly MarkRange[], length: number): [number, number][] {
  const clipped = marks
    .filter(([start, end]) => Number.isInteger(start) && Number.isInteger(end))
    .map(([start, end]): [number, number] => [Math.max(0, start), Math.min(length, end)])
    .filter(([start, end]) => start < end)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of clipped) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

/**
 * Groups segments into paragraphs at blank lines (how a passage joins its paragraphs), so a
 * card can render real `<p>` elements while the mark offsets still refer to the whole text.
 */
export function segmentParagraphs(segments: readonly TextSegment[]): TextSegment[][] {
  let current: TextSegment[] = [];
  const paragraphs = [current];
  for (const segment of segments) {
    segment.text.split('\n\n').forEach((piece, index) => {
      if (index > 0) {
        current = [];
        paragraphs.push(current);
      }
      if (piece) current.push({ text: piece, marked: segment.marked });
    });
  }
  return paragraphs.filter((paragraph) => paragraph.length > 0);
}
