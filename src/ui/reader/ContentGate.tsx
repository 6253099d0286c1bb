import { i18n, sameLanguage, uiLanguage } from '@/src/i18n';
import { useUniqueId } from '../shared/unique-id';

export interface ContentGateProps {
  /** The story's content notes (never empty here). */
  notes: readonly string[];
  onShow(): void;
}

/**
 * Stands in for a story's text until the reader, told what it mentions, chooses to read
 * it: a testimony of starvation or violence should not ambush anyone (PRODUCT.md,
 * "Content notes"). One click shows the text.
 */
export function ContentGate({ notes, onShow }: ContentGateProps) {
  const noteId = useUniqueId('fh-gate');
  return (
    <section class="fh-reader__gate" aria-labelledby={noteId} lang={uiLanguage()}>
      <p id={noteId} class="fh-reader__gate-note">
        {i18n.t('reader.gate_note', [noteList(notes)])}
      </p>
      <p class="fh-reader__gate-help">{i18n.t('reader.gate_help')}</p>
      <button type="button" class="fh-button fh-reader__gate-button" onClick={onShow}>
        {i18n.t('reader.gate_show')}
      </button>
    </section>
  );
}

// "starvation, family separation and imprisonment" in the UI's language, like the dates
// (story-labels.ts): en-GB for English (no serial comma), "…, family separation 및 imprisonment"
// in Korean.
const listFormats = new Map<string, Intl.ListFormat>();
function noteList(notes: readonly string[]): string {
  const ui = uiLanguage();
  const locale = sameLanguage(ui, 'en') ? 'en-GB' : ui;
  let format = listFormats.get(locale);
  if (!format) {
    format = new Intl.ListFormat(locale, { type: 'conjunction' });
    listFormats.set(locale, format);
  }
  return format.format(notes);
}
