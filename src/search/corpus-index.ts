import { passageId } from '@/src/corpus/parse-story';
import { type Passage, PROVENANCES, type StoryMeta } from '@/src/corpus/types';
import { compileLexicon, type Term, type TermMatcher } from '@/src/detect/lexicon';
import type { CorpusBundle } from './bundle';
import { listOf, type PackedIndex, packedFromJson } from './packed-index';

/** The loaded corpus, ready to answer: what `rankPassages` and `searchPassages` read. */
export interface CorpusIndex {
  packed: PackedIndex;
  terms: Term[];
  termIndex: Map<string, number>;
  matcher: TermMatcher;
  stories: StoryMeta[];
  /** Story id → position in `stories`. */
  storyIndex: Map<string, number>;
  passageCount: number;
  /** Per passage: its story's position in `stories`. */
  passageStory: Uint32Array;
  /** Distinct word keys, sorted (the packed vocabulary, split). */
  vocabulary: string[];
  /** Inverse document frequency per vocabulary word. */
  wordIdf: Float64Array;
  /** Inverse document frequency per term, over the passages it links to. */
  termIdf: Float64Array;
  attributions: Map<number, string>;
}

export function loadCorpusIndex(packed: PackedIndex): CorpusIndex {
  if (packed.format !== 2) throw new Error(`corpus index format ${String(packed.format)} is not supported`);
  const n = packed.textStart.length - 1;
  const idf = (df: number) => Math.log(1 + n / Math.max(df, 1));
  const passageStory = new Uint32Array(n);
  for (let s = 0; s < packed.stories.length; s++) {
    passageStory.fill(s, packed.storyStart[s], packed.storyStart[s + 1]);
  }
  return {
    packed,
    terms: packed.terms,
    termIndex: new Map(packed.terms.map((t, i) => [t.term, i])),
    matcher: compileLexicon(packed.terms),
    stories: packed.stories,
    storyIndex: new Map(packed.stories.map((s, i) => [s.id, i])),
    passageCount: n,
    passageStory,
    vocabulary: packed.vocabulary === '' ? [] : packed.vocabulary.split('\n'),
    wordIdf: Float64Array.from(packed.wordPassages.count, idf),
    termIdf: Float64Array.from(packed.termPassages.count, idf),
    attributions: new Map(packed.attributions),
  };
}

/** The shipped corpus's index, loaded. */
export function loadBundleIndex(bundle: CorpusBundle): CorpusIndex {
  return loadCorpusIndex(packedFromJson(bundle.index));
}

const decoder = new TextDecoder();

/** A passage's text, word for word. */
export function passageText(index: CorpusIndex, p: number): string {
  const { text, textStart } = index.packed;
  return decoder.decode(text.subarray(textStart[p], textStart[p + 1]));
}

export function storyOfPassage(index: CorpusIndex, p: number): StoryMeta {
  return index.stories[index.passageStory[p] as number] as StoryMeta;
}

export function passageIdAt(index: CorpusIndex, p: number): string {
  const s = index.passageStory[p] as number;
  return passageId((index.stories[s] as StoryMeta).id, p - (index.packed.storyStart[s] as number));
}

/** A passage's position from its id, if the corpus has it. */
export function findPassage(index: CorpusIndex, id: string): number | undefined {
  const cut = id.lastIndexOf('-p');
  const s = cut < 0 ? undefined : index.storyIndex.get(id.slice(0, cut));
  if (s === undefined) return undefined;
  const ordinal = Number(id.slice(cut + 2)) - 1;
  const p = (index.packed.storyStart[s] as number) + ordinal;
  return Number.isInteger(ordinal) &&
    ordinal >= 0 &&
    p < (index.packed.storyStart[s + 1] as number) &&
    passageIdAt(index, p) === id
    ? p
    : undefined;
}

/** The passages of a story, as positions [from, to). */
export function storyPassages(index: CorpusIndex, storyId: string): [number, number] {
  const s = index.storyIndex.get(storyId);
  if (s === undefined) return [0, 0];
  return [index.packed.storyStart[s] as number, index.packed.storyStart[s + 1] as number];
}

export function passageAt(index: CorpusIndex, p: number): Passage {
  const attribution = index.attributions.get(p);
  return {
    id: passageIdAt(index, p),
    storyId: storyOfPassage(index, p).id,
    provenance: PROVENANCES[index.packed.provenance[p] as number] as Passage['provenance'],
    ...(attribution ? { attribution } : {}),
    text: passageText(index, p),
  };
}

/** The passages a term links to (its aliases and its `also`), as a view. */
export function termPassages(index: CorpusIndex, t: number): Uint32Array {
  return listOf(index.packed.termPassages, t);
}

/** A word key's position in the vocabulary, if the corpus has it. */
export function findWord(index: CorpusIndex, key: string): number | undefined {
  const at = lowerBound(index.vocabulary, key);
  return index.vocabulary[at] === key ? at : undefined;
}

export function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as string) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Every passage, in order, as objects: for tests and tools; the extension reads them one by one. */
export function allPassages(index: CorpusIndex): Passage[] {
  return Array.from({ length: index.passageCount }, (_, p) => passageAt(index, p));
}
