/**
 * Popup search on the labelled queries (eval/search-queries.ts): the real `searchPassages`
 * over the index the extension ships, built from data/ as eval/evaluate.ts builds it.
 */

import { type CorpusIndex, loadBundleIndex, passageIdAt } from '../src/search/corpus-index';
import { buildCorpusFromData } from '../src/search/read-data';
import { searchPassages } from '../src/search/search-passages';
import { type SearchQuery, searchQueries } from './search-queries';

export const SEARCH_TARGETS = { recallAt5: 0.95 };
/** The popup's first screen: what a reader sees without scrolling. */
const TOP = 5;

export interface QueryOutcome {
  query: SearchQuery;
  /** Passage ids the search returned, in order. */
  found: string[];
  /** Share of the expected passages among the first five (of at most five expected). */
  recallAt5: number;
  /** 1 / the rank of the first expected passage; 0 when none was returned. */
  reciprocalRank: number;
  /** Expected passages not among the first five. */
  missing: string[];
}

export interface SearchScores {
  queries: number;
  recallAt5: number;
  mrr: number;
}

export interface SearchEvaluation {
  outcomes: QueryOutcome[];
  overall: SearchScores;
  byLang: Record<SearchQuery['lang'], SearchScores>;
  byKind: Record<SearchQuery['kind'], SearchScores>;
  /** The queries the search was changed against, and those written after (search-queries.ts). */
  bySet: Record<'first' | 'held out', SearchScores>;
  /** The queries with an expected passage outside the first five. */
  misses: QueryOutcome[];
}

/** Runs every query through the popup's search and scores what it returned. */
export function evaluateSearch(
  queries: readonly SearchQuery[] = searchQueries,
  index: CorpusIndex = loadBundleIndex(buildCorpusFromData()),
): SearchEvaluation {
  const outcomes = queries.map((query): QueryOutcome => {
    const found = searchPassages(index, query.query).map((r) => passageIdAt(index, r.passage));
    const top = found.slice(0, TOP);
    const missing = query.expect.filter((id) => !top.includes(id));
    const first = found.findIndex((id) => query.expect.includes(id));
    return {
      query,
      found,
      recallAt5: (query.expect.length - missing.length) / Math.min(TOP, query.expect.length),
      reciprocalRank: first < 0 ? 0 : 1 / (first + 1),
      missing,
    };
  });
  const scoresOf = (some: QueryOutcome[]): SearchScores => ({
    queries: some.length,
    recallAt5: mean(some.map((o) => Math.min(1, o.recallAt5))),
    mrr: mean(some.map((o) => o.reciprocalRank)),
  });
  const by = <K extends string>(key: (q: SearchQuery) => K, keys: readonly K[]) =>
    Object.fromEntries(keys.map((k) => [k, scoresOf(outcomes.filter((o) => key(o.query) === k))])) as Record<
      K,
      SearchScores
    >;
  return {
    outcomes,
    overall: scoresOf(outcomes),
    byLang: by((q) => q.lang, ['en', 'ko']),
    byKind: by((q) => q.kind, ['word', 'words', 'typo', 'romanisation', 'korean']),
    bySet: by((q) => (q.heldOut ? 'held out' : 'first'), ['first', 'held out']),
    misses: outcomes.filter((o) => o.missing.length > 0),
  };
}

export function meetsSearchTargets(e: SearchEvaluation): boolean {
  return e.overall.recallAt5 >= SEARCH_TARGETS.recallAt5;
}

/** The evaluation as printed lines: the misses, then the scores, overall, per language, per kind and per set. */
export function formatSearchEval(e: SearchEvaluation): string[] {
  const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
  const row = (name: string, s: SearchScores) =>
    `  ${name.padEnd(14)} ${String(s.queries).padStart(3)}   recall@5 ${pct(s.recallAt5).padStart(7)}   MRR ${s.mrr.toFixed(3)}`;
  return [
    `popup search: ${e.outcomes.length} labelled queries (eval/search-queries.ts)`,
    ...e.misses.map(
      (o) =>
        `  MISS ${JSON.stringify(o.query.query)} (${o.query.kind}): ${o.missing.map(shortId).join(' ')} not in the top ${TOP}; top ${TOP}: ${o.found.slice(0, TOP).map(shortId).join(' ') || '—'}`,
    ),
    row('all', e.overall),
    ...Object.entries(e.byLang).map(([lang, s]) => row(`lang ${lang}`, s)),
    ...Object.entries(e.byKind).map(([kind, s]) => row(kind, s)),
    ...Object.entries(e.bySet).map(([set, s]) => row(set, s)),
    `recall@5 target ≥ ${pct(SEARCH_TARGETS.recallAt5)}: ${meetsSearchTargets(e) ? 'met' : 'BELOW TARGET'}`,
  ];
}

const shortStory: Record<string, string> = {
  'josephs-story-part-1-2024': 'joseph',
  'women-in-north-korea-2023': 'women',
  'gay-north-korea-2005': 'gay-nk',
};
function shortId(id: string): string {
  const cut = id.lastIndexOf('-p');
  return `${shortStory[id.slice(0, cut)] ?? id.slice(0, cut)}${id.slice(cut)}`;
}

function mean(xs: number[]): number {
  return xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length;
}
