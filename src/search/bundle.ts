import type { Passage, Story } from '@/src/corpus/types';
import type { Term } from '@/src/detect/lexicon';

/**
 * The prebuilt corpus that ships in the extension (public/generated/corpus.json), made by
 * data/build-corpus.ts and loaded lazily by the background.
 *
 * Fuse's typo-tolerant matching runs only over short keys — the vocabulary of passage words
 * and the lexicon aliases — and passages are reached from those keys through postings,
 * because fuzzing every passage's text does not scale (issue #2's design note).
 */
export interface CorpusBundle {
  format: 1;
  stories: Story[];
  passages: Passage[];
  terms: Term[];
  /** Per term (same order as `terms`): indices of the passages where one of its aliases occurs. */
  termPassages: number[][];
  /** Distinct word keys (see src/detect/tokens.ts) of all passages, sorted. */
  vocabulary: string[];
  /** Per vocabulary word: indices of the passages containing it. */
  postings: number[][];
  /** Fuse.createIndex([], vocabulary).toJSON(). */
  vocabularyIndex: FuseIndexJson;
}

export interface FuseIndexJson {
  keys: readonly { path: string[]; id: string; weight: number; src: string }[];
  records: { i: number; v?: string; n: number; $?: unknown }[];
}

export const BUNDLE_PATH = '/generated/corpus.json';
