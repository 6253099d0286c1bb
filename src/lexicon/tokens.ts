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
 * This runs over every article the content script reads, once, cold: the words are found
 * by one native expression (runs of letters, marks and digits), and the loop in
 * JavaScript runs per word, not per character (issue 13: per character, it cost the
 * detector about 5 ms of a 1,500-word article; a Unicode expression per word, issue #3,
 * about 20).
 */
export interface Token {
  /** The compared form. */
  key: string;
  /** [start, end) in the text the token was read from. */
  start: number;
  end: number;
}

/** A run of word characters: letters, marks and digits, beyond the BMP too. */
const WORD_RUN = /[\p{L}\p{M}\p{N}]+/gu;
const NON_ASCII = /[\u0080-\uffff]/;

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
  const push = (start: number, end: number, apostrophe: boolean) => {
    const key = keyOf(lower ? lower.slice(start, end) : text.slice(start, end).toLowerCase(), apostrophe);
    if (key) tokens.push({ key, start, end });
  };
  // One expression for every call: nothing in the loop tokenizes again, so its place
  // (lastIndex) is this call's until it returns.
  const runs = WORD_RUN;
  runs.lastIndex = 0;
  let start = -1;
  let end = -1;
  let apostrophe = false;
  for (let m = runs.exec(text); m !== null; m = runs.exec(text)) {
    // A run right after an apostrophe that follows a word goes on with it (P'yŏngyang, defector's).
    if (m.index === end + 1 && isApostrophe(text.charCodeAt(end)) && !quotesHangul(text, end)) {
      apostrophe = true;
    } else {
      if (start >= 0) push(start, end, apostrophe);
      start = m.index;
      apostrophe = false;
    }
    end = runs.lastIndex;
  }
  if (start >= 0) push(start, end, apostrophe);
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
