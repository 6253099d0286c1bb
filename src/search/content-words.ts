import { eng, kor } from 'stopword';
import { en as isoEnglish, ko as isoKorean } from 'stopwords-iso/stopwords-iso.json';
import stemEnglish from 'wink-porter2-stemmer';
import { hangulStem } from '@/src/lexicon/hangul-inflection';
import { takesSuffixes } from '@/src/lexicon/tokens';

/**
 * Content words as query-by-document compares them (issue #11): an article's words and a
 * passage's words meet as stems, with stop words left out, so "repatriated" on a page
 * reaches "repatriation" in a testimony and "the" reaches nothing.
 *
 * - English (and any Latin-script word): Porter2, the Snowball English stemmer
 *   (wink-porter2-stemmer), over the token key (src/lexicon/tokens.ts: lower case, no
 *   diacritics, plural already folded);
 * - Hangul: the word without the particles and endings after it (탈북자들은 → 탈북자:
 *   src/lexicon/hangul-inflection.ts), so a Korean collection matches Korean pages on its
 *   own words;
 * - stop words (stopword's and stopwords-iso's English and Korean lists: the longer list
 *   also drops words that say nothing of a subject, such as thing, say, million), numbers
 *   and one- or two-letter words: none.
 *
 * It runs in the background only: the content script sends the article's text, and
 * never loads a stemmer.
 */
const STOP = new Set<string>([...eng, ...kor, ...isoEnglish, ...isoKorean]);

const isLatinWord = /^[a-z]+$/;

/**
 * Stems already worked out: a page's words, and the passages' words each time cards are
 * explained, come back again and again, and Porter2 costs microseconds a word.
 */
const known = new Map<string, string>();
const KNOWN_MAX = 50_000;

/** The stem a word key (src/lexicon/tokens.ts) counts as, or '' for a word that does not count. */
export function contentStem(key: string): string {
  let stem = known.get(key);
  if (stem === undefined) {
    if (known.size >= KNOWN_MAX) known.clear();
    stem = stemOf(key);
    known.set(key, stem);
  }
  return stem;
}

function stemOf(key: string): string {
  if (STOP.has(key)) return '';
  if (isLatinWord.test(key)) return key.length < 3 ? '' : stemEnglish(key);
  if (takesSuffixes(key)) {
    // A one-syllable word is too vague to count.
    const stem = hangulStem(key);
    return stem.length < 2 || STOP.has(stem) ? '' : stem;
  }
  // Digits, mixed letters and digits (ICBM's Hwasong-18 is two keys already): not content.
  return '';
}
