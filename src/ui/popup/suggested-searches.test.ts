import { afterEach, describe, expect, it } from 'vitest';
import { loadBundleIndex, passageAt } from '@/src/search/corpus-index';
import { buildCorpusFromData } from '@/src/search/read-data';
import { searchPassages } from '@/src/search/search-passages';
import { type FakeUiLanguage, setUiLanguage } from '@/src/testing/fake-i18n';
import { suggestedSearches } from './Popup';

const languages: FakeUiLanguage[] = ['en', 'ko'];

describe.each(languages)('the popup’s suggested searches (%s)', (language) => {
  const index = loadBundleIndex(buildCorpusFromData());
  const suggestions = () => {
    setUiLanguage(language);
    return suggestedSearches();
  };
  afterEach(() => setUiLanguage('en'));

  it('are a handful', () => {
    expect(suggestions().length).toBeGreaterThanOrEqual(3);
  });

  it('each find testimonies in the bundled stories', () => {
    for (const words of suggestions()) expect(searchPassages(index, words).length, words).toBeGreaterThan(0);
  });

  it('reach more than one story between them', () => {
    const stories = new Set(
      suggestions().flatMap((words) => searchPassages(index, words).map((r) => passageAt(index, r.passage).storyId)),
    );
    expect(stories.size).toBeGreaterThan(1);
  });
});
