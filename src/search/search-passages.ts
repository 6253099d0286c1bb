import Fuse, { type FuseResultMatch } from 'fuse.js';
import { PROVENANCES } from '@/src/corpus/types';
import { findTerms, type TermHit } from '@/src/lexicon/lexicon';
import { type Token, takesSuffixes, tokenize } from '@/src/lexicon/tokens';
import type { SearchFilters } from '@/src/messaging/protocol';
import { type CorpusIndex, findWord, passageTermHits, passageText, perIndex, termPassages } from './corpus-index';
import type { RankedPassage } from './excerpt-cards';
import { gapReader, listHas, listOf, lowerBound } from './packed-index';
import { rereadQuery } from './word-breaks';
import { typoDistance, wordsStartingWithin, wordsWithin } from './words-within';

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

/** For tests: the search without its shortcuts, the answer they must give exactly. */
export interface SearchShortcuts {
  /** Read every list of passages whole, and add up every passage reached. */
  everyListWhole?: boolean;
  /** The query as typed, its words not broken or joined (see word-breaks.ts). */
  asTyped?: boolean;
  /** How many of the query's words are searched for: a reread query has more than were typed. */
  maxWords?: number;
}

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
  shortcuts: SearchShortcuts = {},
): RankedPassage[] {
  const { everyListWhole = false, asTyped = false, maxWords = MAX_QUERY_WORDS } = shortcuts;
  const keep = passageFilter(index, filters);
  // A pasted paragraph is not a query: its first words are (and the work stays bounded).
  const tokens = tokenize(query).slice(0, maxWords);
  if (tokens.length === 0) {
    if (!keep) return [];
    const all: RankedPassage[] = [];
    for (let p = 0; p < index.passageCount && all.length < limit; p++) {
      if (keep(p)) all.push({ passage: p, score: 0, terms: [], marks: [] });
    }
    return all;
  }
  const work = scratch(index);
  const { score, covered } = work;

  // A lexicon phrase in the query ("Tumen River", "탈북자") reaches its term's passages.
  const termHits = findTerms(query.slice(0, tokens[tokens.length - 1]?.end), index.matcher);
  const hitOf: (TermHit | undefined)[] = tokens.map((tok) =>
    termHits.find((th) => tok.start >= th.start && tok.end <= th.end),
  );
  if (!asTyped) {
    // Words written together or apart that the corpus writes the other way ("kwangjin").
    const reread = rereadQuery(
      index,
      query,
      tokens,
      (tok, last) => {
        const { words, terms } = similarWords(index, tok.key, last);
        return words.size === 0 && terms.size === 0;
      },
      (i) => hitOf[i] !== undefined,
    );
    if (reread !== undefined) {
      // The reread query ends with the last word read: all of its words count.
      const all = { ...shortcuts, asTyped: true, maxWords: Number.POSITIVE_INFINITY };
      return searchPassages(index, reread, limit, filters, all);
    }
  }
  // Which characters of each vocabulary word the query matched, for the marks.
  const readings = new Map<number, [number, number][]>();
  // The terms typos and unfinished words stand for ("famin" → famine), for the marks and the why.
  const readTerms = new Set<number>();
  const plan: QueryPlan = {
    phrases: termHits.map((th) => ({
      passages: termPassages(index, th.term),
      add: 2 * (index.termIdf[th.term] as number),
    })),
    words: tokens.map((tok, i) => {
      const { words, terms } = similarWords(index, tok.key, i === tokens.length - 1);
      for (const [w, { matched }] of words) {
        // Two typed words may reach one word ("famine fam"): it is marked as far as either matched.
        readings.set(w, [...(readings.get(w) ?? []), ...matched]);
      }
      for (const t of terms.keys()) readTerms.add(t);
      const hit = hitOf[i];
      return {
        ...(hit ? { hit: termPassages(index, hit.term) } : {}),
        words: [...words].map(([w, { similarity }]): [number, number] => [
          w,
          similarity * (index.wordIdf[w] as number),
        ]),
        terms: [...terms].map(([t, similarity]): [Uint32Array, number] => [
          termPassages(index, t),
          similarity * 2 * (index.termIdf[t] as number),
        ]),
      };
    }),
  };

  let reached: number;
  let chosen: number[];
  const only = plan.words[0];
  if (!everyListWhole && plan.words.length === 1 && plan.phrases.length === 0 && only && isOneList(only)) {
    // One word read one way: every passage it reaches answers it alike, with the same
    // score; the first `limit` in order are the answer ("to" reaches nearly every passage).
    [reached, chosen] = firstOfOneList(index, work, only, limit, keep);
  } else {
    // Lists longer than `large` are first read only for the passages the shorter lists
    // reach ("orphans in china": "in" is read for the passages on orphans or China), when
    // the passages outside those cannot be among the best: see `outside`.
    const large = everyListWhole ? Number.POSITIVE_INFINITY : Math.max(LARGE_LIST, index.passageCount >> 4);
    reached = addUp(index, work, plan, large);
    chosen = choose(work, reached, limit, keep);
    const bound = reached < index.passageCount ? outside(index, plan, large) : undefined;
    const floor = chosen[limit - 1];
    const safe =
      bound === undefined ||
      (floor !== undefined &&
        ((covered[floor] as number) > bound.covered ||
          ((covered[floor] as number) === bound.covered && (score[floor] as number) > bound.score * (1 + 1e-9))));
    if (!safe) {
      reset(work, reached, index.passageCount);
      reached = addUp(index, work, plan, Number.POSITIVE_INFINITY);
      chosen = choose(work, reached, limit, keep);
    }
  }
  const typedTerms = [...new Set(termHits.map((th) => th.term))];
  const readOnly = [...readTerms].filter((t) => !typedTerms.includes(t));
  const marking = markQuery(index, typedTerms, readOnly, readings);
  const out = chosen.map((p) => {
    const here = (t: number) => listHas(termPassages(index, t), p);
    const typed = typedTerms.filter(here);
    const read = readOnly.filter(here);
    const marks = searchMarks(index, p, typed, read, marking);
    return { passage: p, score: score[p] as number, terms: [...typed, ...read], marks };
  });
  reset(work, reached, index.passageCount);
  return out;
}

