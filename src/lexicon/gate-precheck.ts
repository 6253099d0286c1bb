import type { Term } from './lexicon';
import { takesSuffixes, tokenize } from './tokens';

/**
 * A page can only be about North Korea if its text mentions a gate term somewhere (the
 * page gate, src/detect/assess-page.ts). Most pages a person reads mention none, so the
 * content script first asks one regular expression over the page's whole text whether a
 * gate term *may* occur, and reads the article only if so: on those pages the article is
 * never extracted nor tokenized.
 *
 * The test must never miss a gate term that the matcher would find (a page that passes
 * it is then judged by the real matcher), so it is made from the aliases' own keys, by
 * rules that keep it a superset of matching:
 * - text and keys are compared folded the same way (`foldText`);
 * - a Latin key is found as a substring of the page's word (plurals and possessives only
 *   add letters at the end; a key ending in y may appear as "-ies", so its y is dropped);
 * - a Hangul or Han key is found as the page word's prefix (particles follow it);
 * - an alias is found by one of its keys (every key of a matching alias is on the page):
 *   the longest that is not an everyday English word, so that "North Korean nuclear
 *   program" is looked for as "korean", not "program";
 * - an alias without such a key of four letters or more (D.P.R.K., NK News, Kim Il-song,
 *   Mass Games) is found by all its keys in order, the first starting a word, with anything
 *   but letters and digits, or nothing, between them.
 * Literal alternatives keep the expression cheap to compile and run once, cold, per page.
 */
const SHORTEST_LITERAL = 4;
/** What a page's word may add after a Latin key: -s, -es, -ies(s), a possessive s. */
const SUFFIX = '[a-z0-9]{0,4}';
/**
 * Words that occur on pages about anything, as they appear among the gate aliases' keys
 * (folded, y dropped). Only the expression's speed depends on this list, never a result.
 */
const EVERYDAY = new Set(
  (
    'act agenc agreement air area arm dail part song sun assembl association autonomous camp center central committee ' +
    'complex count currenc dear democratic department diamond distribution divided economic eternal ' +
    'famil first for game general generation great human idea ideolog industrial inter island issue ' +
    'japan japanese joint labor labour launching leader libert limit line march market mass militar ' +
    'ministr missile mount mountain movement neighbourhood new north northern nuclear people polic ' +
    'politic political prefecture president prison prisoner program programme province public ration ' +
    'rationing reform refugee regime region relation republic resident reunion right river satellite ' +
    'securit separated settlement six social socialist south special square state station street ' +
    'suffering summit support supreme system talk television test the three training truce trump ' +
    'unification union unit village war woman women worker zone'
  ).split(' '),
);

/** Text folded for the gate test: lower case, no diacritics, no apostrophes. */
export function foldText(text: string): string {
  let folded = text.toLowerCase();
  // NFD without NFC: Hangul becomes jamo here and in the keys alike.
  if (/[\u0080-\uffff]/.test(folded)) folded = folded.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return folded.replace(/['’ʼ]/g, '');
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const isLatin = (s: string) => /^[a-z0-9]+$/.test(s);

/** The gate test as JSON, made at build time. */
export interface PackedGateTest {
  /** One alternation of literal keys. */
  literals: string;
  /** Phrases, grouped by their longest key: [key, alternation of the phrases]. */
  phrases: [string, string][];
}

/** The gate test, ready to run. */
export interface GateTest {
  literals: RegExp;
  /** A phrase is only looked for in text that holds its longest key (a cheap search). */
  phrases: [string, RegExp][];
}

/** Build time: the gate test for a lexicon. */
export function packGateTest(terms: readonly Term[]): PackedGateTest {
  const literals = new Set<string>();
  const phrases = new Map<string, Set<string>>();
  for (const term of terms) {
    if (!term.gate) continue;
    for (const alias of term.aliases) {
      const pieces = tokenize(alias).map(({ key }) =>
        foldText(takesSuffixes(key) || !key.endsWith('y') ? key : key.slice(0, -1)),
      );
      const rank = (p: string) => (isLatin(p) ? p.length : 100) + (EVERYDAY.has(p) ? 0 : 1000);
      let best = pieces[0];
      if (!best) continue;
      for (const piece of pieces) if (rank(piece) >= rank(best)) best = piece;
      if (!isLatin(best) || (best.length >= SHORTEST_LITERAL && !EVERYDAY.has(best))) {
        literals.add(best);
        continue;
      }
      let longest = '';
      for (const piece of pieces) if (piece.length > longest.length) longest = piece;
      // Anything or nothing between the keys: the page's text may glue two words that the
      // article reader keeps apart (a <br> between them, "Daily<br>NK").
      const phrase = pieces.map((p) => `${escapeRegExp(p)}${isLatin(p) ? SUFFIX : ''}`).join('[^a-z0-9]*');
      phrases.set(longest, (phrases.get(longest) ?? new Set()).add(`(?<![a-z0-9])${phrase}`));
    }
  }
  // A literal that contains another adds nothing.
  const kept = [...literals].filter((l) => ![...literals].some((other) => other !== l && l.includes(other)));
  return {
    literals: kept.sort().map(escapeRegExp).join('|'),
    phrases: [...phrases].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, set]) => [key, [...set].sort().join('|')]),
  };
}

export function unpackGateTest({ literals, phrases }: PackedGateTest): GateTest {
  return { literals: new RegExp(literals), phrases: phrases.map(([key, source]) => [key, new RegExp(source)]) };
}

/** Longest text folded and tested at once: a 2 MB page is tested in slices. */
const SLICE_CHARS = 100_000;
/** Slices overlap by more than the longest mention, so none is cut in two. */
const OVERLAP_CHARS = 200;

/**
 * Whether `text` may mention a gate term. Yields between slices of a long text so a caller
 * on the main thread (see `runInSlices`) can give the page its turn.
 */
export function* mayMentionGate(text: string, test: GateTest): Generator<void, boolean> {
  for (let start = 0; start < text.length; start += SLICE_CHARS) {
    if (start > 0) yield;
    const folded = foldText(text.slice(Math.max(0, start - OVERLAP_CHARS), start + SLICE_CHARS));
    if (test.literals.test(folded)) return true;
    if (test.phrases.some(([key, phrase]) => folded.includes(key) && phrase.test(folded))) return true;
  }
  return false;
}
