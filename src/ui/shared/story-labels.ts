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
function dateFormat(timeZone: 'UTC' | 'local' = 'UTC'): Intl.DateTimeFormat {
  const ui = uiLanguage();
  const locale = sameLanguage(ui, 'en') ? 'en-GB' : ui;
  let format = dateFormats.get(`${locale} ${timeZone}`);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      ...(timeZone === 'UTC' ? { timeZone } : {}),
    });
    dateFormats.set(`${locale} ${timeZone}`, format);
  }
  return format;
}

/** A moment's day where the reader is, as stories' dates are shown: "7 Dec 2026" ("2026년 12월 7일"). */
export function formatLocalDay(moment: Date | number): string {
  return dateFormat('local').format(moment);
}

/** "2024-12-03" → "3 Dec 2024" ("2024년 12월 3일"); anything that is not an ISO date is shown as written. */
export function formatStoryDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return Number.isNaN(date.getTime()) ? isoDate : dateFormat().format(date);
}

/**
 * A word of a story's metadata as the UI shows it. `lang` is set when the word is not in the
 * UI's language: a component marks it up, so a screen reader reads it with the right voice.
 */
export interface ShownWord {
  text: string;
  lang?: string;
}

// The corpus's content notes and topics are a fixed vocabulary of metadata, not testimony
// text, so the UI translates them (locales/*.yml, `data`). A word not here (an imported
// collection brings its own) is shown as the story writes it, in the story's language.
// story-labels.test.ts fails while a note or topic in data/ is missing here.
const CONTENT_NOTE_LABELS: Readonly<Record<string, () => string>> = {
  'coerced marriage': () => i18n.t('data.note_coerced_marriage'),
  'death of a parent': () => i18n.t('data.note_death_of_a_parent'),
  'family separation': () => i18n.t('data.note_family_separation'),
  famine: () => i18n.t('data.note_famine'),
  'financial exploitation': () => i18n.t('data.note_financial_exploitation'),
  homelessness: () => i18n.t('data.note_homelessness'),
  homophobia: () => i18n.t('data.note_homophobia'),
  imprisonment: () => i18n.t('data.note_imprisonment'),
  poverty: () => i18n.t('data.note_poverty'),
  'sexual and gender-based violence': () => i18n.t('data.note_sexual_and_gender_based_violence'),
  'sexual references': () => i18n.t('data.note_sexual_references'),
  starvation: () => i18n.t('data.note_starvation'),
};

const TOPIC_LABELS: Readonly<Record<string, () => string>> = {
  china: () => i18n.t('data.topic_china'),
  'daily-life': () => i18n.t('data.topic_daily_life'),
  defection: () => i18n.t('data.topic_defection'),
  dmz: () => i18n.t('data.topic_dmz'),
  escape: () => i18n.t('data.topic_escape'),
  famine: () => i18n.t('data.topic_famine'),
  'forced-repatriation': () => i18n.t('data.topic_forced_repatriation'),
  'foster-family': () => i18n.t('data.topic_foster_family'),
  lgbt: () => i18n.t('data.topic_lgbt'),
  markets: () => i18n.t('data.topic_markets'),
  marriage: () => i18n.t('data.topic_marriage'),
  orphans: () => i18n.t('data.topic_orphans'),
  'overseas-workers': () => i18n.t('data.topic_overseas_workers'),
  pyongyang: () => i18n.t('data.topic_pyongyang'),
  refugees: () => i18n.t('data.topic_refugees'),
  resettlement: () => i18n.t('data.topic_resettlement'),
  women: () => i18n.t('data.topic_women'),
};

const translated = (labels: Readonly<Record<string, () => string>>, word: string) =>
  Object.hasOwn(labels, word) ? labels[word]?.() : undefined;

/** "starvation" → "굶주림" in a Korean UI; a note Firsthand does not know, as the story writes it. */
export function contentNoteLabel(note: string): string {
  return translated(CONTENT_NOTE_LABELS, note) ?? note;
}

/** "daily-life" → "일상생활" in a Korean UI, "daily life" in English; a topic Firsthand does not know, with spaces for dashes. */
export function topicLabel(topic: string): string {
  return translated(TOPIC_LABELS, topic) ?? topic.replaceAll('-', ' ');
}

/** A content note as the UI shows it: translated, or in the story's language. */
export function contentNoteWord(note: string, storyLang: string): ShownWord {
  const text = translated(CONTENT_NOTE_LABELS, note);
  return text === undefined ? { text: note, lang: storyLang } : { text };
}

/** A topic as the UI shows it: translated, or in the story's language. */
export function topicWord(topic: string, storyLang: string): ShownWord {
  const text = translated(TOPIC_LABELS, topic);
  return text === undefined ? { text: topic.replaceAll('-', ' '), lang: storyLang } : { text };
}

/** The language of the lexicon's term labels (data/lexicon.txt), which "why this" lists. */
const LEXICON_LANG = 'en';

/**
 * A lexicon term's label, or a word the article shares with the passage, for "why this":
 * data, too many to translate, shown as written. The labels are English; a shared word is
 * Korean when an imported Korean story shares it with a Korean article.
 */
export function lexiconTermWord(term: string): ShownWord {
  return { text: term, lang: /[\uac00-\ud7a3]/.test(term) ? 'ko' : LEXICON_LANG };
}
