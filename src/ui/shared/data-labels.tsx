import type { ComponentChild } from 'preact';
import { i18n, sameLanguage, uiLanguage } from '@/src/i18n';
import { contentNoteWord, type ShownWord } from './story-labels';

/**
 * Words of a story's metadata inside the UI's own text ("Content note: starvation, family
 * separation"). A word the UI could not translate keeps its own language, marked on a span
 * of its own, so a screen reader does not read an English note with a Korean voice.
 * `conjunction` lists them the way the UI's language does ("a, b and c", "a, b 및 c");
 * otherwise with commas.
 */
export function WordList({ words, conjunction = false }: { words: readonly ShownWord[]; conjunction?: boolean }) {
  const ui = uiLanguage();
  const shown = (word: ShownWord | undefined, key: number) =>
    word === undefined || word.lang === undefined || sameLanguage(word.lang, ui) ? (
      word?.text
    ) : (
      <span key={key} lang={word.lang}>
        {word.text}
      </span>
    );
  if (!conjunction) return <>{words.map((word, index) => [index > 0 && ', ', shown(word, index)])}</>;
  // The list's words come back as 'element' parts, in order, between the language's own literals.
  let next = 0;
  const parts = listFormat(ui).formatToParts(words.map((word) => word.text));
  return <>{parts.map((part, index) => (part.type === 'element' ? shown(words[next++], index) : part.value))}</>;
}

/** "Content note: starvation, family separation", in the UI's language, as words in elements. */
export function ContentNoteText({ notes, lang }: { notes: readonly string[]; lang: string }) {
  return withContent(
    (slot) => i18n.t('card.content_note', [slot]),
    <WordList words={notes.map((note) => contentNoteWord(note, lang))} />,
  );
}

// A private-use character: never in a message, so where the message puts $1.
const SLOT = '\uE000';

/**
 * A UI message with elements where its $1 goes: i18n.t substitutes strings only, so the
 * message is asked for with a placeholder and cut there. Each language puts $1 where its
 * grammar wants it ("This story mentions $1." / "…담겨 있습니다: $1.").
 */
export function withContent(message: (slot: string) => string, content: ComponentChild): ComponentChild {
  const [before = '', ...after] = message(SLOT).split(SLOT);
  return (
    <>
      {before}
      {content}
      {after.join('')}
    </>
  );
}

// In the UI's language, like the dates (story-labels.ts): en-GB for English (no serial
// comma: "starvation, family separation and imprisonment").
const listFormats = new Map<string, Intl.ListFormat>();
function listFormat(ui: string): Intl.ListFormat {
  const locale = sameLanguage(ui, 'en') ? 'en-GB' : ui;
  let format = listFormats.get(locale);
  if (!format) {
    format = new Intl.ListFormat(locale, { type: 'conjunction' });
    listFormats.set(locale, format);
  }
  return format;
}
