import { describe, expect, it } from 'vitest';
import { runToEnd } from '@/src/detect/extract-article';
import { buildCorpusFromData } from '@/src/search/read-data';
import { gateKeys, gateTestSources, packGateTest } from './gate-pack';
import { foldText, mayMentionGate, unpackGateTest } from './gate-precheck';
import { compileLexicon, findTerms, type Term } from './lexicon';

const { terms } = buildCorpusFromData();
const matcher = compileLexicon(terms);
const gateTest = unpackGateTest(packGateTest(terms));
const passes = (text: string) => runToEnd(mayMentionGate(text, gateTest));
const findsGate = (text: string) => findTerms(text, matcher).some((hit) => matcher.terms[hit.term]?.gate);

/** Ways a page may write an alias that the matcher still finds (synthetic sentences). */
const variants = (alias: string): string[] => [
  alias,
  alias.toUpperCase(),
  `${alias}s and more`,
  `${alias}'s leader`,
  `${alias}’s leader`,
  `${alias}es`,
  alias.replace(/y$/, 'ies'),
  alias.replaceAll('-', ' '),
  alias.replaceAll(' ', '-'),
  alias.replaceAll(' ', '\u00a0'),
  alias.replaceAll(' ', ' — '),
  alias.replaceAll(' ', '\n  '),
  alias.replaceAll('o', 'ŏ').replaceAll('u', 'ŭ'),
  `${alias}에서`,
  `${alias}들은`,
  `${alias}시민이`,
  `‘${alias}’이`,
  `(${alias})`,
  `«${alias}»`,
];

