import { i18n, uiLanguage } from '@/src/i18n';
import { WordList, withContent } from '../shared/data-labels';
import { contentNoteWord } from '../shared/story-labels';
import { useUniqueId } from '../shared/unique-id';

export interface ContentGateProps {
  /** The story's content notes (never empty here). */
  notes: readonly string[];
  /** The story's language: a note the UI cannot translate is read in it. */
  lang: string;
  onShow(): void;
}

/**
 * Stands in for a story's text until the reader, told what it mentions, chooses to read
 * it: a testimony of starvation or violence should not ambush anyone (PRODUCT.md,
 * "Content notes"). One click shows the text.
 */
export function ContentGate({ notes, lang, onShow }: ContentGateProps) {
  const noteId = useUniqueId('fh-gate');
  return (
    <section class="fh-reader__gate" aria-labelledby={noteId} lang={uiLanguage()}>
      <p id={noteId} class="fh-reader__gate-note">
        {/* "starvation, family separation and imprisonment"; "굶주림, 가족과의 이별 및 수감". */}
        {withContent(
          (slot) => i18n.t('reader.gate_note', [slot]),
          <WordList words={notes.map((note) => contentNoteWord(note, lang))} conjunction />,
        )}
      </p>
      <p class="fh-reader__gate-help">{i18n.t('reader.gate_help')}</p>
      <button type="button" class="fh-button fh-reader__gate-button" onClick={onShow}>
        {i18n.t('reader.gate_show')}
      </button>
    </section>
  );
}
