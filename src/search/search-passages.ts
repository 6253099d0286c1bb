import Fuse, { type FuseResultMatch } from 'fuse.js';
import { PROVENANCES } from '@/src/corpus/types';
import { findTerms, type TermHit } from '@/src/lexicon/lexicon';
import { takesSuffixes, tokenize } from '@/src/lexicon/tokens';
import type { SearchFilters } from '@/src/messaging/protocol';
import { type CorpusIndex, findWord, passageText, perIndex, termPassages } from './corpus-index';
import type { RankedPassage } from './excerpt-cards';
import { forEachGap, listHas, lowerBound } from './packed-index';
import { typoDistance, wordsWithin } from './words-within';

/** Fuse scores above this are too far from the typed word to count (0 = exact). */
const MAX_FUZZY_SCORE = 0.34;
/** How many near words one typed word may stand for. */
const FUZZY_WORDS = 8;
/** Words shorter than this are matched exactly or as a prefix, never fuzzily. */
const MIN_FUZZY_LENGTH = 4;
/** As-you-type: the last word may be unfinished, so words it begins count too. */
const PREFIX_WORDS = 30;
const PREFIX_SIMILARITY = 0.8;
/** Words of a query beyond these are not searched for. */
const MAX_QUERY_WORDS = 32;

/** A vocabulary word a typed word stands for, and which of its characters the typing matched. */
interface WordReading {
  similarity: number;
  /** [start, end) ranges in the word's key: all of it, the typed prefix, or Fuse's match indices. */
  matched: [number, number][];
}

/**
 * Per index, the arrays a search adds up in, made once (at 50,000 passages a map entry per
 * reached passage costs more than the search itself), and the readings of recently typed
 * words: as-you-type asks for the same first words at every keystroke.
 */
interface Scratch {
  score: Float64Array;
  /** How many words of the query a passage answers. */
  covered: Uint16Array;
  /** The best reading's score of the current word, per passage. */
  best: Float64Array;
  /** The best score a term that the current word's reading names earns, per passage. */
  bestTerm: Float64Array;
  touched: Uint32Array;
  seen: Uint8Array;
  touchedByWord: Uint32Array;
  seenByWord: Uint8Array;
  readings: Map<string, Readings>;
}
const scratch = perIndex(
  ({ passageCount: n }): Scratch => ({
    score: new Float64Array(n),
    covered: new Uint16Array(n),
    best: new Float64Array(n),
    bestTerm: new Float64Array(n),
    touched: new Uint32Array(n),
    seen: new Uint8Array(n),
    touchedByWord: new Uint32Array(n),
    seenByWord: new Uint8Array(n),
    readings: new Map(),
  }),
);
const READINGS_KEPT = 256;

/**
 * Search as you type over all passages: lexicon phrases in the query ("Tumen River",
 * "탈북자") reach their passages through the term links; every word reaches passages
 * through the vocabulary, exactly, as a prefix, or through Fuse's typo tolerance, and a
 * typo or prefix also through the term of the word it reads as. Each typed word counts,
 * inside a phrase or not: passages that answer every word come first, then those that
 * answer fewer, each by score. With filters, only passages that pass them; with filters
 * and no words, every passage that passes them, in order.
 */
