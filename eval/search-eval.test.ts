import { describe, expect, it } from 'vitest';
import { findPassage, loadBundleIndex } from '../src/search/corpus-index';
import { buildCorpusFromData } from '../src/search/read-data';
import { evaluateSearch, formatSearchEval, meetsSearchTargets, SEARCH_TARGETS } from './search-eval';
import { searchQueries } from './search-queries';

describe('popup search on the labelled queries (eval/search-queries.ts)', () => {
  const index = loadBundleIndex(buildCorpusFromData());
  const evaluation = evaluateSearch(searchQueries, index);

  it('has at least 40 queries, of every kind and in both languages, each expecting passages the corpus has', () => {
    expect(searchQueries.length).toBeGreaterThanOrEqual(40);
    expect(new Set(searchQueries.map((q) => q.query)).size).toBe(searchQueries.length);
    for (const kind of ['word', 'words', 'typo', 'romanisation', 'korean'] as const) {
      expect(searchQueries.filter((q) => q.kind === kind).length, kind).toBeGreaterThanOrEqual(5);
    }
    expect(evaluation.byLang.ko.queries).toBeGreaterThanOrEqual(10);
    for (const q of searchQueries) {
      expect(q.expect.length, q.query).toBeGreaterThan(0);
      expect(q.expect.length, q.query).toBeLessThanOrEqual(5);
      for (const id of q.expect) expect(findPassage(index, id), `${q.query}: ${id}`).toBeDefined();
    }
  });

  it(`finds ≥ ${SEARCH_TARGETS.recallAt5 * 100} % of the expected passages in the first five`, () => {
    expect(meetsSearchTargets(evaluation), formatSearchEval(evaluation).join('\n')).toBe(true);
    expect(evaluation.overall.recallAt5).toBeGreaterThanOrEqual(0.95);
  });

  it('prints the misses and the scores overall and per language', () => {
    const lines = formatSearchEval(evaluation);
    expect(lines.filter((l) => l.includes('MISS'))).toHaveLength(evaluation.misses.length);
    expect(lines.some((l) => /all .*recall@5 .*MRR/.test(l))).toBe(true);
    expect(lines.some((l) => /lang en /.test(l))).toBe(true);
    expect(lines.some((l) => /lang ko /.test(l))).toBe(true);
  });

  it('scores recall@5 and the reciprocal rank of the first expected passage', () => {
    const [outcome] = evaluateSearch(
      [
        {
          query: 'father starvation',
          lang: 'en',
          kind: 'words',
          expect: ['josephs-story-part-1-2024-p06', 'gay-north-korea-2005-p01'],
        },
      ],
      index,
    ).outcomes;
    // Joseph's own fear of starvation comes second; the GlobalGayz commentary not at all.
    expect(outcome?.reciprocalRank).toBe(1 / 2);
    expect(outcome?.recallAt5).toBe(1 / 2);
    expect(outcome?.missing).toEqual(['gay-north-korea-2005-p01']);
  });
});
