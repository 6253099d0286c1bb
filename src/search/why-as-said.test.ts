import { describe, expect, it } from 'vitest';
import { articleEvidence } from '@/src/detect/assess-page';
import { compileLexicon, type Term } from '@/src/lexicon/lexicon';
import { whyAsSaid } from './why-as-said';

// SYNTHETIC lexicon and articles for these tests.
const terms: Term[] = [
  { term: 'North Korea', kind: 'country', gate: true, weight: 1, aliases: ['North Korea', '북한'] },
  { term: 'border guard', kind: 'topic', weight: 3, aliases: ['border guard', '국경경비대', '국경경비대원'] },
  { term: 'women', kind: 'topic', weight: 2, aliases: ['women', 'woman', '여성'] },
] as Term[];
const matcher = compileLexicon(terms);
const read = (title: string, ...paragraphs: string[]) => articleEvidence({ title, paragraphs }, matcher);

describe('"why this" as the article says it', () => {
  it('shows an English article’s words as written, not their keys, possessives as their word', () => {
    const reading = read(
      'North Korea',
      'In North Korea a woman goes to the market. North Korea’s families and women’s work.',
    );
    expect(whyAsSaid(['women', 'goe', 'family'], reading, terms)).toEqual(['women', 'goes', 'families']);
  });

  it('keeps the labels of terms in an English article, and says nothing when nothing differs', () => {
    const reading = read('North Korea', 'North Korea: the border guard and the women of North Korea.');
    expect(whyAsSaid(['border guard', 'women'], reading, terms)).toBeUndefined();
  });

  it('shows a Korean article’s own word for a term, without its particle', () => {
    const reading = read('북한', '북한 국경경비대에 붙잡힌 여성이 북한에서 추방됐다. 북한 여성');
    expect(whyAsSaid(['border guard', 'women'], reading, terms)).toEqual(['국경경비대', '여성']);
  });
});
