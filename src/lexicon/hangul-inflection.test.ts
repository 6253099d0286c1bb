import { describe, expect, it } from 'vitest';
import { buildCorpusFromData } from '@/src/search/read-data';
import { isInflectedForm } from './hangul-inflection';
import { compileLexicon, findTerms } from './lexicon';

const { terms } = buildCorpusFromData();
const matcher = compileLexicon(terms);
const termsIn = (text: string) => findTerms(text, matcher).map((h) => matcher.terms[h.term]?.term);

describe('isInflectedForm', () => {
  it('takes the bare word, particles, the copula and verbs made of the word', () => {
    for (const [word, stem] of [
      ['북한', 2],
      ['북한의', 2],
      ['탈북자들은', 3],
      ['북한에서는', 2],
      ['북한과의', 2],
      ['평양까지도', 2],
      ['북한이라는', 2],
      ['동성애자임을', 4],
      ['동성애자다', 4],
      ['탈북했다', 2],
      ['북송되면서', 2],
      ['북한군이', 2],
      ['함흥시민이', 2],
    ] as const) {
      expect(isInflectedForm(word, stem), word).toBe(true);
    }
  });

  it('refuses a compound with another noun', () => {
    for (const [word, stem] of [
      ['북한산', 2],
      ['북한강변', 2],
      ['평양냉면', 2],
      ['청진기', 2],
      ['국경일', 2],
    ] as const) {
      expect(isInflectedForm(word, stem), word).toBe(false);
    }
  });

  it('drops 이 of the copula after a vowel only', () => {
    expect(isInflectedForm('탈북자였다', 3)).toBe(true);
    expect(isInflectedForm('평양였다', 2)).toBe(false);
  });

  it('takes anything after Han or kana, where words run together, and nothing else after Latin letters', () => {
    expect(isInflectedForm('北朝鮮の', 3)).toBe(true);
    expect(isInflectedForm('北朝鮮에서', 3)).toBe(true);
    expect(isInflectedForm('북한tv', 2)).toBe(false);
    expect(isInflectedForm('nisa는', 3)).toBe(false);
    expect(isInflectedForm('dmz를', 3)).toBe(true);
  });
});

describe('Korean mentions in the real lexicon (issue 11, item 5)', () => {
  // Compounds in which an alias is only the first part: places, dishes and things named
  // after it, which Seoul's news, reviews and travel pages write every day.
  const compounds = [
    '북한산', // Bukhansan, a mountain in Seoul (also "made in North Korea": left out with it)
    '북한산은',
    '북한산성',
    '북한산국립공원',
    '북한강', // a river east of Seoul
    '북한강변',
    '북한강철교',
    '남한강자전거길', // the Namhan river's bike trail
    '평양냉면', // a noodle dish served all over South Korea
    '평양냉면은',
    '평양냉면계의',
    '평양면옥', // restaurant names
    '평양온반',
    '평양만두',
    '평양식', // "Pyongyang-style" (평양식 냉면)
    '함흥냉면',
    '함흥차사', // an idiom: a messenger who never comes back
    '청진기', // a stethoscope
    '국경일', // a national holiday
    '한국은행', // the Bank of Korea
    '한국시리즈', // baseball's Korean Series
    '서울대',
    '중국집', // a Chinese restaurant
    '개성시장',
  ];

  it.each(compounds)('finds no term in %s', (word) => {
    expect(termsIn(`어제 ${word} 이야기`)).toEqual([]);
  });

  const mentions: [string, string][] = [
    ['탈북자들은', 'North Korean defector'],
    ['탈북민들은', 'North Korean defector'],
    ['탈북자였다', 'North Korean defector'],
    ['탈북한', 'North Korean defector'],
    ['탈북하는', 'North Korean defector'],
    ['탈북남성의', 'North Korean defector'],
    ['탈북청소년', 'North Korean defector'],
    ['북한의', 'North Korea'],
    ['북한에서', 'North Korea'],
    ['북한에서는', 'North Korea'],
    ['북한에선', 'North Korea'],
    ['북한과의', 'North Korea'],
    ['북한이라는', 'North Korea'],
    ['북한군이', 'North Korea'],
    ['북한군들', 'North Korea'],
    ['북한인들이', 'North Korea'],
    ['북한출신', 'North Korea'],
    ['평양에서', 'Pyongyang'],
    ['평양에서는', 'Pyongyang'],
    ['평양시내', 'Pyongyang'],
    ['평양시에는', 'Pyongyang'],
    ['평양발', 'Pyongyang'],
    ['平壤에서', 'Pyongyang'],
    ['장마당에서', 'jangmadang'],
    ['장마당이나', 'jangmadang'],
    ['꽃제비들이', 'kotjebi'],
    ['꽃제비로', 'kotjebi'],
    ['청진시에서', 'Chongjin'],
    ['함흥시민이', 'Hamhung'],
    ['함흥에서는', 'Hamhung'],
    ['두만강변에', 'Tumen River'],
    ['북송되면서', 'forced repatriation'],
    ['강제북송을', 'forced repatriation'],
    ['고아원에서는', 'orphan'],
    ['동성애자임을', 'homosexuality'],
    ['동성애자다', 'homosexuality'],
    ['이혼했다', 'divorce'],
    ['정착한', 'resettlement'],
    ['한국행을', 'South Korea'],
    ['중국당국은', 'China'],
    ['랴오닝성', 'China'],
    ['데일리NK와의', 'Daily NK'],
    ['김정은동지께서', 'Kim Jong Un'],
    ['北朝鮮の', 'North Korea'],
  ];

  it.each(mentions)('finds %s as %s', (word, term) => {
    expect(termsIn(`어제 ${word} 이야기`)).toEqual([term]);
  });

  it('ends a word at a closing quote, so what follows it is a word of its own', () => {
    const text = "‘태양절’행사 '장마당'이 '고난의 행군'을";
    expect(findTerms(text, matcher).map((h) => text.slice(h.start, h.end))).toEqual([
      '태양절',
      '장마당',
      '고난의 행군',
    ]);
  });
});
