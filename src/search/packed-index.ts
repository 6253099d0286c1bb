import { passagesOf } from '@/src/corpus/parse-story';
import { type Passage, PROVENANCES, type Story, type StoryMeta } from '@/src/corpus/types';
import { compileLexicon, findTerms, type Term, type TermMatcher } from '@/src/lexicon/lexicon';
import { tokenize } from '@/src/lexicon/tokens';
import { contentStem } from './content-words';

/**
 * The search index over a corpus's passages, packed so that it stays small and loads fast
 * at 50,000 passages (issue #6): lists of numbers are typed arrays, the vocabulary is one
 * string, the passages' text is one UTF-8 buffer, and the stories are kept without their
 * blocks (the reader reads a story from its source when it opens it). It is what the
 * background keeps in memory, and what it caches in IndexedDB, whose structured clone
 * copies typed arrays as they are.
 *
 * Passages are numbered in story order, each story's passages together, so a passage's
 * story and its id follow from `storyStart`.
 *
 * Typo tolerance still comes from Fuse.js, over the short keys where it shines: the words
 * of the vocabulary a bit-parallel scan finds within reach of a typed word
 * (search-passages.ts). Fusing every passage's text does not scale (issue #2's note).
 */
/** The packed index's format: a cached index of another format is not used. */
export const PACKED_FORMAT = 5;

export interface PackedIndex {
  format: typeof PACKED_FORMAT;
  terms: Term[];
  /** The stories' front matter, in passage order. */
  stories: StoryMeta[];
  /** Per story, its first passage; one more entry, the passage count. */
  storyStart: Uint32Array;
  /** Where the stories come from: '' for the stories Firsthand ships, else an imported collection's id. */
  collections: string[];
  /** Per story: its position in `collections`. */
  storyCollection: Uint32Array;
  /** Per passage: its voice, as a position in PROVENANCES. */
  provenance: Uint8Array;
  /** The passages that name who speaks, with that name. */
  attributions: [number, string][];
  /** Every passage's text, word for word, as UTF-8, one after another. */
  text: Uint8Array;
  /** Per passage, where its text starts in `text`; one more entry, the end. */
  textStart: Uint32Array;
  /** Per term (as `terms`): the passages one of its aliases, or a term its `also` names, reaches. */
  termPassages: Postings;
  /** Per term: the passages whose own text says one of its aliases (no `also`). */
  termSayers: Postings;
  /**
   * Where each passage's text says a lexicon term (`findTerms`: the longest alias first,
   * no two overlapping), for the cards' marks: found here as the passages are indexed,
   * not again each time a passage is first shown. Per passage, where its hits start in
   * `termHitTerm`; one more entry, the end.
   */
  termHitStart: Uint32Array;
  /** Per hit: its term. */
  termHitTerm: Uint16Array;
  /** Per hit: where it starts and ends in its passage's text (two entries a hit). */
  termHitSpan: Uint32Array;
  /** The distinct word keys (src/lexicon/tokens.ts) of the passages and their stories' titles and tellers, sorted, one per line. */
  vocabulary: string;
  /**
   * Per vocabulary word: the passages that have it, as the gaps between them in LEB128
   * varints (a passage number takes one or two bytes, not four); `count` holds how many.
   */
  wordPassages: Postings;
  /** The distinct content-word stems of the passages' own text (content-words.ts), sorted, one per line. */
  stems: string;
  /** Per stem: the passages that have it, as varint gaps (as `wordPassages`). */
  stemPassages: Postings;
  /** Per entry of `stemPassages`, in the same order: how often its passage has the stem (at most 255). */
  stemCounts: Uint8Array;
  /** Per passage: how many content words it has (query-by-document's length normalisation). */
  passageLength: Uint16Array;
  /**
   * Per stem and source (at stem × collections.length + source): how many of that source's
   * passages have the stem. Each source is ranked with its own statistics (rank-passages.ts).
   */
  stemSources: Uint32Array;
  /** Per term and source, the same: how many of the source's passages the term reaches. */
  termSources: Uint32Array;
  /**
   * The keys of the lexicon's one-word aliases, sorted, one per line: words a reader may
   * mean that no passage says, only the term's links (kotjebi, jangmadang).
   */
  aliasWords: string;
  /** Per one-word alias (as `aliasWords`): its terms. */
  aliasWordTerms: Postings;
  /**
   * Every word of the aliases of the terms some passage speaks of, by key, sorted, one per
   * line: a typed word may be written together from them (word-breaks.ts).
   */
  aliasParts: string;
}

