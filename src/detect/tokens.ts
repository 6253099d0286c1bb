/**
 * Words as Firsthand compares them, everywhere: in page text, lexicon aliases, passages and
 * search queries. One definition, so an alias written in data/ matches what a page says.
 *
 * - case and diacritics do not matter (Hoeryŏng = hoeryong), Hangul is kept whole;
 * - hyphens and spaces are alike (Yeong-jin = Yeong jin), apostrophes inside a word vanish
 *   (P'yŏngyang = Pyongyang), possessives go (defector's = defector);
 * - Latin plurals fold to the singular (defectors = defector).
 */
export interface Token {
  /** The compared form. */
  key: string;
  /** [start, end) in the text the token was read from. */
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{M}\p{N}]+(?:['’ʼ][\p{L}\p{M}\p{N}]+)*/gu;
const HANGUL_OR_HAN = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af\u3400-\u9fff]/;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const key = keyOf(m[0]);
    if (key) tokens.push({ key, start: m.index, end: m.index + m[0].length });
  }
  return tokens;
}

/** The compared form of one word (as matched by WORD). */
export function keyOf(word: string): string {
  let w = word.toLowerCase();
  // Possessive first, so "defector's" folds like "defector".
  w = w.replace(/['’ʼ]s$/, '').replace(/['’ʼ]/g, '');
  if (/[^ -~]/.test(w)) w = foldDiacritics(w); // only non-ASCII words can carry marks
  return isLatin(w) ? singular(w) : w;
}

/** True for words compared by prefix (Hangul takes particles: 탈북자들은 starts with 탈북자). */
export function takesSuffixes(key: string): boolean {
  return HANGUL_OR_HAN.test(key);
}

function foldDiacritics(w: string): string {
  // NFD then NFC: Hangul syllables decompose and recompose unchanged; Latin loses its marks.
  return w
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC');
}

function isLatin(w: string): boolean {
  return /^[a-z0-9]+$/.test(w);
}

function singular(w: string): string {
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (/(?:ss|sh|ch|x|z)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) return w.slice(0, -1);
  return w;
}
