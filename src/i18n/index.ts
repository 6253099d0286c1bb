import { browser } from 'wxt/browser';
import { i18n } from '#i18n';

/**
 * The UI's words, from locales/<lang>.yml through the browser's own i18n (so the reader's
 * browser language picks them, and no file is fetched at run time):
 *
 *   i18n.t('card.open')                      // "Read the full story"
 *   i18n.t('panel.site_off', [site])         // "Turn off on bbc.com"   ($1)
 *   i18n.t('panel.pill', count)              // "2 testimonies relate…" (plural, $1 = count)
 *
 * Keys are literal strings (src/i18n/messages.test.ts finds them in the code and checks
 * both locales have them), typed from locales/en.yml.
 */
export { i18n };

/**
 * The language the UI's words are in, for `lang` attributes: the browser's UI language
 * when Firsthand speaks it ('en-US', 'ko'), else the language the browser fell back to
 * (English words in a German browser are `en`, not `de`).
 */
export function uiLanguage(): string {
  const shown = i18n.t('meta.lang');
  const browserLanguage = browser.i18n.getUILanguage();
  return sameLanguage(browserLanguage, shown) ? browserLanguage : shown;
}

/** Whether two language tags name the same language ('en' and 'en-GB' do). */
export function sameLanguage(a: string, b: string): boolean {
  return primary(a) === primary(b);
}

const primary = (tag: string) => tag.split(/[-_]/)[0]?.toLowerCase() ?? '';
