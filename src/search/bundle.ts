import type { Story } from '@/src/corpus/types';
import type { Term } from '@/src/lexicon/lexicon';

/**
 * The prebuilt corpus that ships in the extension (public/generated/corpus.json), made by
 * data/build-corpus.ts and loaded lazily by the background: the stories as the reader
 * shows them, the lexicon, and the search index over their passages (packed-index.ts),
 * built at build time and revived with `packedFromJson`.
 */
export interface CorpusBundle {
  format: 2;
  stories: Story[];
  terms: Term[];
  /** `packedToJson(packIndex(stories, terms))`. */
  index: unknown;
}

export const BUNDLE_PATH = '/generated/corpus.json';
