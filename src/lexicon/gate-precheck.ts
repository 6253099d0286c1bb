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
 * - an alias is found by one of its keys (every key of a matching alias is on the page),
 *   a literal: a key already looked for ("North Korean nuclear program" by "korea"), or
 *   else its longest key of four letters or more that pages about anything do not say
 *   (not "program", nor "sung", which Samsung says: gate-pack.ts);
 * - an alias without such a key (D.P.R.K., NK News, Kim Il-sung, Mass Games) is a phrase,
 *   found by all its keys in order, the first starting a word, with anything but letters
 *   and digits, or nothing, between them. A phrase is looked for only in a text that says
 *   its key that pages say least ("sun" of the Day of the Sun, not "the"; gate-pack.ts). A
 *   phrase of keys that every page says (D.P.R.K., NK News) is looked for beside the
 *   literals. One expression finds the literals, those phrases and the other phrases' keys,
 *   in one look at the text.
 * Two known ways to miss, each only where a page names North Korea in no other way: the
 * page's text holds what the article reader leaves out, so a phrase whose words an inline
 * script or hidden span parts ("Kim <script>…</script>Jong Un") is not found, though the
 * matcher, reading the article, finds it; and a phrase whose words are spread over more
 * than OVERLAP_CHARS across the end of a slice.
 * Literal alternatives keep the expression cheap to compile and run once, cold, per page.
 */
/**
 * Text folded for the gate test: lower case, no diacritics, and the apostrophes inside a
 * word gone (P'yŏngyang = pyongyang); one that ends a word (two in a row, as in wiki
 * markup's ''Kim Jong Un'') becomes a space, as the matcher's tokens end there too.
 */
export function foldText(text: string): string {
  let folded = text.toLowerCase();
  // NFD without NFC: Hangul becomes jamo here and in the keys alike, and Latin letters lose
  // their diacritics. Only where the text has what NFD changes or strips (precomposed Latin,
  // combining marks, Hangul syllables, CJK compatibility ideographs, in the BMP and beyond):
  // most pages' only non-ASCII is quotes and dashes, and normalizing a whole page is the
  // test's dearest step.
  if (/[\u00c0-\u024f\u1e00-\u1eff\uac00-\ud7a3\uf900-\ufaff]|[\u0300-\u036f]|\ud87e[\udc00-\ude1f]/.test(folded)) {
    folded = folded.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  }
  // The modifier letter ʼ is a letter: always inside a word. ' and ’ join a word only
  // between two of its characters (src/lexicon/tokens.ts).
  return folded.replace(/['’ʼ]/g, (mark: string, at: number, all: string) =>
    mark === 'ʼ' || (mayBeWord(all.charCodeAt(at - 1)) && mayBeWord(all.charCodeAt(at + 1))) ? '' : ' ',
  );
}

/**
 * Letters and digits, and anything beyond ASCII but ’. Taking other non-ASCII characters
 * for a word's only ever deletes a mark the tokenizer splits at where such a character
 * stands beside it, so no two ASCII letters are glued together that the tokenizer keeps
 * apart. (No Unicode property expression: making two cost stage 0, on every page, about a
 * millisecond.)
 */
const mayBeWord = (c: number) => (c >= 0x80 && c !== 0x2019) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57);

/** What a page's word may add after a Latin key: -s, -es, -ies(s), a possessive s. */
const SUFFIX = '[a-z0-9]{0,4}';
/**
 * ...after a key of one letter (the D of D.P.R.K.): only a possessive s. The matcher
 * leaves words of three letters or fewer as they are, so "ds" is no plural of "d".
 */
const LETTER_SUFFIX = 's?';
export const isLatin = (s: string) => /^[a-z0-9]+$/.test(s);

/**
 * Phrases (keys, a space between; `|` between phrases) as one expression: each phrase's
 * keys in order, the first starting a word, with anything or nothing between them (the
 * page's text may glue two words the article reader keeps apart: "Daily<br>NK"), and the
 * endings a Latin key may take.
 */