/** Lists of increasing passage numbers, one per term or word, one after another. */
export interface Postings {
  /** Per list, where it starts in `data`; one more entry, the end. */
  start: Uint32Array;
  /** Per list, how many passages it holds. */
  count: Uint32Array;
  /** Uint32Array of passage numbers, or Uint8Array of varint gaps (`wordPassages`). */
  data: Uint32Array | Uint8Array;
}

/**
 * Indexes stories' passages for the lexicon's terms. `collectionOf` names the imported
 * collection a story comes from; without it, or for '', the story is one Firsthand ships.
 */
export function packIndex(
  stories: readonly Story[],
  terms: Term[],
  collectionOf: (story: Story, position: number) => string = () => '',
): PackedIndex {
  const passages: Passage[] = [];
  const storyStart = new Uint32Array(stories.length + 1);
  stories.forEach((story, s) => {
    storyStart[s] = passages.length;
    for (const p of passagesOf(story)) passages.push(p);
  });
  storyStart[stories.length] = passages.length;
  const n = passages.length;

  if (terms.length > 0xffff) throw new Error(`a lexicon of ${terms.length} terms: at most 65,535 can be indexed`);
  const matcher = compileLexicon(terms);
  const sayers: number[][] = terms.map(() => []);
  const termHitStart = new Uint32Array(n + 1);
  const hitTerms: number[] = [];
  const hitSpans: number[] = [];
  passages.forEach((p, pi) => {
    for (const hit of findTerms(p.text, matcher)) {
      const list = sayers[hit.term] as number[];
      if (list[list.length - 1] !== pi) list.push(pi);
      hitTerms.push(hit.term);
      hitSpans.push(hit.start, hit.end);
    }
    termHitStart[pi + 1] = hitTerms.length;
  });
  const termPassages = alsoClosure(terms, sayers);

  const collections = [''];
  const storyCollection = Uint32Array.from(stories, (story, i) => {
    const id = collectionOf(story, i);
    const at = collections.indexOf(id);
    return at >= 0 ? at : collections.push(id) - 1;
  });

  // Each passage is tokenized once; its words' lists grow in passage order, so they are
  // sorted and free of repeats without sets or sorting. Its own text's words are also its
  // content-word stems (a story's title and teller are words of every passage, not stems).
  const wordOf = new Map<string, number>();
  const lists: number[][] = [];
  const addWord = (key: string, pi: number) => {
    let w = wordOf.get(key);
    if (w === undefined) {
      w = lists.length;
      wordOf.set(key, w);
      lists.push([]);
    }
    const list = lists[w] as number[];
    if (list[list.length - 1] !== pi) list.push(pi);
  };
  const stemming = stemPostings(n, collections.length);
  stories.forEach((story, s) => {
    const told = tokenize(` ${story.title} ${story.narrator}`).map((t) => t.key);
    const source = storyCollection[s] as number;
    for (let pi = storyStart[s] as number; pi < (storyStart[s + 1] as number); pi++) {
      for (const { key } of tokenize((passages[pi] as Passage).text)) {
        addWord(key, pi);
        stemming.add(pi, key, source);
      }
      for (const key of told) addWord(key, pi);
    }
  });
  const words = [...wordOf.keys()].sort();
  const { stems, stemLists, stemCounts, passageLength, stemSources } = stemming.finish();
  const termSources = new Uint32Array(terms.length * collections.length);
  const passageSource = new Uint32Array(n);
  stories.forEach((_, s) => {
    passageSource.fill(storyCollection[s] as number, storyStart[s], storyStart[s + 1]);
  });
  termPassages.forEach((list, t) => {
    for (const p of list) {
      const at = t * collections.length + (passageSource[p] as number);
      termSources[at] = (termSources[at] as number) + 1;
    }
  });

  const aliases = aliasKeys(matcher, termPassages);

  const encoder = new TextEncoder();
  const encoded = passages.map((p) => encoder.encode(p.text));
  const textStart = new Uint32Array(n + 1);
  encoded.forEach((bytes, i) => {
    textStart[i + 1] = (textStart[i] as number) + bytes.length;
  });
  const text = new Uint8Array(textStart[n] as number);
  encoded.forEach((bytes, i) => {
    text.set(bytes, textStart[i] as number);
  });

  return {
    format: PACKED_FORMAT,
    terms,
    stories: stories.map(({ blocks: _blocks, ...meta }) => meta),
    storyStart,
    collections,
    storyCollection,
    provenance: Uint8Array.from(passages, (p) => PROVENANCES.indexOf(p.provenance)),
    attributions: passages.flatMap((p, i): [number, string][] => (p.attribution ? [[i, p.attribution]] : [])),
    text,
    textStart,
    termPassages: packLists(termPassages),
    termSayers: packLists(sayers),
    termHitStart,
    termHitTerm: Uint16Array.from(hitTerms),
    termHitSpan: Uint32Array.from(hitSpans),
    vocabulary: words.join('\n'),
    wordPassages: packGaps(words.map((w) => lists[wordOf.get(w) as number] as number[])),
    stems: stems.join('\n'),
    stemPassages: packGaps(stemLists),
    stemCounts,
    passageLength,
    stemSources,
    termSources,
    aliasWords: aliases.words.join('\n'),
    aliasWordTerms: packLists(aliases.wordTerms),
    aliasParts: aliases.parts.join('\n'),
  };
}

