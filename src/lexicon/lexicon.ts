import { isInflectedForm } from './hangul-inflection';
import { type Token, takesSuffixes, tokenize } from './tokens';

export type TermKind = 'place' | 'person' | 'topic' | 'org' | 'event' | 'country';
export const TERM_KINDS: readonly TermKind[] = ['place', 'person', 'topic', 'org', 'event', 'country'];

/** A lexicon term as data/lexicon.txt defines it. */
export interface Term {
  /** Canonical label; also the term's id. */
  term: string;
  kind: TermKind;
  /** 1 (weak) .. 5 (very specific). */
  weight: number;
  /** By itself, says the page is about North Korea. */
  gate: boolean;
  /**
   * Means something here only on a page already about North Korea. Every non-gate term is
   * counted only after the gate, so this is a note for reviewers; ranking reads weight and kind.
   */
  context: boolean;
  /**
   * Terms whose passages this one also reaches: 꽃제비 (kotjebi) is a gate term of its own
   * and speaks to every passage about street children; an article about famine speaks to
   * passages about starvation.
   */
  also?: string[];
  aliases: string[];
}

/** What matching needs of a term: its label and whether it is a gate term. */
export type MatchedTerm = Pick<Term, 'term' | 'gate'>;

/**
 * The lexicon compiled for matching: alias token sequences keyed by their first token.
 * The background compiles it once per worker, with the index (src/search/corpus-index.ts),
 * and reads every article there: no page compiles or runs it.
 */
export interface TermMatcher {
  terms: MatchedTerm[];
  /** first token key → [term index, remaining token keys] (longest first). */
  starts: Map<string, [number, string[]][]>;
  /** Longest first-token key that takes suffixes (Hangul), to bound prefix look-ups. */
  longestPrefix: number;
}

export function compileLexicon(terms: Term[]): TermMatcher {
  const starts = new Map<string, [number, string[]][]>();
  let longestPrefix = 0;
  terms.forEach((t, index) => {
    for (const alias of t.aliases) {
      const keys = tokenize(alias).map((tok) => tok.key);
      const [first, ...rest] = keys;
      if (!first) continue;
      if (takesSuffixes(first)) longestPrefix = Math.max(longestPrefix, first.length);
      const list = starts.get(first) ?? [];
      list.push([index, rest]);
      starts.set(first, list);
    }
  });
  for (const list of starts.values()) list.sort((a, b) => b[1].length - a[1].length);
  return { terms, starts, longestPrefix };
}

/** One occurrence of a term in a text. */
export interface TermHit {
  term: number;
  /** [start, end) in the text. */
  start: number;
  end: number;
}

/**
 * Finds every lexicon term in a text, longest alias first, without overlaps
 * ("North Korean defector" is one hit, not three).
 */
export function findTerms(text: string, matcher: TermMatcher): TermHit[] {
  return findTermsInTokens(tokenize(text), matcher);
}

/** The same, over a text's tokens already made (the page scanner also counts its words). */
export function findTermsInTokens(tokens: readonly Token[], matcher: TermMatcher): TermHit[] {
  const hits: TermHit[] = [];
  for (let i = 0; i < tokens.length; ) {
    const hit = matchAt(tokens, i, matcher);
    if (hit) {
      hits.push({ term: hit.term, start: (tokens[i] as { start: number }).start, end: hit.end });
      i += hit.length;
    } else {
      i += 1;
    }
  }
  return hits;
}

function matchAt(
  tokens: readonly { key: string; end: number }[],
  i: number,
  { starts, longestPrefix }: TermMatcher,
): { term: number; length: number; end: number } | null {
  const key = (tokens[i] as { key: string }).key;
  // Most words start no alias: they cost one lookup (this runs for every word of an article).
  let candidates = starts.get(key);
  if (takesSuffixes(key)) {
    // Hangul words carry particles (평양에서, 탈북자들은): try the word's prefixes too, but
    // not as the first part of a compound (북한산, 평양냉면).
    candidates = [...(candidates ?? [])];
    for (let n = Math.min(key.length - 1, longestPrefix); n >= 1; n--) {
      const list = starts.get(key.slice(0, n));
      if (list && isInflectedForm(key, n)) candidates.push(...list);
    }
  }
  if (!candidates) return null;
  let best: { term: number; length: number; end: number } | null = null;
  for (const [term, rest] of candidates) {
    if (best && rest.length + 1 <= best.length) continue;
    let all = true;
    for (let j = 0; j < rest.length && all; j++) all = tokenMatches(tokens[i + 1 + j]?.key, rest[j] as string);
    if (all) {
      const last = tokens[i + rest.length] as { end: number };
      best = { term, length: rest.length + 1, end: last.end };
    }
  }
  return best;
}

function tokenMatches(textKey: string | undefined, aliasKey: string): boolean {
  if (textKey === undefined) return false;
  if (textKey === aliasKey) return true;
  return takesSuffixes(aliasKey) && textKey.startsWith(aliasKey) && isInflectedForm(textKey, aliasKey.length);
}
