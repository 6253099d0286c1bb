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
    expect(breakKey(index, 'kwangjin', false)).toEqual(['kwang', 'jin']);
    expect(breakKey(index, 'northkorea', false)).toEqual(['north', 'korea']);
    // "jong" and "un" are words of an alias (Kim Jong Un), whether or not a passage says them.
    expect(breakKey(index, 'kimjongun', false)).toEqual(['kim', 'jong', 'un']);
  });

  it('takes the last piece as a prefix only while it is typed', () => {
    expect(breakKey(index, 'northkor', true)).toEqual(['north', 'kor']);
    expect(breakKey(index, 'northkor', false)).toBeUndefined();
  });

  it('breaks into at most three pieces of two letters or more, and no Hangul', () => {
    expect(breakKey(index, 'northkoreakim', false)).toEqual(['north', 'korea', 'kim']);
    expect(breakKey(index, 'northkoreakimjong', false)).toBeUndefined();
    expect(breakKey(index, 'kimx', false)).toBeUndefined();
    expect(breakKey(index, 'kimxjong', false)).toBeUndefined();
    expect(breakKey(index, '북한여성', false)).toBeUndefined();
  });
});

describe('rereadQuery', () => {
  it('breaks only the words that read as nothing, and keeps the rest of the query as typed', () => {
    expect(reread('Women in northkorea!', ['northkorea'])).toBe('Women in north korea!');
    expect(reread('Women in northkorea!')).toBeUndefined();
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