describe('the gate test', () => {
  it('passes every page on which the matcher finds a gate term, however the alias is written', () => {
    let checked = 0;
    for (const term of terms.filter((t) => t.gate)) {
      for (const alias of term.aliases) {
        for (const form of variants(alias)) {
          const text = `A synthetic sentence for this test: ${form} appears here.`;
          if (!findsGate(text)) continue;
          checked++;
          expect(passes(text), `${term.term}: ${JSON.stringify(form)}`).toBe(true);
        }
      }
    }
    // Most forms of most of the ~450 gate aliases were really checked.
    expect(checked).toBeGreaterThan(3000);
  });

  it('lets ordinary pages through without reading them (everyday words are not gate terms)', () => {
    const ordinary = [
      'The new program of the health ministry: songs, games and a mass on Sunday in the north of the city.',
      'Supreme Court justices heard the case on Tuesday; the president of the union spoke of state security.',
      'Daily commuters on the Northern line face a summit of delays, says the transport department.',
      'Ein Café in München: Crème brûlée, smörgåsbord and a party of six.',
      // Words and names the test once looked for alone (from Kim Il Sung, the 38th parallel,
      // Chosen Soren, Park Yeon-mi, Shin Dong-hyuk, the 2009 currency reform): a third of
      // Readability's real pages, none about what the testimonies speak to, said one of them.
      'Samsung has chosen a parallel path since 2009: Park Ji-sung, Shin Min-a and Kang Ho-dong sang.',
      'Punishment, sanctions and a dynasty: Jang Yong-jun and Choe Kwan-yeon had an arduous year.',
    ];
    for (const text of ordinary) {
      expect(findsGate(text), text).toBe(false);
      expect(passes(text), text).toBe(false);
    }
  });

  it('finds phrases made of short keys, and only in order, word by word', () => {
    expect(passes('Sources in the D.P.R.K. said so.')).toBe(true);
    expect(passes('Kim Il-sung Square was empty.')).toBe(true);
    expect(passes('Kim Il Song was named.')).toBe(true);
    expect(passes('A report by NK News this week.')).toBe(true);
    expect(passes('Kim sang a song.')).toBe(false);
    expect(passes('News about NKOTB.')).toBe(false);
    // A letter is a word of its own: "dvp track" is no D.P.R.K. (a Readability page said so).
    expect(passes('Our dvptrack and dalsi porazka krize.')).toBe(false);
  });

  it('finds a phrase after a word that ends in apostrophes (wiki markup), as the matcher does', () => {
    for (const text of ["the''Kim Jong Un''", "x''Kim Il Sung", 'x’’NK News', "x''D.P.R.K.", "pyong'ʼyang"]) {
      expect(findsGate(text), text).toBe(true);
      expect(passes(text), text).toBe(true);
    }
    expect(foldText("the''kim’s p'yŏngyangʼ")).toBe('the  kims pyongyang');
  });

  it('finds a phrase whose words a long gap parts, across the end of a slice', () => {
    const filler = 'Ordinary words about the weather and the harvest. '.repeat(2500).slice(0, 99_786);
    const text = `${filler} Kim${' '.repeat(300)}Il Sung`;
    expect(findsGate(text)).toBe(true);
    expect(passes(text)).toBe(true);
  });

  it('looks for a phrase by its key that pages say least, and for one of common keys beside the literals', () => {
    const { phrases } = gateKeys(terms);
    // "the" is on every page, "sun" far less often; nothing in D.P.R.K. is rare.
    expect(phrases).toContain('da of the *sun');
    expect(phrases.find((group) => group.includes('d p r k'))).not.toContain('*');
    const packed = packGateTest(terms).phrases;
    const keys = Object.keys(packed);
    expect(keys).toContain('sun');
    // Packed once, as the group's name: its phrases say * in its place.
    expect(packed.sun).toBe('da of the *');
    expect(keys.filter((key) => key.length < 3 || ['the', 'new', 'pro'].includes(key))).toEqual([]);
    // ...though the phrases have such keys to choose from.
    const words = phrases.join(' ').replaceAll('*', '').split(/[ |]/);
    expect(words).toEqual(expect.arrayContaining(['the', 'new', 'pro', 'nk', 'il']));
  });

  it('follows up a key wherever it is said: inside a longer key, and where another key ends', () => {
    // Packed by hand for this test: "north" is said only as part of "northern".
    const nested = unpackGateTest(gateTestSources({ literals: '', phrases: ['*northern limit line', '38 *north'] }));
    expect(runToEnd(mayMentionGate('near the 38 northern', nested))).toBe(true);
    expect(runToEnd(mayMentionGate('the northern line', nested))).toBe(false);
    // "cdef" begins inside "abcd", which is found first.
    const overlapping = unpackGateTest(gateTestSources({ literals: '', phrases: ['*abcd zz', 'ab *cdef'] }));
    expect(runToEnd(mayMentionGate('abcdef', overlapping))).toBe(true);
    expect(runToEnd(mayMentionGate('abcd ef', overlapping))).toBe(false);
    // Whatever order the keys come in, the longer is found where both begin.
    const shorterFirst = unpackGateTest(gateTestSources({ literals: '', phrases: ['*abc x', '*abcd y'] }));
    expect(runToEnd(mayMentionGate('the abcd y', shorterFirst))).toBe(true);
  });

  it('keeps the y of a two-letter key, which would otherwise be a key of one letter', () => {
    const made: Term[] = [
      { term: 'Ky Ho', kind: 'person', weight: 1, gate: true, context: false, aliases: ['Ky Ho', 'Pyongyang'] },
    ];
    const test = unpackGateTest(packGateTest(made));
    const lexicon = compileLexicon(made);
    expect(findTerms('They met Ky Ho.', lexicon)).toHaveLength(1);
    expect(runToEnd(mayMentionGate('They met Ky Ho.', test))).toBe(true);
  });

  it('reads CJK compatibility ideographs beyond the BMP as the matcher does', () => {
    const text = '金日\u{2F8B2} said so';
    expect(findsGate(text)).toBe(findsGate('金日成 said so'));
    expect(passes(text)).toBe(true);
  });

  it('finds phrases whose words the page text glues together (a <br> between them)', () => {
    // textContent of "Daily<br>NK": the article reader puts a space there, the page text none.
    expect(passes('A report by DailyNK today.')).toBe(true);
  });

  it('finds a mention that straddles two slices of a long page', () => {
    const filler = 'Ordinary words about the weather and the harvest. '.repeat(2500);
    expect(filler.length).toBeGreaterThan(100_000);
    const at = 99_995;
    const text = `${filler.slice(0, at)} Pyongyang ${filler.slice(at)}`;
    expect(passes(filler)).toBe(false);
    expect(passes(text)).toBe(true);
  });

  it('folds text the way the matcher compares words', () => {
    expect(foldText("P'YŎNGYANG’s")).toBe('pyongyangs');
    expect(foldText('평양').normalize('NFC')).toBe('평양');
    // Hangul becomes jamo, as the keys are stored.
    expect(foldText('평양')).toBe('평양'.normalize('NFD'));
    // Marks already apart from their letters go too; quotes and dashes alone change nothing else.
    expect(foldText('Pyo\u0306ngyang')).toBe('pyongyang');
    expect(foldText('“Seoul” — a city’s')).toBe('“seoul” — a citys');
  });
});
