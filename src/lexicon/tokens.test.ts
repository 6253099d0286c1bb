import { describe, expect, it } from 'vitest';
import { takesSuffixes, tokenize } from './tokens';

const keys = (text: string) => tokenize(text).map((t) => t.key);
const spans = (text: string) => tokenize(text).map((t) => text.slice(t.start, t.end));

describe('tokenize', () => {
  it('joins a word across its apostrophes, drops a possessive, and ends a word at a quote next to Hangul', () => {
    expect(keys("P'yŏngyang’s rock'n'roll, defectors' lives")).toEqual(['pyongyang', 'rocknroll', 'defector', 'live']);
    expect(keys("'장마당'이 ‘태양절’행사")).toEqual(['장마당', '이', '태양절', '행사']);
    // The modifier letter apostrophe is a letter, so a run may hold it; it still vanishes.
    expect(keys('Pʼyŏngyang ʼ')).toEqual(['pyongyang']);
  });

  it('gives offsets into the text as written, where lower case changes a letter’s length', () => {
    const text = 'İstanbul and Seoul';
    expect(keys(text)).toEqual(['istanbul', 'and', 'seoul']);
    expect(spans(text)).toEqual(['İstanbul', 'and', 'Seoul']);
  });

  it('lowers each word as it would be alone (a capital sigma after a word is no final sigma)', () => {
    expect(keys('A.Σ')).toEqual(['a', 'σ']);
    expect(keys('ΟΔΟΣ')).toEqual(['οδος']);
  });

  it('keeps letters beyond the Basic Multilingual Plane inside a word, and lone surrogates out', () => {
    expect(spans('a𝒜b \ud800c')).toEqual(['a𝒜b', 'c']);
  });
});

describe('takesSuffixes', () => {
  it('is true for Hangul, jamo and Han anywhere in a word, false for Latin and other scripts', () => {
    expect(['탈북자', '38선', 'dmz를', 'ᄀ', 'ㄱ', '中'].map(takesSuffixes)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['pyongyang', 'é', 'ا', 'ｶ'].map(takesSuffixes)).toEqual([false, false, false, false]);
  });
});
