import { i18n, uiLanguage } from './index';

/** The pill's words, in the UI's language: what the page's first drawing needs, and no more. */
export interface PillWords {
  /** The language they are in, for `lang` ('en-US', 'ko'). */
  lang: string;
  /** "2 testimonies relate to this article". */
  text: string;
  /** Its accessible name: "Firsthand: 2 testimonies relate to this article". */
  label: string;
}

/** "2 testimonies relate to this article", in the UI's language. */
export function pillText(count: number): string {
  return i18n.t('panel.pill', count);
}

/** The pill's accessible name: what it is, and what it opens. */
export function pillLabel(count: number): string {
  return i18n.t('panel.pill_label', [pillText(count)]);
}

/**
 * The pill's words for `count` cards. The background sends them with the page's view: a
 * content script's first `i18n.getMessage` loads the extension's messages, a few
 * milliseconds on the page's main thread, which a page that only shows the pill need not pay
 * (npm run bench:detect).
 */
export function pillWords(count: number): PillWords {
  return { lang: uiLanguage(), text: pillText(count), label: pillLabel(count) };
}
