import { passageId } from '@/src/corpus/parse-story';
import { type Passage, PROVENANCES, type StoryMeta } from '@/src/corpus/types';
import { compileLexicon, type Term, type TermHit, type TermMatcher } from '@/src/lexicon/lexicon';
import type { CorpusBundle } from './bundle';
import { listOf, lowerBound, PACKED_FORMAT, type PackedIndex, packedFromJson } from './packed-index';

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
  /** The one-word aliases' keys, sorted (the packed `aliasWords`, split). */
  aliasWords: string[];
  /** The words of the aliases of terms some passage speaks of, sorted (the packed `aliasParts`, split). */
  aliasParts: string[];
  /** Content-word stems, sorted (the packed stems, split); see content-words.ts. */
  stems: string[];
  /** Per stem: where its entries start in `packed.stemCounts`. */
  stemCountStart: Uint32Array;
  attributions: Map<number, string>;
  /** The passages' text, at hand or to be read (see `textChunks`). */
  texts: PassageTexts;
}

/**
 * The passages' text in chunks of TEXT_CHUNK passages. A large index is cached without its
 * text, so a cold start reads 8 MB, not 24 (50,000 passages); the background reads the
 * chunks it needs when it first shows their passages (firsthand-service.ts `withText`).
 */
export interface PassageTexts {
  chunks: (Uint8Array | undefined)[];
  /** Chunks asked for that were not at hand; their passages read as ''. */
  missing: Set<number>;
  /** Reads a chunk that is not at hand (the background: from its IndexedDB cache). */
  read?: (chunk: number) => Promise<Uint8Array | undefined>;
}

/** A chunk of the passages' text could not be read (the cache lost it): index again. */
export class MissingText extends Error {
  constructor(chunks: Iterable<number>) {
    super(`the text of the passages in chunk(s) ${[...chunks].join(', ')} could not be read`);
    this.name = 'MissingText';
  }
}

/**
 * Runs `compute` (ranking, search, cards: synchronous) with the text of every passage it
 * reads at hand: when it read a chunk that was not, the chunks are read and it runs again
 * (a run may choose other passages once it has their text: at most once per chunk).
 */
export async function withText<T>(index: CorpusIndex, compute: () => T): Promise<T> {
  const { texts } = index;
  for (;;) {
    texts.missing.clear();
    const result = compute();
    if (texts.missing.size === 0) return result;
    const { read } = texts;
    const needed = [...texts.missing];
    if (!read) throw new MissingText(needed);
    await Promise.all(
      needed.map(async (chunk) => {
        const bytes = await read(chunk).catch(() => undefined);
        if (!bytes) throw new MissingText([chunk]);
        texts.chunks[chunk] = bytes;
      }),
    );
  }
}

export const TEXT_CHUNK = 512;

/** The index's text as chunks (the packed index keeps it whole). */
export function textChunks(packed: PackedIndex): Uint8Array[] {
  const n = packed.textStart.length - 1;
  const chunks: Uint8Array[] = [];
  for (let first = 0; first < n; first += TEXT_CHUNK) {
    const last = Math.min(n, first + TEXT_CHUNK);
    chunks.push(packed.text.slice(packed.textStart[first], packed.textStart[last]));
  }
  return chunks;
}

/**
 * The index, ready to answer. Without `chunks`, the text is the packed index's own; with
 * them, chunks left undefined are read later (see PassageTexts).
 */
export function loadCorpusIndex(packed: PackedIndex, chunks?: (Uint8Array | undefined)[]): CorpusIndex {
  if (packed.format !== PACKED_FORMAT) throw new Error(`corpus index format ${String(packed.format)} is not supported`);
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
    vocabulary: lines(packed.vocabulary),
    wordIdf: Float64Array.from(packed.wordPassages.count, idf),
    termIdf: Float64Array.from(packed.termPassages.count, idf),
    stems: lines(packed.stems),
    aliasWords: lines(packed.aliasWords),
    aliasParts: lines(packed.aliasParts),
    stemCountStart: prefixSums(packed.stemPassages.count),
    attributions: new Map(packed.attributions),
    texts: { chunks: chunks ?? textChunks(packed), missing: new Set() },
  };
}

/** Where a passage's text says lexicon terms (the packed `termHit…` arrays), as `findTerms` finds them. */
export function passageTermHits({ packed }: CorpusIndex, p: number): TermHit[] {
  const hits: TermHit[] = [];
  for (let h = packed.termHitStart[p] as number; h < (packed.termHitStart[p + 1] as number); h++) {
    hits.push({
      term: packed.termHitTerm[h] as number,
      start: packed.termHitSpan[2 * h] as number,
      end: packed.termHitSpan[2 * h + 1] as number,
    });
  }
  return hits;
}

/** A packed list of words, one per line, as an array. */
const lines = (packed: string) => (packed === '' ? [] : packed.split('\n'));

function prefixSums(counts: Uint32Array): Uint32Array {
  const sums = new Uint32Array(counts.length + 1);
  for (let i = 0; i < counts.length; i++) sums[i + 1] = (sums[i] as number) + (counts[i] as number);
  return sums;
}

/** The shipped corpus's index, loaded. */
export function loadBundleIndex(bundle: CorpusBundle): CorpusIndex {
  return loadCorpusIndex(packedFromJson(bundle.index));
}

const decoder = new TextDecoder();

/** A passage's text, word for word; '' while its chunk is not at hand (noted in `texts.missing`). */
export function passageText(index: CorpusIndex, p: number): string {
  const { textStart } = index.packed;
  const chunk = Math.floor(p / TEXT_CHUNK);
  const bytes = index.texts.chunks[chunk];
  if (!bytes) {
    index.texts.missing.add(chunk);
    return '';
  }
  const base = textStart[chunk * TEXT_CHUNK] as number;
  return decoder.decode(bytes.subarray((textStart[p] as number) - base, (textStart[p + 1] as number) - base));
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

/** A content-word stem's position in the index's stems, if its passages have it. */
export function findStem(index: CorpusIndex, stem: string): number | undefined {
  return stemPositions(index).get(stem);
}

/** Stem → position, made on first need: a page's words and its cards' words are looked up by the thousand. */
const stemPositions = perIndex((index) => new Map(index.stems.map((stem, i) => [stem, i])));

/** A value made once per loaded index (working arrays, derived tables), kept while the index lives. */
export function perIndex<T>(make: (index: CorpusIndex) => T): (index: CorpusIndex) => T {
  const made = new WeakMap<CorpusIndex, T>();
  return (index) => {
    let value = made.get(index);
    if (value === undefined) {
      value = make(index);
      made.set(index, value);
    }
    return value;
  };
}

/** Every passage, in order, as objects: for tests and tools; the extension reads them one by one. */
export function allPassages(index: CorpusIndex): Passage[] {
  return Array.from({ length: index.passageCount }, (_, p) => passageAt(index, p));
}