export function searchPassages(
  index: CorpusIndex,
  query: string,
  limit = 20,
  filters: SearchFilters = {},
): RankedPassage[] {
  const keep = passageFilter(index, filters);
  // A pasted paragraph is not a query: its first words are (and the work stays bounded).
  const tokens = tokenize(query).slice(0, MAX_QUERY_WORDS);
  if (tokens.length === 0) {
    if (!keep) return [];
    const all: RankedPassage[] = [];
    for (let p = 0; p < index.passageCount && all.length < limit; p++) {
      if (keep(p)) all.push({ passage: p, score: 0, terms: [], marks: [] });
    }
    return all;
  }
  const { score, covered, best, bestTerm, touched, seen, touchedByWord, seenByWord } = scratch(index);
  let reached = 0;
  const touch = (p: number) => {
    if (seen[p] === 0) {
      seen[p] = 1;
      touched[reached++] = p;
    }
  };

  // A lexicon phrase in the query ("Tumen River", "탈북자") reaches its term's passages.
  const termHits = findTerms(query.slice(0, tokens[tokens.length - 1]?.end), index.matcher);
  const hitOf: (TermHit | undefined)[] = tokens.map((tok) =>
    termHits.find((th) => tok.start >= th.start && tok.end <= th.end),
  );
  for (const th of termHits) {
    const add = 2 * (index.termIdf[th.term] as number);
    for (const p of termPassages(index, th.term)) {
      touch(p);
      score[p] = (score[p] as number) + add;
    }
  }

  // Which characters of each vocabulary word the query matched, for the marks.
  const readings = new Map<number, [number, number][]>();
  // The terms typos and unfinished words stand for ("famin" → famine), for the marks and the why.
  const readTerms = new Set<number>();
  tokens.forEach((tok, i) => {
    // Every typed word is a part of the query, inside a lexicon phrase or not: a passage
    // answers it through the phrase's term or through the word itself ("markets" is answered
    // by "the private markets" though the phrase there is "private market"; issue 11).
    let reachedByWord = 0;
    const answers = (p: number) => {
      touch(p);
      if (seenByWord[p] === 0) {
        seenByWord[p] = 1;
        touchedByWord[reachedByWord++] = p;
      }
    };
    const hit = hitOf[i];
    if (hit) for (const p of termPassages(index, hit.term)) answers(p);
    // One typed word earns a passage the score of its best reading there, not the sum of
    // every word it might stand for ("kim" is Kim, not Kim + kimchi).
    const { words, terms } = similarWords(index, tok.key, i === tokens.length - 1);
    for (const [w, { similarity, matched }] of words) {
      // Two typed words may reach one word ("famine fam"): it is marked as far as either matched.
      readings.set(w, [...(readings.get(w) ?? []), ...matched]);
      const wordScore = similarity * (index.wordIdf[w] as number);
      forEachGap(index.packed.wordPassages, w, (p) => {
        answers(p);
        if (wordScore > (best[p] as number)) best[p] = wordScore;
      });
    }
    // A typo or an unfinished word stands for the word it reads as, lexicon term and all, as
    // that word typed in full would: "famin" reaches the starvation that famine brought.
    for (const [t, similarity] of terms) {
      readTerms.add(t);
      const termScore = similarity * 2 * (index.termIdf[t] as number);
      for (const p of termPassages(index, t)) {
        answers(p);
        if (termScore > (bestTerm[p] as number)) bestTerm[p] = termScore;
      }
    }
    for (let k = 0; k < reachedByWord; k++) {
      const p = touchedByWord[k] as number;
      score[p] = (score[p] as number) + (best[p] as number) + (bestTerm[p] as number);
      covered[p] = (covered[p] as number) + 1;
      best[p] = 0;
      bestTerm[p] = 0;
      seenByWord[p] = 0;
    }
  });

  // Passages that answer more of the query first, without dropping those that answer less
  // (issue 11: "market women" keeps the passages on women alone, after those on both); then
  // by score, then position: the best `limit` in one pass, no sorting of every passage reached.
  const better = (a: number, b: number) =>
    (covered[a] as number) > (covered[b] as number) ||
    (covered[a] === covered[b] && ((score[a] as number) > (score[b] as number) || (score[a] === score[b] && a < b)));
  const chosen: number[] = [];
  for (let k = 0; k < reached; k++) {
    const p = touched[k] as number;
    if (keep && !keep(p)) continue;
    if (chosen.length === limit && !better(p, chosen[limit - 1] as number)) continue;
    let at = chosen.length;
    while (at > 0 && better(p, chosen[at - 1] as number)) at--;
    chosen.splice(at, 0, p);
    if (chosen.length > limit) chosen.pop();
  }
  const typedTerms = [...new Set(termHits.map((th) => th.term))];
  const readOnly = [...readTerms].filter((t) => !typedTerms.includes(t));
  const out = chosen.map((p) => {
    const here = (t: number) => listHas(termPassages(index, t), p);
    const typed = typedTerms.filter(here);
    const read = readOnly.filter(here);
    const marks = searchMarks(index, p, typed, read, readings);
    return { passage: p, score: score[p] as number, terms: [...typed, ...read], marks };
  });
  for (let k = 0; k < reached; k++) {
    const p = touched[k] as number;
    score[p] = 0;
    covered[p] = 0;
    seen[p] = 0;
  }
  return out;
}

