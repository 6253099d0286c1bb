import { afterEach, describe, expect, it } from 'vitest';
import type { StoryView } from '@/src/messaging/protocol';
import { setUiLanguage } from '@/src/testing/fake-i18n';
import { citationOf } from './citation';

// A synthetic story written for this test.
const story: StoryView = {
  id: 'test-story',
  title: 'A Test Story',
  narrator: 'A. Narrator',
  publisher: 'Test Publisher',
  date: '2024-12-03',
  url: 'https://example.org/story#top',
  lang: 'en',
  topics: [],
  contentNotes: [],
  blocks: [
    {
      kind: 'firsthand',
      text: 'First words of the passage that we quote here in full today.',
      passageId: 'test-story-p01',
    },
    { kind: 'firsthand', text: 'Another passage.', passageId: 'test-story-p02' },
  ],
} as unknown as StoryView;

describe('citationOf', () => {
  it('cites a passage word for word, with its source and an address that scrolls to it', () => {
    const text = citationOf(story, 'test-story-p01');
    expect(
      text.startsWith(
        '“First words of the passage that we quote here in full today.”\n— A. Narrator, “A Test Story”, Test Publisher,',
      ),
    ).toBe(true);
    expect(text).toContain(
      'https://example.org/story#:~:text=First%20words%20of%20the%20passage%20that,here%20in%20full%20today',
    );
  });

  it('cites the whole story with its own address when no passage is given', () => {
    expect(citationOf(story)).toMatch(
      /^A\. Narrator, “A Test Story”, Test Publisher, .+\. https:\/\/example\.org\/story#top$/,
    );
  });

  it('writes the date in the UI’s language, and everything the story says as it is', () => {
    setUiLanguage('ko');
    expect(citationOf(story)).toBe(
      'A. Narrator, “A Test Story”, Test Publisher, 2024년 12월 3일. https://example.org/story#top',
    );
  });
});

afterEach(() => setUiLanguage('en'));
