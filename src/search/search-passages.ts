import type { FuseResultMatch } from 'fuse.js';
import { findTerms } from '@/src/detect/lexicon';
import { tokenize } from '@/src/detect/tokens';
import type { SearchFilters } from '@/src/messaging/protocol';
import { type CorpusIndex, passageAt } from './corpus-index';
import type { RankedPassage } from './excerpt-cards';

/** Fuse scores above this are too far from the typed word to count (0 = exact). */
const MAX_FUZZY_SCORE = 0.34;
/** How many near words one typed word may stand for. */
const FUZZY_WORDS = 8;
/** Words shorter than this are matched exactly or as a prefix, never fuzzily. */
const MIN_FUZZY_LENGTH = 4;
/** As-you-type: the last word may be unfinished, so words it begins count too. */
const PREFIX_WORDS = 30;
const PREFIX_SIMILARITY = 0.8;

interface Hit {
  score: number;
  /** Which query parts (words, or lexicon terms) this passage answers. */
  covered: Set<number>;
  words: Set<number>;
  terms: Set<number>;
}

/** A vocabulary word a typed word stands for, and which of its characters the typing matched. */
interface WordReading {
  similarity: number;
  /** [start, end) ranges in the word's key: all of it, the typed prefix, or Fuse's match indices. */
  matched: [number, number][];
}

/**
 * Search as you type over all passages: lexicon phrases in the query ("Tumen River",
 * "탈북자") reach their passages through the term links; every other word reaches passages
 * through the vocabulary, exactly, as a prefix, or through Fuse's typo tolerance.
 * Passages that answer every part of the query come first. With filters, only passages
 * that pass them; with filters and no words, every passage that passes them, in order.
 */
export function searchPassages(
  index: CorpusIndex,
  query: string,
  limit = 20,
  filters: SearchFilters = {},
): RankedPassage[] {
  const keep = passageFilter(index, filters);
  const tokens = tokenize(query);
  if (tokens.length === 0) {
    if (!keep) return [];
    const all: RankedPassage[] = [];
    for (let p = 0; p < index.bundle.passages.length && all.length < limit; p++) {
      if (keep(p)) all.push({ passage: p, score: 0, terms: [], marks: [] });
    }
    return all;
  }
  const hits = new Map<number, Hit>();
  // Which characters of each vocabulary word the query matched, for the marks.
  const readings = new Map<number, [number, number][]>();
  const hitFor = (p: number) => {
    let h = hits.get(p);
    if (!h) {
      h = { score: 0, covered: new Set(), words: new Set(), terms: new Set() };
      hits.set(p, h);
    }
    return h;
  };

  // Tokens inside a lexicon phrase are answered by the phrase's term.
  const inTerm = new Set<number>();
  const termHits = findTerms(query, index.matcher);
  termHits.forEach((th, part) => {
    const queryPart = -1 - part;
    tokens.forEach((tok, i) => {
      if (tok.start >= th.start && tok.end <= th.end) inTerm.add(i);
    });
    for (const p of index.bundle.termPassages[th.term] ?? []) {
      const h = hitFor(p);
      h.score += 2 * (index.termIdf[th.term] as number);
      h.covered.add(queryPart);
      h.terms.add(th.term);
    }
  });

  tokens.forEach((tok, i) => {
    // One typed word earns a passage the score of its best reading there, not the sum of
    // every word it might stand for ("kim" is Kim, not Kim + kimchi).
    const best = new Map<number, number>();
    for (const [w, { similarity, matched }] of similarWords(index, tok.key, i === tokens.length - 1)) {
      // Two typed words may reach one word ("famine fam"): it is marked as far as either matched.
      readings.set(w, [...(readings.get(w) ?? []), ...matched]);
      const score = similarity * (index.wordIdf[w] as number);
      for (const p of index.bundle.postings[w] ?? []) {
        const h = hitFor(p);
        best.set(p, Math.max(best.get(p) ?? 0, score));
        // A word inside a matched phrase still adds to the score but is not a separate part.
        if (!inTerm.has(i)) h.covered.add(i);
        h.words.add(w);
      }
    }
    for (const [p, score] of best) hitFor(p).score += score;
  });

  if (keep) {
    for (const p of hits.keys()) if (!keep(p)) hits.delete(p);
  }
  const sorted = [...hits].sort(([pa, a], [pb, b]) => b.covered.size - a.covered.size || b.score - a.score || pa - pb);
  // Only the passages that answer as much of the query as the best one does.
  const topCoverage = sorted[0]?.[1].covered.size ?? 0;
  return sorted
    .filter(([, h]) => h.covered.size >= topCoverage)
    .slice(0, limit)
    .map(([p, h]) => ({ passage: p, score: h.score, terms: [...h.terms], marks: searchMarks(index, p, h, readings) }));
}

