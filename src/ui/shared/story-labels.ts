import type { Provenance } from '@/src/corpus/types';
import { i18n, sameLanguage, uiLanguage } from '@/src/i18n';

/** The words every surface uses for who is speaking (PRODUCT.md, "Provenance"). */
const PROVENANCE_LABELS: Readonly<Record<Provenance, () => string>> = {
  firsthand: () => i18n.t('card.provenance_firsthand'),
  witness: () => i18n.t('card.provenance_witness'),
  report: () => i18n.t('card.provenance_report'),
  commentary: () => i18n.t('card.provenance_commentary'),
};

export function provenanceLabel(kind: string): string | undefined {
  return Object.hasOwn(PROVENANCE_LABELS, kind) ? PROVENANCE_LABELS[kind as Provenance]() : undefined;
}

// In the UI's language; for English, en-GB's "3 Dec 2024", which reads the same to every
// English reader. UTC because the corpus dates are calendar days, and a local time zone west
// of UTC would show the day before. Made on first use: building a DateTimeFormat loads locale
// data, and this module is in the in-page UI script, which mostly never shows a date.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(): Intl.DateTimeFormat {
  const ui = uiLanguage();
  const locale = sameLanguage(ui, 'en') ? 'en-GB' : ui;
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    dateFormats.set(locale, format);
  }
  return format;
}

/** "2024-12-03" → "3 Dec 2024" ("2024년 12월 3일"); anything that is not an ISO date is shown as written. */
export function formatStoryDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return Number.isNaN(date.getTime()) ? isoDate : dateFormat().format(date);
}

/** "Content note: starvation, family separation", or nothing when there are none. */
export function contentNoteText(notes: readonly string[]): string | undefined {
  return notes.length > 0 ? i18n.t('card.content_note', [notes.join(', ')]) : undefined;
}
