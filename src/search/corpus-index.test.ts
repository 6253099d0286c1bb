import { describe, expect, it } from 'vitest';
import { articleEvidence } from '@/src/detect/assess-page';
import { buildCorpusFromData } from '@/src/search/read-data';
import { syntheticArticles } from '@/src/testing/synthetic-articles';
import { syntheticStories } from '@/src/testing/synthetic-corpus';
import {
  type CorpusIndex,
  findPassage,
  loadCorpusIndex,
  MissingText,
  passageIdAt,
  storyOfPassage,
  TEXT_CHUNK,
  textChunks,
  withText,
} from './corpus-index';
import { toExcerptCard } from './excerpt-cards';
import { packIndex } from './packed-index';
import { rankPassages } from './rank-passages';
import { relatedPassages } from './related-passages';
import { searchPassages } from './search-passages';

// The bundled stories and 1,500 SYNTHETIC passages (src/testing/synthetic-corpus.ts: generated,
// not testimony), so the text spans several chunks.
const bundled = buildCorpusFromData();
const packed = packIndex([...structuredClone(bundled.stories), ...syntheticStories(1500)], bundled.terms, (story) =>
  story.id.startsWith('synthetic-') ? 'synthetic' : '',
);
const chunks = textChunks(packed);
const warm = loadCorpusIndex(packed);

/** The index as a restarted background has it: no text at hand, each chunk read on demand. */
function cold(): { index: CorpusIndex; reads: number[] } {
  const index = loadCorpusIndex({ ...packed, text: new Uint8Array(0) }, new Array(chunks.length));
  const reads: number[] = [];
  index.texts.read = async (chunk) => {
    reads.push(chunk);
    return chunks[chunk]?.slice();
  };
  return { index, reads };
}

describe('an index whose text is read as it is shown', () => {
  it('spans several chunks here', () => {
    expect(chunks.length).toBeGreaterThanOrEqual(3);
    expect(TEXT_CHUNK * (chunks.length - 1)).toBeLessThan(warm.passageCount);
  });

  it('answers related excerpts as an index with all its text does, reading only the chunks of what it shows', async () => {
    for (let p = 0; p < warm.passageCount; p += 37) {
      const storyId = storyOfPassage(warm, p).id;
      const passageId = passageIdAt(warm, p);
      const ask = (index: CorpusIndex) =>
        relatedPassages(index, storyId, { passageId }).map((r) => toExcerptCard(index, r));
      const { index, reads } = cold();
      const shown = await withText(index, () => ask(index));
      expect(shown, passageId).toEqual(ask(warm));
      // Only the chunks of the excerpts shown: choosing them reads no text.
      const chunkOf = (id: string) => Math.floor((findPassage(warm, id) as number) / TEXT_CHUNK);
      expect(new Set(reads), passageId).toEqual(new Set(shown.map((c) => chunkOf(c.passageId))));
    }
  });

  it('ranks pages and searches as an index with all its text does', async () => {
    const page = articleEvidence(syntheticArticles.famineOrphans, warm.matcher);
    expect(rankPassages(warm, page).length).toBeGreaterThan(0);
    const { index } = cold();
    expect(await withText(index, () => rankPassages(index, page).map((r) => toExcerptCard(index, r)))).toEqual(
      rankPassages(warm, page).map((r) => toExcerptCard(warm, r)),
    );
    for (const query of ['famine', 'tongl market', '탈북자']) {
      const { index: fresh } = cold();
      expect(await withText(fresh, () => searchPassages(fresh, query).map((r) => toExcerptCard(fresh, r)))).toEqual(
        searchPassages(warm, query).map((r) => toExcerptCard(warm, r)),
      );
    }
  });

  it('says which text it could not read, so the background can index again', async () => {
    const { index } = cold();
    index.texts.read = async () => undefined;
    await expect(withText(index, () => searchPassages(index, 'famine'))).rejects.toBeInstanceOf(MissingText);
  });
});