/** The filters as a test on passage positions; undefined when nothing is filtered. */
function passageFilter(index: CorpusIndex, { topic, provenance, storyId }: SearchFilters) {
  if (topic === undefined && provenance === undefined && storyId === undefined) return undefined;
  return (p: number): boolean => {
    const passage = passageAt(index, p);
    if (storyId !== undefined && passage.storyId !== storyId) return false;
    if (provenance !== undefined && passage.provenance !== provenance) return false;
    // Topics belong to stories (data/README.md): a passage has its story's topics.
    return topic === undefined || (index.stories.get(passage.storyId)?.topics.includes(topic) ?? false);
  };
}

/** Vocabulary words that a typed word may stand for, with a similarity in (0, 1]. */
function similarWords(index: CorpusIndex, key: string, last: boolean): Map<number, WordReading> {
  const out = new Map<number, WordReading>();
  const exact = index.words.get(key);
  if (exact !== undefined) out.set(exact, { similarity: 1, matched: [[0, key.length]] });
  // A finished word (one the corpus has) is taken as typed; an unfinished one as a prefix.
  if (last && exact === undefined && key.length >= 2) {
    const vocab = index.bundle.vocabulary;
    for (let w = lowerBound(vocab, key), n = 0; w < vocab.length && n < PREFIX_WORDS; w++, n++) {
      if (!(vocab[w] as string).startsWith(key)) break;
      if (!out.has(w)) out.set(w, { similarity: PREFIX_SIMILARITY, matched: [[0, key.length]] });
    }
  }
  // A word the corpus has is not a typo: "famine" must not also find "families". Short
  // words are too close to too many others ("kim", "him") to guess at.
  if (exact === undefined && key.length >= MIN_FUZZY_LENGTH) {
    for (const r of index.vocabulary.search(key, { limit: FUZZY_WORDS })) {
      const score = r.score ?? 1;
      if (score > MAX_FUZZY_SCORE) continue;
      const similarity = 1 - score;
      if ((out.get(r.refIndex)?.similarity ?? 0) < similarity) {
        out.set(r.refIndex, { similarity, matched: fuseRanges(r.matches, r.item.length) });
      }
    }
  }
  return out;
}

/** Fuse's match indices ([start, end] inclusive) as [start, end) ranges; all of the word without them. */
function fuseRanges(matches: readonly FuseResultMatch[] | undefined, length: number): [number, number][] {
  const ranges = (matches ?? []).flatMap((m) => m.indices.map(([start, end]): [number, number] => [start, end + 1]));
  return ranges.length > 0 ? ranges : [[0, length]];
}

/**
 * What to mark in a passage: the characters each matched word was matched on ("fam" in
 * "famine", the letters of "tongl" that Fuse found in "tongil"), and whole matched terms.
 */
function searchMarks(
  index: CorpusIndex,
  p: number,
  h: Hit,
  readings: ReadonlyMap<number, [number, number][]>,
): [number, number][] {
  const text = passageAt(index, p).text;
  const words = new Map([...h.words].map((w) => [index.bundle.vocabulary[w], readings.get(w)]));
  const marks: [number, number][] = [];
  for (const t of tokenize(text)) {
    if (!words.has(t.key)) continue;
    const matched = words.get(t.key);
    // A word's key is folded ("Families" → "family"): its characters map onto the text's
    // only as far as the two agree; a match reaching beyond marks the whole word.
    const agree = commonPrefixLength(text.slice(t.start, t.end).toLowerCase(), t.key);
    if (!matched || matched.some(([, end]) => end > agree)) marks.push([t.start, t.end]);
    else for (const [start, end] of matched) marks.push([t.start + start, t.start + end]);
  }
  if (h.terms.size > 0) {
    // 탈북자 reaches the passages about defectors through `also`: mark "defector" there.
    const terms = withAlso(index, h.terms);
    for (const th of findTerms(text, index.matcher)) {
      if (terms.has(th.term)) marks.push([th.start, th.end]);
    }
  }
  return marks.sort((a, b) => a[0] - b[0]);
}

/** The terms, and every term they reach through `also`, transitively. */
function withAlso(index: CorpusIndex, terms: ReadonlySet<number>): Set<number> {
  const out = new Set(terms);
  const queue = [...terms];
  for (let t = queue.pop(); t !== undefined; t = queue.pop()) {
    for (const name of index.bundle.terms[t]?.also ?? []) {
      const next = index.termIndex.get(name);
      if (next !== undefined && !out.has(next)) {
        out.add(next);
        queue.push(next);
      }
    }
  }
  return out;
}

function commonPrefixLength(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

function lowerBound(sorted: string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as string) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