/** The filters as a test on passage positions; undefined when nothing is filtered. */
function passageFilter(index: CorpusIndex, { topic, provenance, storyId }: SearchFilters) {
  if (topic === undefined && provenance === undefined && storyId === undefined) return undefined;
  const voice = provenance === undefined ? -1 : PROVENANCES.indexOf(provenance);
  // Topics belong to stories (data/README.md): a passage has its story's topics.
  const storyPasses = index.stories.map(
    (s) => (storyId === undefined || s.id === storyId) && (topic === undefined || s.topics.includes(topic)),
  );
  return (p: number): boolean =>
    (storyPasses[index.passageStory[p] as number] ?? false) && (voice < 0 || index.packed.provenance[p] === voice);
}

/** What a typed word may stand for. */
interface Readings {
  /** Vocabulary words, by position. */
  words: Map<number, WordReading>;
  /**
   * For a typo or an unfinished word: the terms of what it reads as, a word of the corpus
   * or an alias no passage says ("kotjebbi", "jangma" while it is typed), with the similarity.
   */
  terms: Map<number, number>;
}

/**
 * The lexicon's one-word aliases as word keys, sorted, and each one's terms: the words a
 * reader may mean that no passage says, only the term's links (kotjebi, jangmadang).
 */
const aliasWords = perIndex((index) => {
  const termsOf = new Map<string, number[]>();
  for (const [first, list] of index.matcher.starts) {
    for (const [term, rest] of list) if (rest.length === 0) termsOf.set(first, [...(termsOf.get(first) ?? []), term]);
  }
  const keys = [...termsOf.keys()].sort();
  return { keys, terms: keys.map((k) => termsOf.get(k) as number[]) };
});

/** What a typed word may stand for: vocabulary words and terms, with a similarity in (0, 1]. */
function similarWords(index: CorpusIndex, key: string, last: boolean): Readings {
  const { readings } = scratch(index);
  const asked = `${last ? '+' : '='}${key}`;
  const known = readings.get(asked);
  if (known) return known;
  const words = new Map<number, WordReading>();
  const terms = new Map<number, number>();
  const aliases = aliasWords(index);
  const readAs = (ts: readonly number[], similarity: number) => {
    for (const t of ts) terms.set(t, Math.max(similarity, terms.get(t) ?? 0));
  };
  const exact = findWord(index, key);
  const alias = lowerBound(aliases.keys, key);
  const isAlias = aliases.keys[alias] === key;
  if (exact !== undefined) words.set(exact, { similarity: 1, matched: [[0, key.length]] });
  // Terms are read for words long enough to say which they are ("fa" could be far too
  // many); a Hangul syllable says more than a letter.
  const termsToo = key.length >= MIN_FUZZY_LENGTH || (takesSuffixes(key) && key.length >= 2);
  // A finished word (one the corpus or the lexicon has) is taken as typed; an unfinished one as a prefix.
  if (last && exact === undefined && !isAlias && key.length >= 2) {
    const vocab = index.vocabulary;
    for (let w = lowerBound(vocab, key), n = 0; w < vocab.length && n < PREFIX_WORDS; w++, n++) {
      if (!(vocab[w] as string).startsWith(key)) break;
      words.set(w, { similarity: PREFIX_SIMILARITY, matched: [[0, key.length]] });
    }
    if (termsToo) {
      for (let a = alias, n = 0; a < aliases.keys.length && n < PREFIX_WORDS; a++, n++) {
        if (!(aliases.keys[a] as string).startsWith(key)) break;
        readAs(aliases.terms[a] as number[], PREFIX_SIMILARITY);
      }
    }
  }
  // A word the corpus or the lexicon has is not a typo: "famine" must not also find
  // "families"; nor is the start of words they have ("famin" is famine being typed, not
  // "family" mistyped). Short words are too close to too many others ("kim", "him") to guess at.
  if (words.size === 0 && terms.size === 0 && !isAlias && key.length >= MIN_FUZZY_LENGTH) {
    for (const { at, similarity, matched } of typosOf(index.vocabulary, key, last)) {
      if ((words.get(at)?.similarity ?? 0) < similarity) words.set(at, { similarity, matched });
    }
    for (const { at, similarity } of typosOf(aliases.keys, key, last)) {
      readAs(aliases.terms[at] as number[], similarity);
    }
  }
  // The typed word itself, if a term's, is found in the query (findTerms); the terms of the
  // words it may stand for are read here.
  if (termsToo) {
    for (const [w, { similarity }] of words) {
      if (w !== exact)
        readAs(
          findTerms(index.vocabulary[w] as string, index.matcher).map((th) => th.term),
          similarity,
        );
    }
  }
  const out = { words, terms };
  if (readings.size >= READINGS_KEPT) readings.clear();
  readings.set(asked, out);
  return out;
}

