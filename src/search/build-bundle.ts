import type { Story } from '@/src/corpus/types';
import type { Term } from '@/src/lexicon/lexicon';
import type { CorpusBundle } from './bundle';
import { type PackedIndex, packedToJson, packIndex } from './packed-index';

/** Builds the shipped corpus: the stories, the lexicon and their prebuilt search index. */
export function buildBundle(
  stories: Story[],
  terms: Term[],
  index: PackedIndex = packIndex(stories, terms),
): CorpusBundle {
  return { format: 2, stories, terms, index: packedToJson(index) };
}
