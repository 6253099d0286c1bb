import { describe, expect, it } from 'vitest';
import { parseStory } from '@/src/corpus/parse-story';
import { buildCorpusFromData } from '@/src/corpus/read-data';
import type { DetectedTerm } from '@/src/messaging/protocol';
import { loadBundleIndex, loadCorpusIndex, passageAt, storyOfPassage } from './corpus-index';
import { packIndex } from './packed-index';
import { rankPassages } from './rank-passages';

const index = loadBundleIndex(buildCorpusFromData());
const storyOf = (p: number) => passageAt(index, p).storyId;
const rank = (terms: DetectedTerm[]) => rankPassages(index, terms);
const d = (term: string, count: number, inTitle = false): DetectedTerm => {
  if (!index.termIndex.has(term)) throw new Error(`no term ${term} in the lexicon`);
  return { term, count, inTitle };
};

describe('rankPassages', () => {
  it("puts Joseph's story first for an article about the famine and orphans", () => {
    const ranked = rank([d('North Korea', 6, true), d('famine', 5, true), d('starvation', 2), d('orphan', 2)]);
    expect(storyOf(ranked[0]?.passage ?? -1)).toBe('josephs-story-part-1-2024');
  });

  it("puts Lindsey Miller's story first for an article about women and the markets", () => {
    const ranked = rank([
      d('North Korea', 4, true),
      d('private market', 3, true),
      d('women', 6),
      d('Tongil Market', 1),
    ]);
    expect(storyOf(ranked[0]?.passage ?? -1)).toBe('women-in-north-korea-2023');
  });

  it('shows nothing for places alone: a missile-test report names Pyongyang and Seoul', () => {
    expect(rank([d('North Korea', 8, true), d('Pyongyang', 4), d('South Korea', 5)])).toEqual([]);
  });

  it('does not count a context word met once in passing', () => {
    expect(rank([d('North Korea', 5, true), d('market', 1)])).toEqual([]);
  });

  it('explains each passage by the terms that earned it, never by the country', () => {
    const ranked = rank([d('North Korea', 6, true), d('famine', 5, true), d('starvation', 2)]);
    const why = ranked.flatMap((r) => r.terms.map((t) => index.terms[t]?.term));
    expect(why).toContain('starvation');
    expect(why).not.toContain('North Korea');
  });

  it('shows at most three passages of one story and six in all', () => {
    const ranked = rank([
      d('North Korea', 6, true),
      d('famine', 5, true),
      d('starvation', 4),
      d('orphan', 2),
      d('defector', 3),
      d('women', 4),
    ]);
    expect(ranked.length).toBeLessThanOrEqual(6);
    const perStory = new Map<string, number>();
    for (const r of ranked) perStory.set(storyOf(r.passage) ?? '', (perStory.get(storyOf(r.passage) ?? '') ?? 0) + 1);
    expect(Math.max(...perStory.values())).toBeLessThanOrEqual(3);
  });

  it('lets no imported collection crowd the others out: the sources take turns, the best first', () => {
    // A synthetic archive written for this test (not testimony): twelve passages that say
    // the article's words more often than any real story does.
    const paragraph = (i: number) =>
      `Synthetic ${i}: famine, famine and starvation; the orphan of the famine, starvation again, another orphan, famine.`;
    const archive = [1, 2, 3, 4].map((n) =>
      parseStory(
        `synthetic-archive-${n}.md`,
        `---\nid: synthetic-archive-${n}\ntitle: Synthetic ${n}\nnarrator: Synthetic teller\npublisher: Synthetic archive\ndate: 2020-01-01\nurl: https://example.org/${n}\ntopics: famine\nprovenance: witness\n---\n\n${[1, 2, 3].map((i) => paragraph(i)).join('\n\n')}\n`,
      ),
    );
    const bundled = buildCorpusFromData();
    const stories = [...bundled.stories, ...archive];
    const page = [d('North Korea', 6, true), d('famine', 5, true), d('starvation', 2), d('orphan', 2)];
    const sourceOf = (i: ReturnType<typeof loadCorpusIndex>) => (r: { passage: number }) =>
      storyOfPassage(i, r.passage).id.startsWith('synthetic-') ? 'archive' : 'bundled';

    const imported = loadCorpusIndex(
      packIndex(stories, bundled.terms, (story) => (story.id.startsWith('synthetic-') ? 'synthetic-archive' : '')),
    );
    const shown = rankPassages(imported, page);
    expect(shown.map(sourceOf(imported))).toEqual(['archive', 'bundled', 'archive', 'bundled', 'archive', 'bundled']);
    expect(storyOfPassage(imported, shown[1]?.passage ?? -1).id).toBe('josephs-story-part-1-2024');

    // The same stories as one source: the archive's passages, all stronger, fill the panel.
    const oneSource = loadCorpusIndex(packIndex(stories, bundled.terms));
    expect(rankPassages(oneSource, page).map(sourceOf(oneSource))).toEqual(Array(6).fill('archive'));
  });

  it('ignores terms it does not know (a lexicon from an older build)', () => {
    expect(rank([{ term: 'no such term', count: 9, inTitle: true }])).toEqual([]);
  });
});