/** Below this many passages a list is never read in part (see searchPassages). */
const LARGE_LIST = 1024;

/** A query, as the lists of passages it reads and what each earns a passage. */
interface QueryPlan {
  /** The lexicon phrases typed: their term's passages, and the score each earns. */
  phrases: { passages: Uint32Array; add: number }[];
  words: TypedWord[];
}

/** A typed word: a passage answers it through any of its lists, and earns its best reading's score. */
interface TypedWord {
  /** The passages of the lexicon phrase the word is part of. */
  hit?: Uint32Array;
  /** Vocabulary words it may stand for, with the score each earns. */
  words: [number, number][];
  /** Terms it may stand for (their passages), with the score each earns. */
  terms: [Uint32Array, number][];
}

const isOneList = (word: TypedWord) => !word.hit && word.terms.length === 0 && word.words.length === 1;

/** The answer to one word read one way: the first `limit` passages of its list that pass the filters. */
function firstOfOneList(
  index: CorpusIndex,
  { score, covered, touched, seen }: Scratch,
  word: TypedWord,
  limit: number,
  keep: ((p: number) => boolean) | undefined,
): [number, number[]] {
  const [w, wordScore] = word.words[0] as [number, number];
  const chosen: number[] = [];
  // The varint gaps decoded as read, only as far as needed.
  const { open, more, next } = gapReader(index.packed.wordPassages);
  for (open(w); more() && chosen.length < limit; ) {
    const p = next();
    if (keep && !keep(p)) continue;
    seen[p] = 1;
    touched[chosen.length] = p;
    // As addUp would add it up: from 0, the word's score, no term's.
    score[p] = 0 + wordScore;
    covered[p] = 1;
    chosen.push(p);
  }
  return [chosen.length, chosen];
}

/**
 * Adds up what the query earns each passage (score) and how many of its words each answers
 * (covered), noting every passage reached (touched, seen). Lists longer than `large` add
 * only to passages a shorter list reached.
 */
