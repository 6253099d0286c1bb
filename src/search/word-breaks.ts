import { type Token, takesSuffixes } from '@/src/lexicon/tokens';
import { type CorpusIndex, findWord } from './corpus-index';
import { lowerBound } from './packed-index';

/** A word is broken into at most this many words (Lucene's WordBreakSpellChecker: maxChanges). */
const MAX_PARTS = 3;
/** No piece shorter than this: "a" and "i" would break almost anything. */
const MIN_PART = 2;
/** Shorter typed words are not broken: too many ways to read them. */
const MIN_BROKEN = 5;

const has = (sorted: readonly string[], key: string) => sorted[lowerBound(sorted, key)] === key;
const hasStarting = (sorted: readonly string[], key: string) =>
  sorted[lowerBound(sorted, key)]?.startsWith(key) === true;

/** A word the corpus or the lexicon has; or, for a word still being typed, the start of one. */
function known(index: CorpusIndex, key: string, unfinished: boolean): boolean {
  if (findWord(index, key) !== undefined || has(index.aliasParts, key)) return true;
  return unfinished && (hasStarting(index.vocabulary, key) || hasStarting(index.aliasParts, key));
}

/**
 * The fewest known words a key is written together from ("kwangjin" → kwang, jin), at
 * most MAX_PARTS, each a whole word at least MIN_PART long (a piece that only starts a
 * word would read "careful" as "care ful"). Of equally few, the one whose shortest piece
 * is longest. Undefined when there is no such reading.
 */
export function breakKey(index: CorpusIndex, key: string): string[] | undefined {
  if (key.length < MIN_BROKEN || takesSuffixes(key)) return undefined;
  // best[i]: the best reading of key[0, i), as its pieces.
  const best: (string[] | undefined)[] = [[]];
  const better = (a: string[], b: string[] | undefined) =>
    b === undefined ||
    a.length < b.length ||
    (a.length === b.length && Math.min(...a.map((p) => p.length)) > Math.min(...b.map((p) => p.length)));
  for (let end = MIN_PART; end <= key.length; end++) {
    for (let start = 0; start <= end - MIN_PART; start++) {
      const before = best[start];
      if (before === undefined || before.length >= MAX_PARTS) continue;
      const piece = key.slice(start, end);
      if (!known(index, piece, false)) continue;
      const reading = [...before, piece];
      if (better(reading, best[end])) best[end] = reading;
    }
  }
  const whole = best[key.length];
  return whole !== undefined && whole.length >= 2 ? whole : undefined;
}

/**
 * The query as the corpus writes it, when a reader wrote words together or apart that it
 * writes the other way, as Lucene's WordBreakSpellChecker reads them:
 * - a word that reads as nothing (no word, prefix, typo or alias of the corpus or the
 *   lexicon) is broken into the known words it is written from: "kwangjin" → "kwang jin",
 *   "northkorea" → "north korea", "tongilmarket" → "tongil market";
 * - two words of which one is no word the corpus or the lexicon has are joined when, as one,
 *   they are: "pyong yang" → "pyongyang".
 * Words inside a lexicon phrase of the query are left as they are. Undefined when the
 * query stays as it was.
 */
export function rereadQuery(
  index: CorpusIndex,
  query: string,
  tokens: readonly Token[],
  readsAsNothing: (token: Token, last: boolean) => boolean,
  inPhrase: (i: number) => boolean,
): string | undefined {
  const lastAt = tokens.length - 1;
  const free = (i: number) => {
    const tok = tokens[i] as Token;
    return !inPhrase(i) && !takesSuffixes(tok.key);
  };
  // A word known as typed; the last, still being typed, may be the start of one ("life in c").
  const exact = (i: number) => known(index, (tokens[i] as Token).key, i === lastAt);
  let out = '';
  let from = 0;
  let changed = false;
  for (let i = 0; i <= lastAt; i++) {
    const tok = tokens[i] as Token;
    const next = tokens[i + 1];
    if (
      next !== undefined &&
      free(i) &&
      free(i + 1) &&
      (!exact(i) || !exact(i + 1)) &&
      known(index, tok.key + next.key, i + 1 === lastAt)
    ) {
      out += `${query.slice(from, tok.start)}${tok.key}${next.key}`;
      from = next.end;
      changed = true;
      i++;
      continue;
    }
    // A word with an apostrophe is a name or a contraction as typed ("O'Neill"), not words run together.
    if (!free(i) || /['’]/.test(query.slice(tok.start, tok.end)) || !readsAsNothing(tok, i === lastAt)) continue;
    const pieces = breakKey(index, tok.key);
    if (pieces === undefined) continue;
    out += `${query.slice(from, tok.start)}${pieces.join(' ')}`;
    from = tok.end;
    changed = true;
  }
  // Only as far as the words read: the rest of a long query stays out, as searchPassages keeps it out.
  return changed ? out + query.slice(from, tokens[lastAt]?.end) : undefined;
}
