import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateChromeMessages, parseMessagesText } from '@wxt-dev/i18n/build';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/**
 * `browser.i18n` for unit tests (fakeBrowser has none): the real messages, built from
 * locales/*.yml the way the extension build builds _locales/*\/messages.json, so a test
 * sees the words a reader sees. English unless a test asks for another language:
 *
 *   beforeEach(() => setUiLanguage('ko'));   // renders in Korean
 *   afterEach(() => setUiLanguage('en'));    // (fakeBrowser.reset() also goes back to English)
 *
 * Installed for every unit test by src/testing/vitest-setup.ts.
 */
export type FakeUiLanguage = 'en' | 'ko';

/** What getUILanguage() says in each language, as Chrome says it. */
const browserLanguage: Record<FakeUiLanguage, string> = { en: 'en-US', ko: 'ko' };

// A path, not a URL: happy-dom's URL is not the one node:fs takes.
const localesDir = join(dirname(fileURLToPath(import.meta.url)), '../../locales');
const catalogs = new Map<FakeUiLanguage, Record<string, { message: string }>>();

/** A locale's messages.json, as the build writes it. */
export function messagesJson(language: FakeUiLanguage): Record<string, { message: string }> {
  let catalog = catalogs.get(language);
  if (!catalog) {
    const text = readFileSync(join(localesDir, `${language}.yml`), 'utf8');
    catalog = generateChromeMessages(parseMessagesText(text, 'YAML')) as Record<string, { message: string }>;
    catalogs.set(language, catalog);
  }
  return catalog;
}

let current: FakeUiLanguage = 'en';

/** Switches the fake browser's UI language (the real one changes only with a restart). */
export function setUiLanguage(language: FakeUiLanguage): void {
  current = language;
}

/**
 * chrome.i18n.getMessage: the current language's message, else the default locale's
 * (English), with $1…$9 replaced and $$ written as $; '' for an unknown key.
 */
function getMessage(name: string, substitutions?: string | string[]): string {
  // Chrome's message names are case-insensitive.
  const find = (catalog: Record<string, { message: string }>) =>
    Object.entries(catalog).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1].message;
  const message = find(messagesJson(current)) ?? find(messagesJson('en'));
  if (message === undefined) return '';
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  return message.replace(/\$(\$|[1-9])/g, (_, which: string) =>
    which === '$' ? '$' : (subs[Number(which) - 1] ?? ''),
  );
}

export function installFakeI18n(): void {
  Object.assign(fakeBrowser.i18n, {
    getMessage,
    getUILanguage: () => browserLanguage[current],
    getAcceptLanguages: async () => [browserLanguage[current]],
    // fakeBrowser.reset() calls it: every test starts in English.
    resetState: () => setUiLanguage('en'),
  });
}
