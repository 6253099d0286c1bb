import { describe, expect, it } from 'vitest';
import { compileLexicon, findTerms, type Term } from './lexicon';

const term = (t: string, aliases: string[]): Term => ({
  term: t,
  kind: 'topic',
  weight: 2,
  gate: false,
  context: false,
  aliases,
});
const matcher = compileLexicon([
  term('North Korea', ['North Korea', 'DPRK', '북한']),
  term('North Korean defector', ['North Korean defector']),
  term('defector', ['defector', '탈북자', '탈북민']),
  term('Pyongyang', ['Pyongyang', "P'yŏngyang", '평양']),
  term('North Hamgyeong Province', ['North Hamgyeong', 'Hamgyong', 'Hamkyung']),
  term('Jang Yeong-jin', ['Jang Yeong-jin']),
  term('famine', ['famine', 'Arduous March', '고난의 행군']),
]);
const found = (text: string) =>
  findTerms(text, matcher).map((h) => [matcher.terms[h.term]?.term, text.slice(h.start, h.end)]);

describe('findTerms', () => {
  it('matches case, diacritics, apostrophes and plurals alike', () => {
    expect(found("Defectors from P'YŎNGYANG and the DPRK's famines")).toEqual([
      ['defector', 'Defectors'],
      ['Pyongyang', "P'YŎNGYANG"],
      ['North Korea', "DPRK's"],
      ['famine', 'famines'],
    ]);
  });

  it('prefers the longest alias and never overlaps', () => {
    expect(found('A North Korean defector spoke.')).toEqual([['North Korean defector', 'North Korean defector']]);
  });

  it('treats hyphens and spaces alike in names', () => {
    expect(found('Jang Yeong Jin and Jang Yeong-jin')).toEqual([
      ['Jang Yeong-jin', 'Jang Yeong Jin'],
      ['Jang Yeong-jin', 'Jang Yeong-jin'],
    ]);
  });

  it('reads Hangul words with their particles', () => {
    expect(found('탈북자들은 평양에서 고난의 행군을 겪었다')).toEqual([
      ['defector', '탈북자들은'],
      ['Pyongyang', '평양에서'],
      ['famine', '고난의 행군을'],
    ]);
  });

  it('knows romanisation variants listed as aliases, and no others', () => {
    expect(found('Hamkyung, Hamgyong and North Hamgyeong; but not Hamburg')).toEqual([
      ['North Hamgyeong Province', 'Hamkyung'],
      ['North Hamgyeong Province', 'Hamgyong'],
      ['North Hamgyeong Province', 'North Hamgyeong'],
    ]);
  });

  it('reads particles after Hangul words that start with digits or Latin letters', () => {
    const m = compileLexicon([term('DMZ', ['DMZ', '비무장지대']), term('38th parallel', ['38선'])]);
    expect(findTerms('DMZ를 넘어 38선을 건넜다', m).map((h) => m.terms[h.term]?.term)).toEqual([
      'DMZ',
      '38th parallel',
    ]);
  });

  it('keeps letters beyond the Basic Multilingual Plane inside their word', () => {
    expect(found('𠀀북한')).toEqual([]);
    expect(found('북한𠀀')).toEqual([]);
    expect(found('Pyongyang𝐀')).toEqual([]);
  });

  it('reads a Hangul word with its particles, not as part of a compound', () => {
    expect(found('북한산에 올랐다. 북한은 평양냉면이 아니라 평양에서')).toEqual([
      ['North Korea', '북한은'],
      ['Pyongyang', '평양에서'],
    ]);
  });

  it('does not match inside longer words', () => {
    expect(found('Pyongyangite famished Northern Koreans')).toEqual([]);
  });
});