export const phrasesSource = (phrases: string): string =>
  phrases
    .split('|')
    .map(
      (phrase) =>
        `(?<![a-z0-9])${phrase
          .split(' ')
          .map((key) => key + (isLatin(key) ? (key.length === 1 ? LETTER_SUFFIX : SUFFIX) : ''))
          .join('[^a-z0-9]*')}`,
    )
    .join('|');

/** The gate test as JSON, made at build time (gate-pack.ts). */
export interface PackedGateTest {
  /** The literal keys, and the phrases with no rare key (`phrasesSource`): an expression. */
  first: string;
  /**
   * The other phrases (keys, a space between; `|` between phrases) by the key looked for
   * first, longest key first: at a place, the expression reports the first key listed.
   * In its phrases, the key itself is `*`.
   */
  phrases: Record<string, string>;
}

/** The gate test, ready to run. */
export interface GateTest {
  /** The literals and the phrases of common keys, then every other phrase's key (captured). */
  any: RegExp;
  /** The packed phrases by key, each made into an expression the first time a page says its key. */
  phrases: Record<string, string | RegExp>;
}

/**
 * One expression, made at build time but for its keys, and one look at the text: stage 0
 * (on every page) compiles and runs it, and putting it together from the keys at load cost
 * more than the look (bench:detect). The test takes the packed phrases over: it keeps the
 * expressions it makes of them there.
 */
export const unpackGateTest = ({ first, phrases }: PackedGateTest): GateTest => ({
  // Nothing to look for: an empty expression would match every text.
  any: new RegExp(`${first || '(?!)'}|(${Object.keys(phrases).join('|') || '(?!)'})`, 'g'),
  phrases,
});

/**
 * Whether `folded` says a literal or a phrase. The phrases are followed up only where no
 * literal is said (on a page about North Korea, "north" comes before "korea"), each key
 * once: its phrases, and those of the shorter keys it begins with, said at the same place
 * ("northern" holds "north"), as the expression reports only the longest key at a place.
 */
function says(folded: string, { any, phrases }: GateTest): boolean {
  const said = new Set<string>();
  any.lastIndex = 0;
  for (let found = any.exec(folded); found; found = any.exec(folded)) {
    // A literal, or a phrase of common keys.
    if (found[1] === undefined) return true;
    said.add(found[1]);
    // The next place may begin inside this key.
    any.lastIndex = found.index + 1;
  }
  for (const key in phrases) {
    if (![...said].some((word) => word.startsWith(key))) continue;
    let expression = phrases[key] as string | RegExp;
    if (typeof expression === 'string') {
      expression = new RegExp(phrasesSource(expression.replaceAll('*', key)));
      phrases[key] = expression;
    }
    if (expression.test(folded)) return true;
  }
  return false;
}

/** Longest text folded and tested at once: a 2 MB page is tested in slices. */
const SLICE_CHARS = 100_000;
/**
 * Slices overlap by more than the longest mention, so none is cut in two: its words, and
 * whatever is between them that is no word (the matcher skips it, however long: a page's
 * text keeps its markup's indentation). 2,000 characters of that is the most this allows;
 * a mention spread wider, across the end of a slice, is the one this test could miss.
 */
const OVERLAP_CHARS = 2_000;

/**
 * Whether `text` may mention a gate term. Yields between slices of a long text so a caller
 * on the main thread (see `runInSlices`) can give the page its turn.
 */
export function* mayMentionGate(text: string, test: GateTest): Generator<void, boolean> {
  for (let start = 0; start < text.length; start += SLICE_CHARS) {
    if (start > 0) yield;
    const folded = foldText(text.slice(Math.max(0, start - OVERLAP_CHARS), start + SLICE_CHARS));
    if (says(folded, test)) return true;
  }
  return false;
}
