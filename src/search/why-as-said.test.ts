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
const termOf = (list: readonly Term[]) => (label: string) => list.find((t) => t.term === label);
const read = (title: string, ...paragraphs: string[]) => articleEvidence({ title, paragraphs }, matcher);

describe('"why this" as the article says it', () => {
  it('shows an English article’s words as written, not their keys, possessives as their word', () => {
    const reading = read(
      'North Korea',
      'In North Korea a woman goes to the market. North Korea’s families and women’s work.',
    );
    expect(whyAsSaid(['women', 'goe', 'family'], reading, termOf(terms))).toEqual(['women', 'goes', 'families']);
  });

  it('keeps the labels of terms in an English article, and says nothing when nothing differs', () => {
    const reading = read('North Korea', 'North Korea: the border guard and the women of North Korea.');
    expect(whyAsSaid(['border guard', 'women'], reading, termOf(terms))).toBeUndefined();
  });

  it('shows a Korean article’s own word for a term, without its particle', () => {
    const reading = read('북한', '북한 국경경비대에 붙잡힌 여성이 북한에서 추방됐다. 북한 여성');
    expect(whyAsSaid(['border guard', 'women'], reading, termOf(terms))).toEqual(['국경경비대', '여성']);
  });

  it('shows the form the article first writes, and each word once', () => {
    // "school" first, "schools" after: the article's first word stands.
    const reading = read('North Korea', 'In North Korea the school was shut. Two schools, a woman, women.');
    expect(whyAsSaid(['school', 'women'], reading, termOf(terms))).toBeUndefined();
    // Two labels the article writes alike are said once.
    const twice = read('North Korea', 'North Korea: cosmetics.');
    expect(whyAsSaid(['cosmetic', 'cosmetics'], twice, termOf(terms))).toEqual(['cosmetics']);
  });

  it('keeps an English article’s label for a term it also gives in Hangul, after the English', () => {
    const reading = read('North Korea and the border guard', 'The border guard (국경경비대) of North Korea.');
    expect(whyAsSaid(['border guard'], reading, termOf(terms))).toBeUndefined();
  });

  it('gives a phrase whose words each carry a particle as the term’s own Hangul', () => {
    const phrase: Term[] = [
      ...terms,
      { term: 'North Korean women', kind: 'topic', weight: 3, aliases: ['North Korean women', '북한 여성'] } as Term,
    ];
    const reading = articleEvidence(
      { title: '북한', paragraphs: ['북한의 여성들이 북한에서 일한다.'] },
      compileLexicon(phrase),
    );
    const said = reading.said.find(([, t]) => t === 'North Korean women')?.[0];
    // The control: the article says the phrase with particles on both words.
    expect(said).toBe('북한의 여성들이');
    expect(whyAsSaid(['North Korean women'], reading, termOf(phrase))).toEqual(['북한 여성']);
  });
});
