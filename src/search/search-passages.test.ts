import { describe, expect, it } from 'vitest';
import { buildCorpusFromData } from '@/src/corpus/read-data';
import { loadCorpusIndex } from './corpus-index';
import { searchPassages } from './search-passages';

const index = loadCorpusIndex(buildCorpusFromData());
const ids = (query: string) => searchPassages(index, query).map((r) => index.bundle.passages[r.passage]?.id);
const texts = (query: string) => searchPassages(index, query).map((r) => index.bundle.passages[r.passage]?.text ?? '');

describe('searchPassages', () => {
  it('finds Tongil Market through the typo "Tongl market"', () => {
    expect(texts('Tongl market')[0]).toContain('Tongil Market');
  });

  it('understands a romanisation variant: "Hamgyong" finds North Hamgyeong Province', () => {
    expect(texts('Hamgyong')[0]).toContain('North Hamgyeong Province');
  });

  it('understands Korean: "탈북자" (defector) finds the passages about defecting and escaping', () => {
    const found = texts('탈북자');
    expect(found.some((t) => /defect/i.test(t))).toBe(true);
    expect(found.every((t) => /defect|escap/i.test(t))).toBe(true);
  });

  it('searches as you type: an unfinished last word counts as a prefix', () => {
    expect(texts('orpha')[0]).toContain('orphaned');
  });

  it('puts passages that answer every word first', () => {
    const [first] = texts('father starvation');
    expect(first).toMatch(/father/i);
    expect(first).toMatch(/starvation/i);
  });

  it('finds a story by its teller', () => {
    expect(ids('Lindsey Miller').every((id) => id?.startsWith('women-in-north-korea-2023-'))).toBe(true);
    expect(ids('Lindsey Miller').length).toBeGreaterThan(0);
  });

  it('marks the matched words in the passage', () => {
    const [top] = searchPassages(index, 'Tongl market');
    const text = index.bundle.passages[top?.passage ?? -1]?.text ?? '';
    const marked = (top?.marks ?? []).map(([s, e]) => text.slice(s, e).toLowerCase());
    expect(marked).toContain('tongil');
    expect(marked).toContain('market');
  });

  it('does not guess at words the corpus has, or at short words', () => {
    // "kim" is the teller's name (Joseph Kim), not "him" or "daytime".
    expect(texts('kim')[0]).toContain('Kim Kwang Jin');
    expect(ids('kim').every((id) => id?.startsWith('josephs-story-part-1-2024-'))).toBe(true);
    // "famine" reaches the famine and (through the lexicon) starvation, never "families".
    expect(texts('famine').every((t) => /famine|starvation/i.test(t))).toBe(true);
  });

  it('finds nothing for nothing, and nothing for words the corpus does not have', () => {
    expect(ids('')).toEqual([]);
    expect(ids('   ')).toEqual([]);
    expect(ids('xylophone quasar')).toEqual([]);
  });
});
