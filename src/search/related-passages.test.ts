import { describe, expect, it } from 'vitest';
import { findTerms } from '@/src/lexicon/lexicon';
import { buildCorpusFromData } from '@/src/search/read-data';
import { allPassages, findPassage, loadBundleIndex, passageAt } from './corpus-index';
import { relatedPassages } from './related-passages';

const index = loadBundleIndex(buildCorpusFromData());
const { stories, terms } = index;
const passages = allPassages(index);

/** The one passage of a story whose text says `words` (found by text: passage numbers may change). */
function passageSaying(storyId: string, words: string): string {
  const found = passages.filter((p) => p.storyId === storyId && p.text.includes(words));
  if (found.length !== 1) throw new Error(`${found.length} passages of ${storyId} say "${words}"`);
  return (found[0] as (typeof passages)[number]).id;
}

const related = (storyId: string, passageId?: string) =>
  relatedPassages(index, storyId, passageId === undefined ? {} : { passageId }).map((r) => ({
    ...r,
    id: passages[r.passage]?.id ?? '',
    storyId: passages[r.passage]?.storyId ?? '',
    text: passages[r.passage]?.text ?? '',
    why: r.terms.map((t) => terms[t]?.term ?? ''),
  }));

/** The lexicon terms a text says, by label. */
const said = (text: string) => new Set(findTerms(text, index.matcher).map((h) => terms[h.term]?.term));

const JOSEPH = 'josephs-story-part-1-2024';
const WOMEN = 'women-in-north-korea-2023';
const GAY = 'gay-north-korea-2005';

describe('relatedPassages', () => {
  it("relates Joseph's father's death by starvation to the famine the women survived", () => {
    const found = related(JOSEPH, passageSaying(JOSEPH, 'my father died of starvation'));
    expect(found[0]?.id).toBe(passageSaying(WOMEN, 'devastating famine in the 90s'));
    expect(found[0]?.why).toContain('famine');
  });

  it("relates Joseph's escape to the defection of the man in the gay story, and to the famine", () => {
    const found = related(JOSEPH, passageSaying(JOSEPH, 'I decided to escape'));
    expect(found.map((r) => r.id)).toContain(passageSaying(GAY, 'he escaped to China in a bid to defect'));
    expect(found.map((r) => r.id)).toContain(passageSaying(WOMEN, 'devastating famine in the 90s'));
  });

  it('never offers a passage of the same story, for any passage or story', () => {
    for (const p of passages) {
      for (const r of related(p.storyId, p.id)) expect(r.storyId).not.toBe(p.storyId);
    }
    for (const s of stories) {
      const found = related(s.id);
      expect(found.length).toBeGreaterThan(0);
      for (const r of found) expect(r.storyId).not.toBe(s.id);
    }
  });

  it('offers at most three passages, at most two of one story', () => {
    for (const p of [...passages.map((p) => [p.storyId, p.id] as const), ...stories.map((s) => [s.id] as const)]) {
      const found = related(p[0], p[1]);
      expect(found.length).toBeLessThanOrEqual(3);
      for (const r of found) expect(found.filter((o) => o.storyId === r.storyId).length).toBeLessThanOrEqual(2);
    }
    // One per story, when asked: the escape relates to two passages of the gay story.
    const escapePassage = passageSaying(JOSEPH, 'I decided to escape');
    const onePerStory = relatedPassages(index, JOSEPH, { passageId: escapePassage, perStory: 1 });
    expect(onePerStory.map((r) => passages[r.passage]?.storyId).sort()).toEqual([GAY, WOMEN]);
  });

  it('explains every passage by subjects its text says, marked where it says them, never by the country', () => {
    for (const p of passages) {
      for (const r of related(p.storyId, p.id)) {
        expect(r.why.length).toBeGreaterThan(0);
        expect(r.why).not.toContain('North Korea');
        const inText = said(r.text);
        for (const term of r.why) expect(inText).toContain(term);
        expect(r.marks.length).toBeGreaterThan(0);
        for (const [start, end] of r.marks) expect(end).toBeGreaterThan(start);
      }
    }
  });

  it('relates nothing through a common word alone: an introduction that shares only "family"', () => {
    const intro = passageSaying(JOSEPH, 'my Korean name is Kim Kwang Jin');
    expect(said(passageAt(index, findPassage(index, intro) ?? -1).text)).toContain('family');
    expect(related(JOSEPH, intro)).toEqual([]);
  });

  it('does not relate the gay story to a famine passage, nor a market visit to a report on Cuba', () => {
    const starvation = related(JOSEPH, passageSaying(JOSEPH, 'my father died of starvation'));
    expect(starvation.every((r) => r.storyId !== GAY)).toBe(true);
    expect(related(WOMEN, passageSaying(WOMEN, 'Tongil Market'))).toEqual([]);
  });

  it('puts the strongest relation first', () => {
    for (const s of stories) {
      const scores = relatedPassages(index, s.id).map((r) => r.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    }
  });

  it('finds nothing for a story or passage it does not know, or a passage of another story', () => {
    expect(related('no-such-story')).toEqual([]);
    expect(related(JOSEPH, 'josephs-story-part-1-2024-p999')).toEqual([]);
    expect(related(JOSEPH, passageSaying(WOMEN, 'devastating famine in the 90s'))).toEqual([]);
  });

  it('respects a smaller limit', () => {
    expect(relatedPassages(index, JOSEPH, { limit: 1 })).toHaveLength(1);
  });
});
