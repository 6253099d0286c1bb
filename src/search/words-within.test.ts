import Fuse from 'fuse.js';
import { describe, expect, it } from 'vitest';
import { buildCorpusFromData } from '@/src/search/read-data';
import { loadBundleIndex } from './corpus-index';
import { typoDistance, wordsStartingWithin, wordsWithin } from './words-within';

const { vocabulary } = loadBundleIndex(buildCorpusFromData());
/** As search-passages.ts asks Fuse. */
const OPTIONS = {
  includeScore: true,
  includeMatches: true,
  threshold: 0.34,
  ignoreLocation: true,
  minMatchCharLength: 2,
};
const everyWord = new Fuse(vocabulary, OPTIONS);

/** What Fuse finds over the few words the scan lets through, as positions in the vocabulary. */
function throughTheScan(key: string) {
  const near = wordsWithin(vocabulary, key, Math.floor(0.34 * key.length));
  return new Fuse(
    near.map((w) => vocabulary[w] as string),
    OPTIONS,
  )
    .search(key, { limit: 8 })
    .map((r) => ({ ...r, refIndex: near[r.refIndex] }));
}

/** A deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A typo: characters dropped, doubled, swapped or replaced, as typing makes them. */
function typo(word: string, next: () => number): string {
  const chars = [...word];
  const edits = 1 + Math.floor(next() * 3);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(next() * chars.length);
    const kind = Math.floor(next() * 4);
    const letter = 'aeiounrstlkgmhy'[Math.floor(next() * 15)] as string;
    if (kind === 0 && chars.length > 1) chars.splice(at, 1);
    else if (kind === 1) chars.splice(at, 0, letter);
    else if (kind === 2 && at + 1 < chars.length)
      [chars[at], chars[at + 1]] = [chars[at + 1] as string, chars[at] as string];
    else chars[at] = letter;
  }
  return chars.join('');
}

describe('wordsWithin', () => {
  // A property test over many inputs: its time is not the point, on a busy machine it may take 10 s.
  it('lets Fuse find exactly what it finds over the whole vocabulary, for 2,000 typed typos', {
    timeout: 60_000,
  }, () => {
    const next = random(6);
    const long = vocabulary.filter((w) => w.length >= 4);
    let compared = 0;
    for (let i = 0; i < 2000; i++) {
      const key = typo(long[Math.floor(next() * long.length)] as string, next);
      if (key.length < 4) continue;
      expect(throughTheScan(key), key).toEqual(everyWord.search(key, { limit: 8 }));
      compared++;
    }
    expect(compared).toBeGreaterThan(1500);
  });

  it('finds the word a typo was made from, and leaves out most of the vocabulary', () => {
    expect(throughTheScan('tongl').map((r) => r.item)).toContain('tongil');
    expect(throughTheScan('hamgyong').map((r) => r.item)).toContain('hamgyeong');
    const near = wordsWithin(vocabulary, 'starvaton', 3);
    expect(near.map((w) => vocabulary[w])).toContain('starvation');
    expect(near.length).toBeLessThan(vocabulary.length / 10);
  });

  it('counts insertions, deletions and substitutions, each as one edit', () => {
    const words = ['market', 'marke', 'markets', 'marxet', 'mraket', 'trader'];
    const within = (key: string, errors: number) => wordsWithin(words, key, errors).map((w) => words[w]);
    expect(within('market', 0)).toEqual(['market', 'markets']);
    expect(within('market', 1)).toEqual(['market', 'marke', 'markets', 'marxet']);
    expect(within('market', 2)).toEqual(['market', 'marke', 'markets', 'marxet', 'mraket']);
    expect(within('trader', 0)).toEqual(['trader']);
  });

  it('lets every word through for a pattern too long for its bits, and for an empty one (Fuse decides)', () => {
    expect(wordsWithin(['a', 'b'], 'x'.repeat(40), 3)).toEqual([0, 1]);
    expect(wordsWithin(['a', 'b'], '', 0)).toEqual([0, 1]);
  });
});

