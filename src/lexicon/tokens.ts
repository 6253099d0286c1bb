/**
 * Words as Firsthand compares them, everywhere: in page text, lexicon aliases, passages and
 * search queries. One definition, so an alias written in data/ matches what a page says.
 *
 * - case and diacritics do not matter (Hoeryŏng = hoeryong), Hangul is kept whole;
 * - hyphens and spaces are alike (Yeong-jin = Yeong jin), apostrophes inside a word vanish
 *   (P'yŏngyang = Pyongyang), possessives go (defector's = defector), and next to Hangul
 *   an apostrophe is a closing quote that ends the word;
 * - Latin plurals fold to the singular (defectors = defector).
 *
 * This runs over every article the content script reads, so it is a hand-written scanner
 * over character codes rather than a Unicode regular expression per word (issue #3's
 * benchmark: the regex version cost ~20 ms per 1,500-word article on these machines).
 */
export interface Token {
  /** The compared form. */
  key: string;
  /** [start, end) in the text the token was read from. */
  start: number;
  end: number;
}

const UNICODE_WORD = /[\p{L}\p{M}\p{N}]/u;
/** Per UTF-16 code unit above ASCII: 0 = not yet known, 1 = part of a word, 2 = not. */
const wordUnit = new Uint8Array(0x10000);

function isWordUnit(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  // Surrogate halves are judged as pairs, in wordAt.
  if (c >= 0xd800 && c <= 0xdfff) return false;
  let known = wordUnit[c] as number;
  if (known === 0) {
    known = UNICODE_WORD.test(String.fromCharCode(c)) ? 1 : 2;
    wordUnit[c] = known;
  }
  return known === 1;
}

const isApostrophe = (c: number) => c === 39 || c === 0x2019 || c === 0x2bc;
const isHangulSyllable = (c: number) => c >= 0xac00 && c <= 0xd7a3;
/**
 * Korean has no apostrophes: next to Hangul the mark closes a quotation, and the word ends
 * there ('장마당'이, ‘태양절’행사), so a particle or a noun after the quote is a word of its own.
 */
const quotesHangul = (text: string, i: number) =>
  isHangulSyllable(text.charCodeAt(i - 1)) || isHangulSyllable(text.charCodeAt(i + 1));

/** How many code units of a word character start at i (2 for a letter beyond the BMP), or 0. */
function wordAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (isWordUnit(c)) return 1;
  if (c >= 0xd800 && c <= 0xdbff) {
    const low = text.charCodeAt(i + 1);
    if (low >= 0xdc00 && low <= 0xdfff && UNICODE_WORD.test(text.slice(i, i + 2))) return 2;
  }
  return 0;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const first = wordAt(text, i);
    if (first === 0) {
      i++;
      continue;
    }
    const start = i;
    i += first;
    while (i < n) {
      const step = wordAt(text, i);
      if (step > 0) i += step;
      else if (isApostrophe(text.charCodeAt(i)) && i + 1 < n && wordAt(text, i + 1) > 0 && !quotesHangul(text, i)) i++;
      else break;
    }
    const key = keyOf(text.slice(start, i));
    if (key) tokens.push({ key, start, end: i });
  }
  return tokens;
}

/** The compared form of one word. */
function keyOf(word: string): string {
  let w = word.toLowerCase();
  let ascii = true;
  let apostrophe = false;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (isApostrophe(c)) apostrophe = true;
    else if (c >= 128) ascii = false;
  }
  if (apostrophe) {
    // Possessive first, so "defector's" folds like "defector".
    w = w.replace(/['’ʼ]s$/, '').replace(/['’ʼ]/g, '');
  }
  if (!ascii) {
    // Only non-ASCII words can carry marks. NFD then NFC: Hangul syllables decompose and
    // recompose unchanged; Latin letters lose their marks.
    w = w
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .normalize('NFC');
    if (!/^[a-z0-9]+$/.test(w)) return w;
  }
  return singular(w);
}

/**
 * True for words compared by prefix (Hangul takes particles: 탈북자들은 starts with 탈북자).
 * What may follow the prefix is src/lexicon/hangul-inflection.ts's to say (not 산 in 북한산).
 */
export function takesSuffixes(key: string): boolean {
  // Anywhere in the word: 38선 and 6자회담 start with a digit, DMZ를 with Latin letters.
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if ((c >= 0xac00 && c <= 0xd7af) || (c >= 0x1100 && c <= 0x11ff) || (c >= 0x3130 && c <= 0x318f)) return true;
    if (c >= 0x3400 && c <= 0x9fff) return true;
  }
  return false;
}

function singular(w: string): string {
  const n = w.length;
  if (n <= 3 || w.charCodeAt(n - 1) !== 115 /* s */) return w;
  if (n > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.endsWith('es') && /(?:ss|sh|ch|x|z)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('ss') || w.endsWith('us') || w.endsWith('is')) return w;
  return w.slice(0, -1);
}
