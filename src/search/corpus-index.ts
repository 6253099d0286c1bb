import Fuse from 'fuse.js';
import type { Passage, Story } from '@/src/corpus/types';
import { compileLexicon, type TermMatcher } from '@/src/detect/lexicon';
import type { CorpusBundle } from './bundle';

/** The loaded corpus, ready to answer: what `rankPassages` and `searchPassages` read. */
export interface CorpusIndex {
  bundle: CorpusBundle;
  stories: Map<string, Story>;
  passageIndex: Map<string, number>;
  termIndex: Map<string, number>;
  matcher: TermMatcher;
  vocabulary: Fuse<string>;
  /** Word key → vocabulary position. */
  words: Map<string, number>;
  /** Inverse document frequency per vocabulary word. */
  wordIdf: Float64Array;
  /** Inverse document frequency per term, over the passages it links to. */
  termIdf: Float64Array;
}

export function loadCorpusIndex(bundle: CorpusBundle): CorpusIndex {
  if (bundle.format !== 1) throw new Error(`corpus format ${String(bundle.format)} is not supported`);
  const n = bundle.passages.length;
  const idf = (df: number) => Math.log(1 + n / Math.max(df, 1));
  return {
    bundle,
    stories: new Map(bundle.stories.map((s) => [s.id, s])),
    passageIndex: new Map(bundle.passages.map((p, i) => [p.id, i])),
    termIndex: new Map(bundle.terms.map((t, i) => [t.term, i])),
    matcher: compileLexicon(bundle.terms),
    vocabulary: new Fuse(
      bundle.vocabulary,
      // Typo tolerance on single words: a threshold that lets "tongl" reach "tongil" and
      // "hamgyong" reach "hamgyeong"; search-passages.ts keeps short words out of it.
      // includeMatches: the characters a typo matched, which the cards mark.
      { includeScore: true, includeMatches: true, threshold: 0.34, ignoreLocation: true, minMatchCharLength: 2 },
      Fuse.parseIndex<string>(bundle.vocabularyIndex as Parameters<typeof Fuse.parseIndex>[0]),
    ),
    words: new Map(bundle.vocabulary.map((w, i) => [w, i])),
    wordIdf: Float64Array.from(bundle.postings, (p) => idf(p.length)),
    termIdf: Float64Array.from(bundle.termPassages, (p) => idf(p.length)),
  };
}

export function passageAt(index: CorpusIndex, i: number): Passage {
  return index.bundle.passages[i] as Passage;
}