function addUp(index: CorpusIndex, work: Scratch, plan: QueryPlan, large: number): number {
  const { score, covered, best, bestTerm, touched, seen, touchedByWord, seenByWord } = work;
  const wordPassages = index.packed.wordPassages;
  // A word's passages are read from their varint gaps as the loops go, into no array: at
  // 50,000 passages one would hold 200 kB for the index's life.
  const { open, more, next } = gapReader(wordPassages);
  let reached = 0;
  const partly = large < Number.POSITIVE_INFINITY;
  if (partly) {
    // First every passage a short list reaches: the only ones the long lists are read for.
    const mark = (list: ArrayLike<number>, n: number) => {
      for (let k = 0; k < n; k++) {
        const p = list[k] as number;
        if (seen[p] === 0) {
          seen[p] = 1;
          touched[reached++] = p;
        }
      }
    };
    for (const { passages } of plan.phrases) if (passages.length <= large) mark(passages, passages.length);
    for (const word of plan.words) {
      if (word.hit && word.hit.length <= large) mark(word.hit, word.hit.length);
      for (const [w] of word.words) {
        if ((wordPassages.count[w] as number) > large) continue;
        for (open(w); more(); ) {
          const q = next();
          if (seen[q] === 0) {
            seen[q] = 1;
            touched[reached++] = q;
          }
        }
      }
      for (const [list] of word.terms) if (list.length <= large) mark(list, list.length);
    }
  }
  // The loops below are written out, not calls per passage: a common word ("in", "to")
  // reaches nearly every passage, and at 50,000 passages each call counted (issue 13).
  for (const { passages, add } of plan.phrases) {
    const onlySeen = passages.length > large;
    for (const p of passages) {
      if (seen[p] === 0) {
        if (onlySeen) continue;
        seen[p] = 1;
        touched[reached++] = p;
      }
      score[p] = (score[p] as number) + add;
    }
  }
  for (const word of plan.words) {
    if (isOneList(word)) {
      // A word read one way only (a word of the corpus, typed in full) answers each passage
      // of its list once: its score goes straight to the passage.
      const [w, wordScore] = word.words[0] as [number, number];
      const onlySeen = (wordPassages.count[w] as number) > large;
      for (open(w); more(); ) {
        const p = next();
        if (seen[p] === 0) {
          if (onlySeen) continue;
          seen[p] = 1;
          touched[reached++] = p;
        }
        // The sum the general case makes, best + bestTerm, with no term to add.
        score[p] = (score[p] as number) + wordScore;
        covered[p] = (covered[p] as number) + 1;
      }
      continue;
    }
    // Every typed word is a part of the query, inside a lexicon phrase or not: a passage
    // answers it through the phrase's term or through the word itself ("markets" is answered
    // by "the private markets" though the phrase there is "private market"; issue 11).
    let reachedByWord = 0;
    if (word.hit) {
      const onlySeen = word.hit.length > large;
      for (const p of word.hit) {
        if (seen[p] === 0) {
          if (onlySeen) continue;
          seen[p] = 1;
          touched[reached++] = p;
        }
        if (seenByWord[p] === 0) {
          seenByWord[p] = 1;
          touchedByWord[reachedByWord++] = p;
        }
      }
    }
    // One typed word earns a passage the score of its best reading there, not the sum of
    // every word it might stand for ("kim" is Kim, not Kim + kimchi).
    for (const [w, wordScore] of word.words) {
      const onlySeen = (wordPassages.count[w] as number) > large;
      for (open(w); more(); ) {
        const p = next();
        if (seen[p] === 0) {
          if (onlySeen) continue;
          seen[p] = 1;
          touched[reached++] = p;
        }
        if (seenByWord[p] === 0) {
          seenByWord[p] = 1;
          touchedByWord[reachedByWord++] = p;
        }
        if (wordScore > (best[p] as number)) best[p] = wordScore;
      }
    }
    // A typo or an unfinished word stands for the word it reads as, lexicon term and all, as
    // that word typed in full would: "famin" reaches the starvation that famine brought.
    for (const [list, termScore] of word.terms) {
      const onlySeen = list.length > large;
      for (const p of list) {
        if (seen[p] === 0) {
          if (onlySeen) continue;
          seen[p] = 1;
          touched[reached++] = p;
        }
        if (seenByWord[p] === 0) {
          seenByWord[p] = 1;
          touchedByWord[reachedByWord++] = p;
        }
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
  }
  return reached;
}

/**
 * The most a passage that no list of `large` or fewer passages reaches can earn: only the
 * long lists reach it, so it answers at most the words that have one, and earns at most
 * their best scores and the long phrases'. Undefined when no list is long.
 */
function outside(index: CorpusIndex, plan: QueryPlan, large: number): { covered: number; score: number } | undefined {
  let anyLong = false;
  let coveredMost = 0;
  let scoreMost = 0;
  for (const { passages, add } of plan.phrases) {
    if (passages.length > large) {
      anyLong = true;
      scoreMost += add;
    }
  }
  for (const word of plan.words) {
    let long = word.hit !== undefined && word.hit.length > large;
    let wordMost = 0;
    let termMost = 0;
    for (const [w, wordScore] of word.words) {
      if ((index.packed.wordPassages.count[w] as number) > large) {
        long = true;
        wordMost = Math.max(wordMost, wordScore);
      }
    }
    for (const [list, termScore] of word.terms) {
      if (list.length > large) {
        long = true;
        termMost = Math.max(termMost, termScore);
      }
    }
    if (long) {
      anyLong = true;
      coveredMost++;
      scoreMost += wordMost + termMost;
    }
  }
  // Without a long list, every list was read whole: no passage is outside.
  return anyLong ? { covered: coveredMost, score: scoreMost } : undefined;
}

/**
 * The best `limit` passages reached that pass the filters: those that answer more of the
 * query first, without dropping those that answer less (issue 11: "market women" keeps the
 * passages on women alone, after those on both); then by score, then position. In one
 * pass, no sorting of every passage reached.
 */
function choose(
  { score, covered, touched }: Scratch,
  reached: number,
  limit: number,
  keep: ((p: number) => boolean) | undefined,
): number[] {
  const better = (a: number, b: number) =>
    (covered[a] as number) > (covered[b] as number) ||
    (covered[a] === covered[b] && ((score[a] as number) > (score[b] as number) || (score[a] === score[b] && a < b)));
  const chosen: number[] = [];
  // The last chosen, once `limit` are: most passages reached fall below it, told at once.
  let floor = -1;
  for (let k = 0; k < reached; k++) {
    const p = touched[k] as number;
    if (floor >= 0) {
      const cp = covered[p] as number;
      const cf = covered[floor] as number;
      if (
        cp < cf ||
        (cp === cf && ((score[p] as number) < (score[floor] as number) || (score[p] === score[floor] && p > floor)))
      )
        continue;
    }
    if (keep && !keep(p)) continue;
    let at = chosen.length;
    while (at > 0 && better(p, chosen[at - 1] as number)) at--;
    chosen.splice(at, 0, p);
    if (chosen.length > limit) chosen.pop();
    if (chosen.length === limit) floor = chosen[limit - 1] as number;
  }
  return chosen;
}

/** Clears what a search added up: passage by passage, or whole arrays when it reached many. */
function reset({ score, covered, touched, seen }: Scratch, reached: number, passageCount: number): void {
  if (reached > passageCount >> 3) {
    score.fill(0);
    covered.fill(0);
    seen.fill(0);
    return;
  }
  for (let k = 0; k < reached; k++) {
    const p = touched[k] as number;
    score[p] = 0;
    covered[p] = 0;
    seen[p] = 0;
  }
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

/** What a typed word may stand for: vocabulary words and terms, with a similarity in (0, 1]. */
function similarWords(index: CorpusIndex, key: string, last: boolean): Readings {
  const { readings } = scratch(index);
  const asked = `${last ? '+' : '='}${key}`;
  const known = readings.get(asked);
  if (known) return known;
  const words = new Map<number, WordReading>();
  const terms = new Map<number, number>();
  // The lexicon's one-word aliases, the words a reader may mean that no passage says, only
  // their terms' links (kotjebi, jangmadang).
  const aliases = index.aliasWords;
  const readAs = (ts: Iterable<number>, similarity: number) => {
    for (const t of ts) terms.set(t, Math.max(similarity, terms.get(t) ?? 0));
  };
  const aliasTerms = (alias: number) => listOf(index.packed.aliasWordTerms, alias);
  const exact = findWord(index, key);
  const alias = lowerBound(aliases, key);
  const isAlias = aliases[alias] === key;
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
      for (let a = alias, n = 0; a < aliases.length && n < PREFIX_WORDS; a++, n++) {
        if (!(aliases[a] as string).startsWith(key)) break;
        readAs(aliasTerms(a), PREFIX_SIMILARITY);
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
    for (const { at, similarity } of typosOf(aliases, key, last)) {
      readAs(aliasTerms(at), similarity);
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
  // The words that start with a typo of the key (a typo of a whole word is one of its
  // start), then those Fuse's scan would find: the same words, in the same order, as a
  // scan of the whole list, at a fraction of its cost.
  const starts = wordsStartingWithin(list, key, errors);
  const near = wordsWithin(
    starts.map((w) => list[w] as string),
    key,
    errors,
  )
    .map((i) => starts[i] as number)
    .filter((w) => last || typoDistance(key, list[w] as string, errors) <= errors);
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
 * A shown passage's words and terms, as its marks read them. A keystroke mostly shows again
 * passages the one before showed: kept for the last SHOWN_KEPT passages shown, so each is
 * tokenized once while the reader types (issue 13: tokenizing every card's text twice
 * took half of a keystroke's time).
 */
interface ShownPassage {
  text: string;
  tokens: Token[];
}
const SHOWN_KEPT = 64;
const shownPassages = perIndex(() => new Map<number, ShownPassage>());

function shownPassage(index: CorpusIndex, p: number): ShownPassage {
  const kept = shownPassages(index);
  const known = kept.get(p);
  if (known) {
    // Most recently used last, so the first entry is the one to let go.
    kept.delete(p);
    kept.set(p, known);
    return known;
  }
  const text = passageText(index, p);
  const shown: ShownPassage = { text, tokens: tokenize(text) };
  // A passage whose text is not at hand yet reads as '' (withText reads it and runs again).
  if (text !== '') {
    if (kept.size >= SHOWN_KEPT) kept.delete(kept.keys().next().value as number);
    kept.set(p, shown);
  }
  return shown;
}

/** What a search marks, made once for all its passages. */
interface MarkQuery {
  /** Every word the query reached, by key, with the characters matched. */
  words: ReadonlyMap<string, [number, number][]>;
  /** Terms typed and terms read, each with every term they reach through `also`. */
  typed: ReadonlySet<number>;
  read: ReadonlySet<number>;
}

function markQuery(
  index: CorpusIndex,
  typedTerms: readonly number[],
  readTerms: readonly number[],
  readings: ReadonlyMap<number, [number, number][]>,
): MarkQuery {
  return {
    words: new Map([...readings].map(([w, matched]) => [index.vocabulary[w] as string, matched])),
    // 탈북자 reaches the passages about defectors through `also`: mark "defector" there.
    typed: withAlso(index, new Set(typedTerms)),
    read: withAlso(index, new Set(readTerms)),
  };
}

/**
 * What to mark in a passage: the characters each matched word was matched on ("fam" in
 * "famine", the letters of "tongl" that Fuse found in "tongil"), whole terms typed, and
 * the terms a typo or an unfinished word stands for where no word was marked ("famin"
 * marks "starvation", and only "famin" in "famine"). `typedTerms` and `readTerms` are
 * those of the query this passage has.
 */
function searchMarks(
  index: CorpusIndex,
  p: number,
  typedTerms: readonly number[],
  readTerms: readonly number[],
  query: MarkQuery,
): [number, number][] {
  const { text, tokens } = shownPassage(index, p);
  // Every word the query reached: those of this passage's text are the ones its postings hold.
  const { words } = query;
  const marks: [number, number][] = [];
  for (const t of tokens) {
    const matched = words.get(t.key);
    if (matched === undefined) continue;
    // A word's key is folded ("Families" → "family"): its characters map onto the text's
    // only as far as the two agree; a match reaching beyond marks the whole word.
    const agree = commonPrefixLength(text.slice(t.start, t.end).toLowerCase(), t.key);
    if (matched.some(([, end]) => end > agree)) marks.push([t.start, t.end]);
    else for (const [start, end] of matched) marks.push([t.start + start, t.start + end]);
  }
  if (typedTerms.length + readTerms.length > 0) {
    const wordMarks = marks.length;
    for (const th of passageTermHits(index, p)) {
      const unmarked = () => !marks.slice(0, wordMarks).some(([s, e]) => s < th.end && e > th.start);
      if (query.typed.has(th.term) || (query.read.has(th.term) && unmarked())) marks.push([th.start, th.end]);
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
