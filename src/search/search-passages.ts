import { findTerms } from '@/src/detect/lexicon';
import { tokenize } from '@/src/detect/tokens';
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

/**
 * Search as you type over all passages: lexicon phrases in the query ("Tumen River",
 * "탈북자") reach their passages through the term links; every other word reaches passages
 * through the vocabulary, exactly, as a prefix, or through Fuse's typo tolerance.
 * Passages that answer every part of the query come first.
 */
export function searchPassages(index: CorpusIndex, query: string, limit = 20): RankedPassage[] {
  const tokens = tokenize(query);
  if (tokens.length === 0) return [];
  const hits = new Map<number, Hit>();
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
    for (const [w, similarity] of similarWords(index, tok.key, i === tokens.length - 1)) {
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

  const sorted = [...hits].sort(([pa, a], [pb, b]) => b.covered.size - a.covered.size || b.score - a.score || pa - pb);
  // Only the passages that answer as much of the query as the best one does.
  const topCoverage = sorted[0]?.[1].covered.size ?? 0;
  return sorted
    .filter(([, h]) => h.covered.size >= topCoverage)
    .slice(0, limit)
    .map(([p, h]) => ({ passage: p, score: h.score, terms: [...h.terms], marks: searchMarks(index, p, h) }));
}

/** Vocabulary words that a typed word may stand for, with a similarity in (0, 1]. */
function similarWords(index: CorpusIndex, key: string, last: boolean): Map<number, number> {
  const out = new Map<number, number>();
  const exact = index.words.get(key);
  if (exact !== undefined) out.set(exact, 1);
  // A finished word (one the corpus has) is taken as typed; an unfinished one as a prefix.
  if (last && exact === undefined && key.length >= 2) {
    const vocab = index.bundle.vocabulary;
    for (let w = lowerBound(vocab, key), n = 0; w < vocab.length && n < PREFIX_WORDS; w++, n++) {
      if (!(vocab[w] as string).startsWith(key)) break;
      if (!out.has(w)) out.set(w, PREFIX_SIMILARITY);
    }
  }
  // A word the corpus has is not a typo: "famine" must not also find "families". Short
  // words are too close to too many others ("kim", "him") to guess at.
  if (exact === undefined && key.length >= MIN_FUZZY_LENGTH) {
    for (const r of index.vocabulary.search(key, { limit: FUZZY_WORDS })) {
      const score = r.score ?? 1;
      if (score > MAX_FUZZY_SCORE) continue;
      const similarity = 1 - score;
      if ((out.get(r.refIndex) ?? 0) < similarity) out.set(r.refIndex, similarity);
    }
  }
  return out;
}

function searchMarks(index: CorpusIndex, p: number, h: Hit): [number, number][] {
  const text = passageAt(index, p).text;
  const words = new Set([...h.words].map((w) => index.bundle.vocabulary[w]));
  const marks: [number, number][] = tokenize(text)
    .filter((t) => words.has(t.key))
    .map((t) => [t.start, t.end]);
  if (h.terms.size > 0) {
    for (const th of findTerms(text, index.matcher)) {
      if (h.terms.has(th.term)) marks.push([th.start, th.end]);
    }
  }
  return marks.sort((a, b) => a[0] - b[0]);
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