/**
 * The lexicon's aliases as the popup's search reads them, made here once rather than on
 * a search's first typo or run-together word (about a millisecond and a half, at every
 * start of the background): the one-word aliases with their terms, and the words of the
 * aliases of the terms that `termPassages` gives some passage.
 */
function aliasKeys(matcher: TermMatcher, termPassages: readonly number[][]) {
  const termsOf = new Map<string, number[]>();
  const parts = new Set<string>();
  for (const [first, list] of matcher.starts) {
    for (const [term, rest] of list) {
      if (rest.length === 0) termsOf.set(first, [...(termsOf.get(first) ?? []), term]);
      if ((termPassages[term]?.length ?? 0) === 0) continue;
      parts.add(first);
      for (const key of rest) parts.add(key);
    }
  }
  const words = [...termsOf.keys()].sort();
  return { words, wordTerms: words.map((w) => termsOf.get(w) as number[]), parts: [...parts].sort() };
}

/**
 * Each passage's content-word stems, with how often it has each (query-by-document's
 * postings), added word by word in passage order; and per stem, how many passages of each
 * source have it.
 */
function stemPostings(passageCount: number, sourceCount: number) {
  const stemOfKey = new Map<string, string>();
  const byStem = new Map<string, { list: number[]; counts: number[]; sources: number[] }>();
  const passageLength = new Uint16Array(passageCount);
  let total = 0;
  return {
    add(pi: number, key: string, source: number) {
      let stem = stemOfKey.get(key);
      if (stem === undefined) {
        stem = contentStem(key);
        stemOfKey.set(key, stem);
      }
      if (stem === '') return;
      passageLength[pi] = Math.min(65535, (passageLength[pi] as number) + 1);
      let entry = byStem.get(stem);
      if (!entry) {
        entry = { list: [], counts: [], sources: new Array<number>(sourceCount).fill(0) };
        byStem.set(stem, entry);
      }
      const last = entry.list.length - 1;
      if (entry.list[last] === pi) entry.counts[last] = Math.min(255, (entry.counts[last] as number) + 1);
      else {
        entry.list.push(pi);
        entry.counts.push(1);
        entry.sources[source] = (entry.sources[source] as number) + 1;
        total++;
      }
    },
    finish() {
      const stems = [...byStem.keys()].sort();
      const stemCounts = new Uint8Array(total);
      const stemSources = new Uint32Array(stems.length * sourceCount);
      const stemLists: number[][] = [];
      let at = 0;
      stems.forEach((stem, i) => {
        const entry = byStem.get(stem) as { list: number[]; counts: number[]; sources: number[] };
        stemCounts.set(entry.counts, at);
        at += entry.counts.length;
        stemSources.set(entry.sources, i * sourceCount);
        stemLists.push(entry.list);
      });
      return { stems, stemLists, stemCounts, passageLength, stemSources };
    },
  };
}

/** A term reaches the passages of the terms its `also` names, transitively. */
function alsoClosure(terms: readonly Term[], direct: readonly number[][]): number[][] {
  const byName = new Map(terms.map((t, i) => [t.term, i]));
  return terms.map((_, i) => {
    const reached = new Set<number>();
    const seen = new Set<number>();
    const visit = (j: number) => {
      if (seen.has(j)) return;
      seen.add(j);
      for (const p of direct[j] ?? []) reached.add(p);
      for (const name of terms[j]?.also ?? []) {
        const k = byName.get(name);
        if (k !== undefined) visit(k);
      }
    };
    visit(i);
    return [...reached].sort((a, b) => a - b);
  });
}

function packLists(lists: readonly number[][]): Postings {
  const start = new Uint32Array(lists.length + 1);
  const count = Uint32Array.from(lists, (l) => l.length);
  lists.forEach((l, i) => {
    start[i + 1] = (start[i] as number) + l.length;
  });
  const data = new Uint32Array(start[lists.length] as number);
  lists.forEach((l, i) => {
    data.set(l, start[i] as number);
  });
  return { start, count, data };
}