/**
 * The words of a sorted list that a typed word is a typo of, by Fuse's score: a typo of
 * the whole word, or of its start while it is being typed; not of a piece of a longer one.
 */
function typosOf(
  list: readonly string[],
  key: string,
  last: boolean,
): { at: number; similarity: number; matched: [number, number][] }[] {
  const errors = Math.floor(MAX_FUZZY_SCORE * key.length);
  const near = wordsWithin(list, key, errors).filter(
    (w) => typoDistance(key, list[w] as string, errors, last) <= errors,
  );
  const fuse = new Fuse(
    near.map((w) => list[w] as string),
    // Typo tolerance on single words: a threshold that lets "tongl" reach "tongil" and
    // "hamgyong" reach "hamgyeong"; short words are kept out of it (similarWords).
    // includeMatches: the characters a typo matched, which the cards mark.
    {
      includeScore: true,
      includeMatches: true,
      threshold: MAX_FUZZY_SCORE,
      ignoreLocation: true,
      minMatchCharLength: 2,
    },
  );
  return fuse
    .search(key, { limit: FUZZY_WORDS })
    .filter((r) => (r.score ?? 1) <= MAX_FUZZY_SCORE)
    .map((r) => ({
      at: near[r.refIndex] as number,
      similarity: 1 - (r.score ?? 1),
      matched: fuseRanges(r.matches, r.item.length),
    }));
}

/** Fuse's match indices ([start, end] inclusive) as [start, end) ranges; all of the word without them. */
function fuseRanges(matches: readonly FuseResultMatch[] | undefined, length: number): [number, number][] {
  const ranges = (matches ?? []).flatMap((m) => m.indices.map(([start, end]): [number, number] => [start, end + 1]));
  return ranges.length > 0 ? ranges : [[0, length]];
}

/**
 * What to mark in a passage: the characters each matched word was matched on ("fam" in
 * "famine", the letters of "tongl" that Fuse found in "tongil"), whole terms typed, and
 * the terms a typo or an unfinished word stands for where no word was marked ("famin"
 * marks "starvation", and only "famin" in "famine").
 */
function searchMarks(
  index: CorpusIndex,
  p: number,
  typedTerms: readonly number[],
  readTerms: readonly number[],
  readings: ReadonlyMap<number, [number, number][]>,
): [number, number][] {
  const text = passageText(index, p);
  // Every word the query reached: those of this passage's text are the ones its postings hold.
  const words = new Map([...readings].map(([w, matched]) => [index.vocabulary[w], matched]));
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
  if (typedTerms.length + readTerms.length > 0) {
    // 탈북자 reaches the passages about defectors through `also`: mark "defector" there.
    const typed = withAlso(index, new Set(typedTerms));
    const read = withAlso(index, new Set(readTerms));
    const wordMarks = marks.length;
    for (const th of findTerms(text, index.matcher)) {
      const unmarked = () => !marks.slice(0, wordMarks).some(([s, e]) => s < th.end && e > th.start);
      if (typed.has(th.term) || (read.has(th.term) && unmarked())) marks.push([th.start, th.end]);
    }
  }
  return marks.sort((a, b) => a[0] - b[0]);
}

/** The terms, and every term they reach through `also`, transitively. */
function withAlso(index: CorpusIndex, terms: ReadonlySet<number>): Set<number> {
  const out = new Set(terms);
  const queue = [...terms];
  for (let t = queue.pop(); t !== undefined; t = queue.pop()) {
    for (const name of index.terms[t]?.also ?? []) {
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
