import { describe, expect, it } from 'vitest';
import { parseStory } from '@/src/corpus/parse-story';
import { findTerms } from '@/src/lexicon/lexicon';
import { buildCorpusFromData } from '@/src/search/read-data';
import {
  allPassages,
  findPassage,
  findWord,
  loadBundleIndex,
  loadCorpusIndex,
  passageIdAt,
  passageTermHits,
  passageText,
} from './corpus-index';
import { forEachGap, gapReader, listOf, packedFromJson, packedToJson, packIndex } from './packed-index';

const bundle = buildCorpusFromData();

/** A synthetic story written for this test (not testimony); paragraphs of 12 words or more are a passage each. */
function syntheticStory(id: string, paragraphs: string[]) {
  return parseStory(
    `${id}.md`,
    `---\nid: ${id}\ntitle: Synthetic ${id}\nnarrator: Synthetic teller\npublisher: Synthetic Project\ndate: 2020-01-01\nurl: https://example.org/${id}\ntopics: famine\nprovenance: witness\n---\n\n${paragraphs.join('\n\n')}\n`,
  );
}
const FILLER = 'and the words that make this paragraph long enough to stand alone';

describe('packIndex', () => {
  it('keeps every passage word for word, Hangul and curly quotes included', () => {
    const index = loadBundleIndex(bundle);
    const again = loadCorpusIndex(packIndex(bundle.stories, bundle.terms));
    expect(allPassages(again)).toEqual(allPassages(index));
    const korean = syntheticStory('synthetic-hangul', [
      'Synthetic: “장마당에서 일했어요,” she said — the market’s rules were hers, all of them, always.',
    ]);
    const mixed = loadCorpusIndex(packIndex([korean], bundle.terms));
    expect(allPassages(mixed).map((p) => p.text)).toEqual(korean.blocks.map((b) => b.text));
    expect(allPassages(mixed)[0]?.text).toContain('장마당');
  });

  it('finds a passage by its id and refuses ids it does not have', () => {
    const index = loadBundleIndex(bundle);
    for (let p = 0; p < index.passageCount; p++) expect(findPassage(index, passageIdAt(index, p))).toBe(p);
    const first = passageIdAt(index, 0);
    for (const id of [
      '',
      'nothing',
      `${first}x`,
      first.replace(/p01$/, 'p00'),
      first.replace(/p01$/, 'p99'),
      first.replace(/p01$/, 'p1'),
    ]) {
      expect(findPassage(index, id), id).toBeUndefined();
    }
  });

  it('lists each word’s passages exactly, across gaps that take one, two and three bytes', () => {
    // Passages 0, 1, 200 and 20,000 say "quillfeather": gaps of 1, 199 and 19,800.
    const paragraphs = Array.from({ length: 20_001 }, (_, i) =>
      [0, 1, 200, 20_000].includes(i)
        ? `Synthetic paragraph ${i} names quillfeather ${FILLER}.`
        : `Synthetic paragraph ${i} ${FILLER}.`,
    );
    const packed = packIndex([syntheticStory('synthetic-many', paragraphs)], bundle.terms);
    const index = loadCorpusIndex(packed);
    expect(index.passageCount).toBe(20_001);
    const w = findWord(index, 'quillfeather');
    expect(w).toBeTypeOf('number');
    const found: number[] = [];
    forEachGap(packed.wordPassages, w as number, (p) => found.push(p));
    expect(found).toEqual([0, 1, 200, 20_000]);
    expect(packed.wordPassages.count[w as number]).toBe(4);
    // Every word list holds each passage that says it, once, in order.
    const synthetic = findWord(index, 'synthetic') as number;
    let count = 0;
    let last = -1;
    forEachGap(packed.wordPassages, synthetic, (p) => {
      expect(p).toBeGreaterThan(last);
      last = p;
      count++;
    });
    expect(count).toBe(20_001);
  });

  it('links terms to the passages that say them, and through `also` to more', () => {
    const packed = packIndex(bundle.stories, bundle.terms);
    const index = loadCorpusIndex(packed);
    const famine = index.termIndex.get('famine') as number;
    const sayers = [...listOf(packed.termSayers, famine)];
    const linked = [...listOf(packed.termPassages, famine)];
    expect(sayers.length).toBeGreaterThan(0);
    expect(linked).toEqual(expect.arrayContaining(sayers));
    expect(linked.length).toBeGreaterThanOrEqual(sayers.length);
    expect([...linked].sort((a, b) => a - b)).toEqual(linked);
  });

  it('keeps where each passage says its terms, exactly as findTerms finds them', () => {
    const stories = [
      ...bundle.stories,
      syntheticStory('hits', [
        `North Korean defectors crossed into China in the famine. ${FILLER}`,
        `No term at all is in this paragraph, only ${FILLER}`,
        `탈북자들은 장마당에서 일했다 and the jangmadang of Hamkyung, ${FILLER}`,
      ]),
    ];
    const index = loadCorpusIndex(packIndex(stories, bundle.terms));
    let hits = 0;
    for (let p = 0; p < index.passageCount; p++) {
      const expected = findTerms(passageText(index, p), index.matcher);
      expect(passageTermHits(index, p), passageIdAt(index, p)).toEqual(expected);
      hits += expected.length;
    }
    expect(hits).toBeGreaterThan(index.passageCount);
    expect(passageTermHits(index, index.passageCount - 2)).toEqual([]);
  });

  it("keeps the lexicon's aliases as the popup's search reads them", () => {
    const packed = packIndex(bundle.stories, bundle.terms);
    const index = loadCorpusIndex(packed);
    const sorted = (keys: string[]) => [...new Set(keys)].sort();
    expect(index.aliasWords).toEqual(sorted(index.aliasWords));
    expect(index.aliasParts).toEqual(sorted(index.aliasParts));
    // A one-word alias with its term: the word a reader may mean that no passage says.
    const jangmadang = index.aliasWords.indexOf('jangmadang');
    expect([...listOf(packed.aliasWordTerms, jangmadang)]).toEqual([index.termIndex.get('jangmadang')]);
    // The words a typed word may be run together from: only those of terms some passage
    // speaks of. No passage speaks of songbun, so "song bun" is not read as it.
    const songbun = index.termIndex.get('songbun') as number;
    expect(packed.termPassages.count[songbun]).toBe(0);
    expect(index.aliasWords).toContain('songbun');
    expect(index.aliasParts).not.toContain('songbun');
    expect(index.aliasParts).toContain('jangmadang');
  });

  it('comes back whole from JSON (the shipped corpus) and from a structured clone (the cache)', () => {
    const packed = packIndex(bundle.stories, bundle.terms);
    const fromJson = packedFromJson(JSON.parse(JSON.stringify(packedToJson(packed))));
    expect(fromJson).toEqual(packed);
    expect(fromJson.text).toBeInstanceOf(Uint8Array);
    expect(fromJson.termPassages.data).toBeInstanceOf(Uint32Array);
    expect(structuredClone(packed)).toEqual(packed);
    expect(() => packedFromJson({ format: 1 })).toThrow(/format 1 is not supported/);
  });
});

describe('gapReader', () => {
  it('reads every word list of the bundled index as forEachGap does, and stops where asked', () => {
    const { wordPassages } = loadBundleIndex(bundle).packed;
    const { open, more, next } = gapReader(wordPassages);
    let lists = 0;
    for (let w = 0; w < wordPassages.count.length; w++) {
      const expected: number[] = [];
      forEachGap(wordPassages, w, (p) => expected.push(p));
      const read: number[] = [];
      for (open(w); more(); ) read.push(next());
      expect(read).toEqual(expected);
      lists += expected.length > 1 ? 1 : 0;
    }
    // Control: lists of several passages, whose gaps add up, were among them.
    expect(lists).toBeGreaterThan(100);
    // Opening a list starts it afresh, wherever the last one was left.
    open(0);
    next();
    open(0);
    const first: number[] = [];
    forEachGap(wordPassages, 0, (p) => first.push(p));
    expect(next()).toBe(first[0]);
  });
});