function packGaps(lists: readonly number[][]): Postings {
  const start = new Uint32Array(lists.length + 1);
  const count = Uint32Array.from(lists, (l) => l.length);
  let size = 0;
  for (const list of lists) {
    let prev = 0;
    for (const p of list) {
      size += varintLength(p - prev);
      prev = p;
    }
  }
  const data = new Uint8Array(size);
  let at = 0;
  lists.forEach((list, i) => {
    let prev = 0;
    for (const p of list) {
      let gap = p - prev;
      prev = p;
      while (gap >= 0x80) {
        data[at++] = (gap & 0x7f) | 0x80;
        gap >>>= 7;
      }
      data[at++] = gap;
    }
    start[i + 1] = at;
  });
  return { start, count, data };
}

function varintLength(v: number): number {
  let length = 1;
  while (v >= 0x80) {
    v >>>= 7;
    length++;
  }
  return length;
}

/**
 * Reads varint-gap lists (`wordPassages`) one passage per `next()`, into no array: for
 * loops that stop early or read a list only in part. `open` a list, then read while
 * `more()`. Closures over locals, not an object's fields: the hot loops of the popup's
 * search run faster so (bench:search).
 */
export function gapReader(postings: Postings): {
  open: (list: number) => void;
  more: () => boolean;
  next: () => number;
} {
  const { start } = postings;
  const data = postings.data as Uint8Array;
  let at = 0;
  let end = 0;
  let last = 0;
  return {
    open: (list) => {
      at = start[list] as number;
      end = start[list + 1] as number;
      last = 0;
    },
    more: () => at < end,
    next: () => {
      let byte: number;
      let gap = 0;
      for (let shift = 0; ; shift += 7) {
        byte = data[at++] as number;
        gap |= (byte & 0x7f) << shift;
        if (byte < 0x80) break;
      }
      last += gap;
      return last;
    },
  };
}

/**
 * Decodes a list of varint gaps (`wordPassages`, `stemPassages`) into `out` (at least the
 * list's count long), in order, and says how many passages it holds. The hot loops decode
 * into an array they keep, then read it: no call per passage.
 */
export function decodeGaps(postings: Postings, list: number, out: Uint32Array): number {
  const data = postings.data;
  let n = 0;
  let p = 0;
  for (let at = postings.start[list] as number, end = postings.start[list + 1] as number; at < end; ) {
    let gap = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = data[at++] as number;
      gap |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80);
    p += gap;
    out[n++] = p;
  }
  return n;
}

/** Calls `each` with every passage of a word's list (`wordPassages`), in order. */
export function forEachGap(postings: Postings, list: number, each: (passage: number) => void): void {
  const passages = new Uint32Array(postings.count[list] as number);
  const n = decodeGaps(postings, list, passages);
  for (let i = 0; i < n; i++) each(passages[i] as number);
}

/** A list of `termPassages` or `termSayers`: its passages, as a view (no copy). */
export function listOf(postings: Postings, list: number): Uint32Array {
  return (postings.data as Uint32Array).subarray(postings.start[list], postings.start[list + 1]);
}

/** Whether a sorted list has a passage. */
export function listHas(list: Uint32Array, passage: number): boolean {
  const at = lowerBound(list, passage);
  return at < list.length && list[at] === passage;
}

/** The first position in a sorted list whose item is not below `key` (binary search). */
export function lowerBound<T extends string | number>(sorted: ArrayLike<T>, key: T): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as T) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The packed index as JSON (public/generated/corpus.json ships it): typed arrays as
 * `{ "$u32": [...] }`, `{ "$u16": [...] }` or `{ "$u8": "<base64>" }`, everything else as it is.
 */
export function packedToJson(index: PackedIndex): unknown {
  return JSON.parse(
    JSON.stringify(index, (_key, value: unknown) => {
      if (value instanceof Uint32Array) return { $u32: Array.from(value) };
      if (value instanceof Uint16Array) return { $u16: Array.from(value) };
      if (value instanceof Uint8Array) return { $u8: toBase64(value) };
      return value;
    }),
  );
}

export function packedFromJson(json: unknown): PackedIndex {
  const revive = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(revive);
    if (value === null || typeof value !== 'object') return value;
    const record = value as Record<string, unknown>;
    if (Array.isArray(record.$u32)) return Uint32Array.from(record.$u32 as number[]);
    if (Array.isArray(record.$u16)) return Uint16Array.from(record.$u16 as number[]);
    if (typeof record.$u8 === 'string') return fromBase64(record.$u8);
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, revive(v)]));
  };
  const index = revive(json) as PackedIndex;
  if (index?.format !== PACKED_FORMAT) throw new Error(`corpus index format ${String(index?.format)} is not supported`);
  return index;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}
