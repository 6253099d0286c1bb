import { describe, expect, it } from 'vitest';
import { tokenize } from '@/src/lexicon/tokens';
import { loadBundleIndex } from './corpus-index';
import { buildCorpusFromData } from './read-data';
import { breakKey, rereadQuery } from './word-breaks';

const index = loadBundleIndex(buildCorpusFromData());
const reread = (query: string, nothing: readonly string[] = []) =>
  rereadQuery(
    index,
    query,
    tokenize(query),
    (tok) => nothing.includes(tok.key),
    () => false,
  );

describe('breakKey', () => {
  it('reads a word as the fewest known words it is written from', () => {
    expect(breakKey(index, 'kwangjin')).toEqual(['kwang', 'jin']);
    expect(breakKey(index, 'northkorea')).toEqual(['north', 'korea']);
    // "tongil" is a word of the passages; "market" too.
    expect(breakKey(index, 'tongilmarket')).toEqual(['tongil', 'market']);
    // No passage speaks of Kim Jong Un: "jong" is no word to read into.
    expect(breakKey(index, 'kimjongun')).toBeUndefined();
  });

  it('breaks into whole words only: a piece that only starts a word is none', () => {
    expect(breakKey(index, 'northkor')).toBeUndefined();
    // "care" + "ful" (the start of "full"): not a reading.
    expect(breakKey(index, 'careful')).toBeUndefined();
  });

  it('breaks into at most three pieces of two letters or more, and no Hangul', () => {
    expect(breakKey(index, 'northkoreakim')).toEqual(['north', 'korea', 'kim']);
    expect(breakKey(index, 'northkoreakimjong')).toBeUndefined();
    expect(breakKey(index, 'kimx')).toBeUndefined();
    expect(breakKey(index, 'kimxjong')).toBeUndefined();
    expect(breakKey(index, '북한여성')).toBeUndefined();
  });
});

describe('rereadQuery', () => {
  it('breaks only the words that read as nothing, and keeps the rest of the query as typed', () => {
    expect(reread('Women in northkorea today', ['northkorea'])).toBe('Women in north korea today');
    expect(reread('Women in northkorea today')).toBeUndefined();
    // Nor a name or a contraction typed with an apostrophe.
    expect(reread("O'Neill", ['oneill'])).toBeUndefined();
  });

  it('never joins a word to the next while it is still being typed', () => {
    // Keystroke by keystroke: "c", "m" and "ar" start words; joined, they would be "inc", "them", "wear".
    for (const typing of ['life in c', 'at the m', 'a m', 'we ar', 'famine of t', 'jang mada']) {
      expect(reread(typing), typing).toBeUndefined();
    }
  });

  it('reads only into words some passage speaks of', () => {
    // The lexicon has songbun, but no passage speaks of it: "song bun" stays as typed.
    expect(reread('song bun')).toBeUndefined();
  });

  it('joins two words when one is no word and the two are one', () => {
    expect(reread('pyong yang')).toBe('pyongyang');
    expect(reread('Pyong Yan')).toBe('pyongyan');
    // Both words known: as typed, though "north korea" could be written as one.
    expect(reread('north korea')).toBeUndefined();
  });

  it('leaves the words of a lexicon phrase alone', () => {
    const query = 'pyong yang';
    expect(
      rereadQuery(
        index,
        query,
        tokenize(query),
        () => true,
        () => true,
      ),
    ).toBeUndefined();
  });
});
