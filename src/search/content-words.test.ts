import { describe, expect, it } from 'vitest';
import { tokenize } from '@/src/lexicon/tokens';
import { contentStem } from './content-words';

const stems = (text: string) => tokenize(text).map((t) => contentStem(t.key));

describe('contentStem', () => {
  it('meets an article and a testimony on the stem: repatriated and repatriation, markets and market', () => {
    expect(contentStem('repatriated')).toBe(contentStem('repatriation'));
    expect(stems('markets')).toEqual(stems('market'));
    expect(stems('starving starvation')).toEqual(['starv', 'starvat']);
  });

  it('leaves out stop words, numbers and one- or two-letter words', () => {
    expect(stems('the 1990s and of a 38 it is we')).toEqual(['', '', '', '', '', '', '', '', '']);
  });

  it('takes Hangul particles off, so 탈북자들은 and 탈북자가 are one word', () => {
    expect(stems('탈북자들은 탈북자가 장마당에서')).toEqual(['탈북자', '탈북자', '장마당']);
  });

  it('keeps a compound whole: 평양맥주는 is not 평양', () => {
    expect(stems('평양맥주는')).toEqual(['평양맥주']);
  });
});
