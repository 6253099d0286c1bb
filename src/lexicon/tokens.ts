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
 * This runs in the background over every article a page hands it, often cold (a service
 * worker that has just started), and over every passage of an imported archive, warm. So it
 * is a hand-written scanner whose every step for an ASCII letter or digit is a few
 * comparisons inline, with no call: two calls a character took about 5 ms of a 1,500-word
 * article, cold, against about 1.5 inline. A native expression finding the runs was as
 * quick cold but twice as slow warm, and a Unicode expression per word cost about 20 ms
 * (docs/benchmarks.md).
 */
export interface Token {
  /** The compared form. */
  key: string;
  /** [start, end) in the text the token was read from. */
  start: number;
  end: number;
}

const UNICODE_WORD = /[\p{L}\p{M}\p{N}]/u;
const NON_ASCII = /[\u0080-\uffff]/;
/** Per UTF-16 code unit above ASCII: 0 = not yet known, 1 = part of a word, 2 = not. */
const wordUnit = new Uint8Array(0x10000);

/** How many code units of a word character start at i beyond ASCII (2 beyond the BMP), or 0. */
function wordAtBeyondAscii(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff) {
    const low = text.charCodeAt(i + 1);
    return low >= 0xdc00 && low <= 0xdfff && UNICODE_WORD.test(text.slice(i, i + 2)) ? 2 : 0;
  }
  // A lone low surrogate is no word.
  if (c >= 0xdc00 && c <= 0xdfff) return 0;
  let known = wordUnit[c] as number;
  if (known === 0) {
    known = UNICODE_WORD.test(String.fromCharCode(c)) ? 1 : 2;
    wordUnit[c] = known;
  }
  return known === 1 ? 1 : 0;
}

/** How many code units of a word character start at i, or 0 (ASCII tested inline: most text is). */
function wordAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return ((c | 32) >= 97 && (c | 32) <= 122) || (c >= 48 && c <= 57) ? 1 : 0;
  return wordAtBeyondAscii(text, i);
}

const isApostrophe = (c: number) => c === 39 || c === 0x2019 || c === 0x2bc;
const isHangulSyllable = (c: number) => c >= 0xac00 && c <= 0xd7a3;
/**
 * Korean has no apostrophes: next to Hangul the mark closes a quotation, and the word ends
 * there ('장마당'이, ‘태양절’행사), so a particle or a noun after the quote is a word of its own.
 */
const quotesHangul = (text: string, i: number) =>
  isHangulSyllable(text.charCodeAt(i - 1)) || isHangulSyllable(text.charCodeAt(i + 1));

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  // Lower case once for the whole text, where that keeps every offset and lowers each word
  // as it would alone: not where a letter changes length (İ), nor around a capital sigma,
  // whose small form depends on the letters beside it (a text with either is lowered word by
  // word, a little slower).
  const folded = text.toLowerCase();
  const lower = folded.length === text.length && !text.includes('Σ') ? folded : null;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const first = wordAt(text, i);
    if (first === 0) {
      i++;
      continue;
    }
    const start = i;
    let apostrophe = false;
    // Letters and digits of ASCII only: no marks to fold, the word lowered is its key but for
    // the plural (most words of most text).
    let ascii = text.charCodeAt(i) < 128;
    i += first;
    while (i < n) {
      const c = text.charCodeAt(i);
      // Letters and digits of ASCII, inline: the loop's every step, cold code on a page.
      if (((c | 32) >= 97 && (c | 32) <= 122) || (c >= 48 && c <= 57)) {
        i++;
        continue;
      }
      const step = c < 128 ? 0 : wordAtBeyondAscii(text, i);
      if (step > 0) {
        i += step;
        ascii = false;
      } else if (isApostrophe(c) && i + 1 < n && wordAt(text, i + 1) > 0 && !quotesHangul(text, i)) {
        apostrophe = true;
        i++;
      } else break;
    }
    const word = lower ? lower.slice(start, i) : text.slice(start, i).toLowerCase();
    const key = ascii && !apostrophe ? singular(word) : keyOf(word, apostrophe);
    if (key) tokens.push({ key, start, end: i });
  }
  return tokens;
}

/**
 * The compared form of one word, already lower case; `apostrophe`: it was joined across
 * one. (The modifier letter apostrophe ʼ is a letter: a run may hold it.)
 */
function keyOf(word: string, apostrophe: boolean): string {
  let w = word;
  if (apostrophe || w.includes('ʼ')) {
    // Possessive first, so "defector's" folds like "defector".
    w = w.replace(/['’ʼ]s$/, '').replace(/['’ʼ]/g, '');
  }
  if (NON_ASCII.test(w)) {
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

/** Hangul syllables, jamo and compatibility jamo, and CJK ideographs (Extension A on). */
const HANGUL_OR_HAN = /[\u1100-\u11ff\u3130-\u318f\u3400-\u9fff\uac00-\ud7af]/;

/**
 * True for words compared by prefix (Hangul takes particles: 탈북자들은 starts with 탈북자).
 * What may follow the prefix is src/lexicon/hangul-inflection.ts's to say (not 산 in 북한산).
 */
export function takesSuffixes(key: string): boolean {
  // Anywhere in the word: 38선 and 6자회담 start with a digit, DMZ를 with Latin letters.
  return HANGUL_OR_HAN.test(key);
}

function singular(w: string): string {
  const n = w.length;
  if (n <= 3 || w.charCodeAt(n - 1) !== 115 /* s */) return w;
  if (n > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.endsWith('es') && /(?:ss|sh|ch|x|z)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('ss') || w.endsWith('us') || w.endsWith('is')) return w;
  return w.slice(0, -1);
}
