import type { ExcerptCard, PageMatches, StoryView } from '@/src/messaging/protocol';

// Test fixtures only. The text is made up and marked as such (PRODUCT.md, "Integrity rule"):
// no real testimony is paraphrased here.

export function syntheticCard(overrides: Partial<ExcerptCard> = {}): ExcerptCard {
  return {
    passageId: 'synthetic-story-p3',
    storyId: 'synthetic-story',
    text: 'Synthetic excerpt: during the famine the market was the only place to find food.',
    provenance: 'firsthand',
    storyTitle: 'A Synthetic Story',
    narrator: 'Test Narrator',
    publisher: 'Test Publisher',
    date: '2024-12-03',
    lang: 'en',
    contentNotes: ['starvation', 'family separation'],
    why: ['famine', 'markets'],
    marks: [[30, 36]],
    ...overrides,
  };
}

export function syntheticMatches(count: number): PageMatches {
  return {
    url: 'https://news.example/article',
    cards: Array.from({ length: count }, (_, index) =>
      syntheticCard({
        passageId: `synthetic-story-p${index + 1}`,
        text: `Synthetic excerpt number ${index + 1}.`,
        marks: [],
      }),
    ),
  };
}

export function syntheticStory(overrides: Partial<StoryView> = {}): StoryView {
  return {
    id: 'synthetic-story',
    title: 'A Synthetic Story',
    narrator: 'Test Narrator',
    publisher: 'Test Publisher',
    date: '2024-12-03',
    url: 'https://publisher.example/stories/synthetic',
    lang: 'en',
    topics: ['famine', 'markets'],
    contentNotes: ['starvation'],
    blocks: [
      { kind: 'heading', text: 'Synthetic heading' },
      { kind: 'firsthand', text: 'Synthetic first paragraph of passage one.', passageId: 'synthetic-story-p1' },
      { kind: 'firsthand', text: 'Synthetic second paragraph of passage one.', passageId: 'synthetic-story-p1' },
      { kind: 'caption', text: 'Synthetic photo caption' },
      {
        kind: 'firsthand',
        text: 'Synthetic passage two talks about the famine, the market and the long winter that followed.',
        passageId: 'synthetic-story-p2',
      },
      {
        kind: 'report',
        text: 'Synthetic reported paragraph.',
        attribution: 'Synthetic Daily',
        passageId: 'synthetic-story-p3',
      },
      { kind: 'editor-note', text: 'Synthetic editor note.' },
    ],
    ...overrides,
  };
}
