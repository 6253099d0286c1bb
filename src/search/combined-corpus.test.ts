import { describe, expect, it } from 'vitest';
import { articleEvidence } from '@/src/detect/assess-page';
import { buildCorpusFromData } from '@/src/search/read-data';
import { syntheticArticles } from '@/src/testing/synthetic-articles';
import { bundleFingerprint, combineCorpus } from './combined-corpus';
import { allPassages, loadBundleIndex, loadCorpusIndex, passageAt } from './corpus-index';
import { packedFromJson } from './packed-index';
import { rankPassages } from './rank-passages';
import { searchPassages } from './search-passages';

// A synthetic collection written for these tests: not testimony.
const source = (id: string, body: string) =>
  `---\nid: ${id}\ntitle: Synthetic ${id}\nnarrator: Synthetic narrator\npublisher: Synthetic Oral History Project\ndate: 2021-05-01\nurl: https://example.org/${id}\ntopics: famine, markets\nprovenance: witness\n---\n\n${body}\n`;
const synthetic = {
  collectionId: 'synthetic-collection',
  stories: [
    {
      file: 'synthetic-chongjin.md',
      source: source(
        'synthetic-chongjin',
        'Synthetic: in Chongjin the jangmadang stalls sold smuggled rice, and everyone called the seller Quillfeather.',
      ),
    },
  ],
};

describe('combineCorpus', () => {
  const bundled = buildCorpusFromData();

  it('adds the collections’ stories to the bundled ones, which stay as they were', () => {
    const combined = combineCorpus(bundled, [synthetic]);
    expect(combined.stories.map((s) => s.id)).toEqual([...bundled.stories.map((s) => s.id), 'synthetic-chongjin']);
    const before = allPassages(loadBundleIndex(bundled));
    const after = allPassages(loadCorpusIndex(combined));
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.at(-1)).toMatchObject({ storyId: 'synthetic-chongjin', provenance: 'witness' });
    expect(combineCorpus(bundled, [])).toEqual(packedFromJson(bundled.index));
  });

  it('indexes them like the bundled stories: search and page matching find them', () => {
    // As the background's cache gives it back: IndexedDB's structured clone.
    const index = loadCorpusIndex(structuredClone(combineCorpus(bundled, [synthetic])));
    const found = searchPassages(index, 'quillfeathr');
    expect(found.map((r) => passageAt(index, r.passage).storyId)).toEqual(['synthetic-chongjin']);
    const ranked = rankPassages(index, articleEvidence(syntheticArticles.marketWomen, index.matcher));
    expect(ranked.map((r) => passageAt(index, r.passage).storyId)).toContain('synthetic-chongjin');
  });

  it('leaves out a story whose id is taken, or that no longer reads, and keeps the rest', () => {
    const combined = combineCorpus(bundled, [
      {
        collectionId: 'broken',
        stories: [
          { file: 'josephs-story-part-1-2024.md', source: source('josephs-story-part-1-2024', 'Synthetic copy.') },
          { file: 'synthetic-bad.md', source: '---\nid: synthetic-bad\n---\n' },
        ],
      },
      synthetic,
    ]);
    expect(combined.stories.filter((s) => s.id === 'josephs-story-part-1-2024')).toHaveLength(1);
    expect(combined.stories.map((s) => s.id)).not.toContain('synthetic-bad');
    expect(combined.stories.map((s) => s.id)).toContain('synthetic-chongjin');
  });

  it('fingerprints the bundled corpus: any change to what is indexed changes it', () => {
    const same = buildCorpusFromData();
    expect(bundleFingerprint(same)).toBe(bundleFingerprint(bundled));
    const [first, ...rest] = same.stories;
    if (!first) throw new Error('no bundled story');
    const blocks = first.blocks.map((b, i) => (i === 3 ? { ...b, text: `${b.text}!` } : b));
    const edited = { ...same, stories: [{ ...first, blocks }, ...rest] };
    expect(bundleFingerprint(edited)).not.toBe(bundleFingerprint(bundled));
    // A lexicon edit that changes only how a term ranks.
    const reweighed = { ...same, terms: same.terms.map((t, i) => (i === 0 ? { ...t, weight: t.weight + 1 } : t)) };
    expect(bundleFingerprint(reweighed)).not.toBe(bundleFingerprint(bundled));
  });

  it('fingerprints everything a card shows: a corrected content note, a same-length text fix', () => {
    const same = buildCorpusFromData();
    const [first, ...rest] = same.stories;
    if (!first) throw new Error('no bundled story');
    const noted = { ...same, stories: [{ ...first, contentNotes: [...first.contentNotes, 'famine'] }, ...rest] };
    expect(bundleFingerprint(noted)).not.toBe(bundleFingerprint(bundled));
    // One letter for another: every length stays as it was.
    const fixed = first.blocks.map((b, i) => (i === 3 ? { ...b, text: b.text.replace(/e/, 'a') } : b));
    expect(fixed[3]?.text).not.toBe(first.blocks[3]?.text);
    expect(fixed[3]?.text.length).toBe(first.blocks[3]?.text.length);
    expect(bundleFingerprint({ ...same, stories: [{ ...first, blocks: fixed }, ...rest] })).not.toBe(
      bundleFingerprint(bundled),
    );
    const retitled = { ...same, stories: [{ ...first, title: first.title.replace(/./, 'X') }, ...rest] };
    expect(bundleFingerprint(retitled)).not.toBe(bundleFingerprint(bundled));
  });
});
