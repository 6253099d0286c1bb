import type { Provenance } from '@/src/corpus/types';

/** The words every surface uses for who is speaking (PRODUCT.md, "Provenance"). */
export const PROVENANCE_LABELS: Readonly<Record<Provenance, string>> = {
  firsthand: 'Firsthand account',
  witness: 'Eyewitness',
  report: 'Report',
  commentary: 'Commentary',
};

export function provenanceLabel(kind: string): string | undefined {
  return Object.hasOwn(PROVENANCE_LABELS, kind) ? PROVENANCE_LABELS[kind as Provenance] : undefined;
}

// en-GB gives "3 Dec 2024", which reads the same to every English reader; UTC because the
// corpus dates are calendar days, and a local time zone west of UTC would show the day before.
// Made on first use: building a DateTimeFormat loads locale data, and this module is in the
// content script, which runs on every page and mostly never shows a date.
let storyDateFormat: Intl.DateTimeFormat | undefined;
const dateFormat = () =>
  (storyDateFormat ??= new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }));

/** "2024-12-03" → "3 Dec 2024"; anything that is not an ISO date is shown as written. */
export function formatStoryDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return Number.isNaN(date.getTime()) ? isoDate : dateFormat().format(date);
}

/** "Content note: starvation, family separation", or nothing when there are none. */
export function contentNoteText(notes: readonly string[]): string | undefined {
  return notes.length > 0 ? `Content note: ${notes.join(', ')}` : undefined;
}
