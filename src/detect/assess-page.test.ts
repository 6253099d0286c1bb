import { describe, expect, it } from 'vitest';
import { compileLexicon, type Term } from '@/src/lexicon/lexicon';
import { articleEvidence } from './assess-page';
import type { Article } from './extract-article';

const t = (term: string, aliases: string[], more: Partial<Term> = {}): Term => ({
  term,
  kind: 'topic',
  weight: 2,
  gate: false,
  context: false,
  aliases,
  ...more,
});
const matcher = compileLexicon([
  t('North Korea', ['North Korea'], { gate: true, kind: 'country' }),
  t('famine', ['famine', 'starvation']),
  t('Seoul', ['Seoul'], { kind: 'place', context: true }),
]);

/** The background's decision on an article: its terms, or [] for a page not about North Korea. */
const assessArticle = (article: Article, lexicon: typeof matcher) => articleEvidence(article, lexicon).terms;

// Synthetic article text written for these tests.
describe("the background's reading of an article", () => {
  it('reports the terms of an article about North Korea, with counts and headline presence', () => {
    const detected = assessArticle(
      {
        title: 'Remembering the famine',
        paragraphs: ['In North Korea the famine of the 1990s...', 'Starvation took a million lives in North Korea.'],
      },
      matcher,
    );
    expect(detected).toEqual([
      { term: 'famine', count: 2, inTitle: true },
      { term: 'North Korea', count: 2, inTitle: false },
    ]);
  });

  it('shows nothing on a football report that mentions Seoul', () => {
    expect(
      assessArticle({ title: 'United win late', paragraphs: ['Signed from FC Seoul, he scored twice.'] }, matcher),
    ).toEqual([]);
  });

  it('needs more than one passing mention of North Korea in the body', () => {
    const passing = { title: 'Grain prices', paragraphs: ['Famine fears grow in the Sahel, as once in North Korea.'] };
    expect(assessArticle(passing, matcher)).toEqual([]);
    expect(assessArticle({ ...passing, title: 'North Korea and the Sahel' }, matcher)).not.toEqual([]);
  });
});

describe('"the North"', () => {
  const defector = {
    title: 'A refugee finishes school abroad',
    paragraphs: [
      'She left North Korea at fourteen. SYNTHETIC test text written for this test.',
      'In the North, she says, school stopped when the food ran out.',
    ],
  };

  it('counts toward the gate beside a gate term: a defector story that names the country once is read', () => {
    expect(assessArticle(defector, matcher)).not.toEqual([]);
    // Control: without "the North" the one mention is a passing one.
    const once = {
      ...defector,
      paragraphs: [defector.paragraphs[0] as string, 'School stopped when the food ran out.'],
    };
    expect(assessArticle(once, matcher)).toEqual([]);
  });

  it('never stands for the country alone, and "the North Korean…" is not counted twice', () => {
    const england = {
      title: 'Rail fares',
      paragraphs: ['In the North, fares rose again.', 'The North of England waits.'],
    };
    expect(assessArticle(england, matcher)).toEqual([]);
    // "the North Korean…" is not "the North": one mention of the country is still one.
    const korean = { title: 'Markets', paragraphs: ['North Korea again.', 'Markets of the North Korean towns.'] };
    expect(assessArticle(korean, matcher)).toEqual([]);
  });
});
