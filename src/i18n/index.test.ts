import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setUiLanguage } from '@/src/testing/fake-i18n';
import { i18n, sameLanguage, uiLanguage } from './index';

afterEach(() => setUiLanguage('en'));

describe('i18n', () => {
  it('gives the English words, with substitutions and plurals', () => {
    expect(i18n.t('card.open')).toBe('Read the full story');
    expect(i18n.t('panel.site_off', ['bbc.com'])).toBe('Turn off on bbc.com');
    expect(i18n.t('panel.pill', 1)).toBe('1 testimony relates to this article');
    expect(i18n.t('panel.pill', 3)).toBe('3 testimonies relate to this article');
  });

  it('gives the Korean words in a Korean browser, one form for every count', () => {
    setUiLanguage('ko');
    expect(i18n.t('card.open')).toBe('전문 읽기');
    expect(i18n.t('panel.site_off', ['bbc.com'])).toBe('bbc.com에서 끄기');
    expect(i18n.t('panel.pill', 1)).toBe('이 기사와 관련된 증언 1건');
    expect(i18n.t('panel.pill', 3)).toBe('이 기사와 관련된 증언 3건');
  });

  it('goes back to English when the fake browser is reset', () => {
    setUiLanguage('ko');
    fakeBrowser.reset();
    expect(i18n.t('common.close')).toBe('Close');
  });
});

describe('uiLanguage', () => {
  it('is the browser’s UI language where Firsthand speaks it', () => {
    expect(uiLanguage()).toBe('en-US');
    setUiLanguage('ko');
    expect(uiLanguage()).toBe('ko');
  });

  it('is the language of the words shown where the browser’s is another', () => {
    // A German browser gets the English words (the default locale): they are not German.
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('de-DE');
    expect(uiLanguage()).toBe('en');
    // Chromium without its Korean locale pack says en-US, yet gives Korean words (e2e).
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
    setUiLanguage('ko');
    expect(uiLanguage()).toBe('ko');
  });

  it('compares languages, not regions', () => {
    expect(sameLanguage('en', 'en-GB')).toBe(true);
    expect(sameLanguage('ko-KR', 'ko')).toBe(true);
    expect(sameLanguage('pt_BR', 'pt-PT')).toBe(true);
    expect(sameLanguage('en', 'ko')).toBe(false);
  });
});