/** Edits from a to b, insertions, deletions, substitutions and neighbour swaps, by the full table. */
function reference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => i + j));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const up = d[i - 1] as number[];
      row[j] = Math.min(
        (up[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (up[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
      }
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}

describe('typoDistance', () => {
  it('counts insertions, deletions, substitutions and swaps of neighbours, each as one edit', () => {
    expect(typoDistance('tongl', 'tongil', 2)).toBe(1);
    expect(typoDistance('hamgyong', 'hamgyeong', 2)).toBe(1);
    expect(typoDistance('kimchee', 'kimchi', 2)).toBe(2);
    expect(typoDistance('recieve', 'receive', 2)).toBe(1);
    expect(typoDistance('famine', 'famine', 0)).toBe(0);
  });

  it('tells a typo of a word from a piece of a longer one', () => {
    // Fuse finds "young" one edit from the "yong" inside "pyongyang"; as a word it is far.
    expect(wordsWithin(['pyongyang'], 'young', 1)).toEqual([0]);
    expect(typoDistance('young', 'pyongyang', 1)).toBeGreaterThan(1);
    expect(typoDistance('young', 'pyongyang', 1, true)).toBeGreaterThan(1);
  });

  it('with prefix, measures from the start of a word still being typed', () => {
    expect(typoDistance('hamgyo', 'hamgyeong', 2, true)).toBe(1);
    expect(typoDistance('hamgyo', 'hamgyeong', 2)).toBeGreaterThan(2);
    expect(typoDistance('starvat', 'starvation', 0, true)).toBe(0);
  });

  it('agrees with the full table for 2,000 typed typos, up to its limit', () => {
    const next = random(11);
    const long = vocabulary.filter((w) => w.length >= 4);
    for (let i = 0; i < 2000; i++) {
      const word = long[Math.floor(next() * long.length)] as string;
      const typed = typo(word, next);
      const max = Math.floor(next() * 4);
      const capped = (d: number) => Math.min(d, max + 1);
      expect(capped(typoDistance(typed, word, max)), `${typed} → ${word}`).toBe(capped(reference(typed, word)));
      const toStart = Math.min(
        ...Array.from({ length: word.length + 1 }, (_, j) => reference(typed, word.slice(0, j))),
      );
      expect(capped(typoDistance(typed, word, max, true)), `${typed} → ${word}…`).toBe(capped(toStart));
    }
  });
});

describe('wordsStartingWithin', () => {
  /** The words whose start is within `max` of the typed word, by typoDistance over every word. */
  const everyWordStarting = (list: readonly string[], typed: string, max: number) =>
    list.flatMap((w, i) => (typoDistance(typed, w, max, true) <= max ? [i] : []));

  it('finds exactly the words a scan of every word finds, in order, for 2,000 typed typos', {
    timeout: 60_000,
  }, () => {
    const next = random(17);
    const long = vocabulary.filter((w) => w.length >= 4);
    for (let i = 0; i < 2000; i++) {
      const typed = typo(long[Math.floor(next() * long.length)] as string, next);
      const max = Math.floor(0.34 * typed.length);
      expect(wordsStartingWithin(vocabulary, typed, max), typed).toEqual(everyWordStarting(vocabulary, typed, max));
    }
  });

  it('finds exactly what a scan finds over Latin and Hangul words, for typos of either', () => {
    const next = random(23);
    // Synthetic Hangul words (random syllables), some after a Latin letter, beside the vocabulary.
    const syllable = () => String.fromCharCode(0xac00 + Math.floor(next() * 11_172));
    const hangul = Array.from(
      { length: 400 },
      (_, i) => `${i % 4 === 0 ? 'k' : ''}${Array.from({ length: 2 + Math.floor(next() * 3) }, syllable).join('')}`,
    );
    const mixed = [...new Set([...vocabulary, ...hangul])].sort();
    const long = mixed.filter((w) => w.length >= 3);
    for (let i = 0; i < 600; i++) {
      const word = long[Math.floor(next() * long.length)] as string;
      const typed = i % 2 === 0 ? typo(word, next) : `${word.slice(0, -1)}${syllable()}`;
      const max = Math.max(1, Math.floor(0.34 * typed.length));
      expect(wordsStartingWithin(mixed, typed, max), typed).toEqual(everyWordStarting(mixed, typed, max));
    }
  });

  it('counts a swap of neighbours as one edit, and takes every word a close start begins', () => {
    const words = ['mraket', 'market', 'marketplace', 'markets', 'marx', 'trader'].sort();
    const starting = (typed: string, max: number) => wordsStartingWithin(words, typed, max).map((w) => words[w]);
    expect(starting('mraket', 1)).toEqual(['market', 'marketplace', 'markets', 'mraket']);
    expect(starting('marke', 0)).toEqual(['market', 'marketplace', 'markets']);
    expect(starting('tarder', 1)).toEqual(['trader']);
    expect(starting('zzzz', 1)).toEqual([]);
  });

  it('reads Hangul as it reads Latin letters', () => {
    const words = ['탈북', '탈북자', '탈북자들', '평양'].sort();
    expect(wordsStartingWithin(words, '탈북쟈', 1).map((w) => words[w])).toEqual(['탈북', '탈북자', '탈북자들']);
  });
});
