import type { Term } from '@/src/detect/lexicon';
import type { DetectedTerm } from '@/src/messaging/protocol';
import { type CorpusIndex, perIndex, termPassages } from './corpus-index';
import { type RankedPassage, termMarks } from './excerpt-cards';
import { listHas } from './packed-index';

/**
 * How much an article must be *about* what the testimonies speak to before any is shown.
 * Aboutness adds up the subject terms the article keeps coming back to (see `aboutness`):
 * one topical term used three times in its own right (weight 3 × ln 4 ≈ 4.2) is not enough
 * — a missile report that says "brokers" and "prison" twice each is still a missile report —
 * two such terms, or one the headline names and the body repeats, is.
 */
export const MIN_ABOUTNESS = 8;
/**
 * A passing mention (once, not in the headline) says little about an article by itself,
 * but a short article that names many subjects once each is about them.
 */
const PASSING_ABOUTNESS = 0.35;
/** A passage's own share of that: the subject terms that reach it. */
const MIN_PASSAGE_ABOUTNESS = 4;
/** A passage far weaker than the best one is noise next to it. */
const RELATIVE_FLOOR = 0.3;
/** What a gate term's mention is worth in ranking next to a subject term's. */
const GATE_SHARE = 0.3;
/** What a passing mention (once, not in the headline) is worth in ranking. */
const PASSING_SHARE = 0.5;
/** The share of its story's other passages' scores that a passage receives. */
const STORY_SHARE = 0.1;
/** Places and countries set the scene; they are never the subject. */
const SUBJECT_KINDS = new Set(['topic', 'event', 'person', 'org']);

export interface RankOptions {
  limit?: number;
  /** At most this many passages from one story, so one long story cannot fill the panel. */
  perStory?: number;
}

/**
 * How much a detected term says the article is about its subject. Zero for places and for
 * generic words (weight 1: family, food, education); little for a passing mention (once in
 * the body, not in the headline): an article is about what it keeps returning to.
 */
export function aboutness(term: Term, d: DetectedTerm): number {
  if (!SUBJECT_KINDS.has(term.kind) || term.weight < 2) return 0;
  const passing = d.count < 2 && !d.inTitle;
  return term.weight * Math.log(1 + d.count) * (d.inTitle ? 1.5 : 1) * (passing ? PASSING_ABOUTNESS : 1);
}

/** How much the whole article is about what the testimonies speak to (see MIN_ABOUTNESS). */
export function pageAboutness(index: CorpusIndex, detected: DetectedTerm[]): number {
  let sum = 0;
  for (const d of detected) {
    const t = index.termIndex.get(d.term);
    const term = t === undefined ? undefined : index.terms[t];
    if (term && d.count >= 1) sum += aboutness(term, d);
  }
  return sum;
}

/**
 * Per index, the arrays `rankPassages` adds up scores in, made once: at 50,000 passages a
 * map entry per reached passage costs more than the ranking itself. Each call clears the
 * entries it touched.
 */
interface Scratch {
  score: Float64Array;
  about: Float64Array;
  /** The passages touched, in the order first reached. */
  touched: Uint32Array;
  seen: Uint8Array;
  storyTotal: Float64Array;
}
const scratch = perIndex(
  ({ passageCount: n, stories }): Scratch => ({
    score: new Float64Array(n),
    about: new Float64Array(n),
    touched: new Uint32Array(n),
    seen: new Uint8Array(n),
    storyTotal: new Float64Array(stories.length),
  }),
);

/**
 * Ranks passages for the terms found on a page, or returns none when the article is not
 * about anything the testimonies speak to. A passage's score adds, over the terms that
 * reach it, the term's weight, sub-linearly how often the article uses it, a headline
 * boost and its idf over the passages; a passage is shown only if subject terms the article
 * is about reach it.
 */
export function rankPassages(index: CorpusIndex, detected: DetectedTerm[], opts: RankOptions = {}): RankedPassage[] {
  const { limit = 6, perStory = 3 } = opts;
  if (pageAboutness(index, detected) < MIN_ABOUTNESS) return [];
  const { score, about, touched, seen, storyTotal } = scratch(index);
  const story = index.passageStory;
  /** The terms used, with the strength and the aboutness each earns a passage it reaches, in page order. */
  const used: [term: number, strength: number, about: number][] = [];
  for (const d of detected) {
    const t = index.termIndex.get(d.term);
    const term = t === undefined ? undefined : index.terms[t];
    if (t === undefined || !term || d.count < 1) continue;
    const termAbout = aboutness(term, d);
    const passing = d.count < 2 && !d.inTitle;
    // Gate terms (North Korea, Pyongyang) say where, which every passage shares.
    const strength =
      term.weight *
      (1 + Math.log(d.count)) *
      (d.inTitle ? 1.5 : 1) *
      (passing ? PASSING_SHARE : 1) *
      (term.gate && termAbout === 0 ? GATE_SHARE : 1) *
      (index.termIdf[t] as number);
    used.push([t, strength, termAbout]);
  }
  // Only a passage that subject terms reach can be shown: those are the passages kept track
  // of. Places and the country (often most of the corpus) add to them, and to their stories.
  let reached = 0;
  for (const [t, strength, termAbout] of used) {
    if (termAbout === 0) continue;
    for (const p of termPassages(index, t)) {
      if (seen[p] === 0) {
        seen[p] = 1;
        touched[reached++] = p;
      }
      score[p] = (score[p] as number) + strength;
      about[p] = (about[p] as number) + termAbout;
    }
  }
  for (let k = 0; k < reached; k++) {
    const p = touched[k] as number;
    const s = story[p] as number;
    storyTotal[s] = (storyTotal[s] as number) + (score[p] as number);
  }
  for (const [t, strength, termAbout] of used) {
    if (termAbout !== 0) continue;
    for (const p of termPassages(index, t)) {
      const s = story[p] as number;
      storyTotal[s] = (storyTotal[s] as number) + strength;
      if (seen[p] === 1) score[p] = (score[p] as number) + strength;
    }
  }
  // A story that speaks to the article in several places is the better read: each passage
  // gets a share of its story's other evidence, so ties between stories break toward it.
  let best = 0;
  for (let k = 0; k < reached; k++) {
    const p = touched[k] as number;
    score[p] = (score[p] as number) + STORY_SHARE * ((storyTotal[story[p] as number] as number) - (score[p] as number));
    if ((about[p] as number) >= MIN_PASSAGE_ABOUTNESS && (score[p] as number) > best) best = score[p] as number;
  }
  // Only passages above the floor can be shown. Each source (the stories Firsthand ships,
  // each imported collection) gets its best passages, up to the limit, from a heap of its
  // own (no sorting of them all; a story already shown `perStory` times is passed over);
  // then the sources take turns, the one with the best passage first, so one large archive
  // cannot crowd the others out of the panel (as `perStory` keeps one long story from
  // filling it).
  const better = (a: number, b: number) =>
    (score[a] as number) > (score[b] as number) || (score[a] === score[b] && a < b);
  const { storyCollection } = index.packed;
  const candidates = new Map<number, number[]>();
  for (let k = 0; k < reached; k++) {
    const p = touched[k] as number;
    if ((about[p] as number) < MIN_PASSAGE_ABOUTNESS || (score[p] as number) < best * RELATIVE_FLOOR) continue;
    const source = storyCollection[story[p] as number] as number;
    const list = candidates.get(source);
    if (list) list.push(p);
    else candidates.set(source, [p]);
  }
  const perStoryCount = new Map<number, number>();
  const turns: number[][] = [];
  for (const list of candidates.values()) {
    const next = bestFirst(list, better);
    const chosen: number[] = [];
    for (let p = next(); p !== undefined && chosen.length < limit; p = next()) {
      const s = story[p] as number;
      const n = perStoryCount.get(s) ?? 0;
      if (n >= perStory) continue;
      perStoryCount.set(s, n + 1);
      chosen.push(p);
    }
    turns.push(chosen);
  }
  turns.sort((a, b) => (better(a[0] as number, b[0] as number) ? -1 : 1));
  const out: RankedPassage[] = [];
  for (let round = 0; out.length < limit && turns.some((list) => round < list.length); round++) {
    for (const list of turns) {
      const p = list[round];
      if (p === undefined || out.length >= limit) continue;
      const why = whyTerms(
        index,
        used.filter(([t]) => listHas(termPassages(index, t), p)).map(([t, strength]) => [t, strength]),
      );
      out.push({ passage: p, score: score[p] as number, terms: why, marks: termMarks(index, p, new Set(why)) });
    }
  }
  for (let k = 0; k < reached; k++) {
    const p = touched[k] as number;
    score[p] = 0;
    about[p] = 0;
    seen[p] = 0;
  }
  storyTotal.fill(0);
  return out;
}

/**
 * The items, best first, one per call (undefined when none is left): a binary heap, built
 * in linear time, so taking the first few of many costs little more than reading them.
 */
export function bestFirst(items: number[], better: (a: number, b: number) => boolean): () => number | undefined {
  const heap = items;
  let size = heap.length;
  const down = (from: number) => {
    let i = from;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= size) return;
      const right = left + 1;
      const child = right < size && better(heap[right] as number, heap[left] as number) ? right : left;
      if (!better(heap[child] as number, heap[i] as number)) return;
      [heap[i], heap[child]] = [heap[child] as number, heap[i] as number];
      i = child;
    }
  };
  for (let i = (size >> 1) - 1; i >= 0; i--) down(i);
  return () => {
    if (size === 0) return undefined;
    const top = heap[0] as number;
    size--;
    heap[0] = heap[size] as number;
    down(0);
    return top;
  };
}

/** A term that earned less than this share of the strongest one's strength is not a reason. */
const WHY_SHARE = 0.2;

/**
 * The terms a reader is shown as "why this": the ones that carried the passage, strongest
 * first; not the country (every passage shares it) nor a word that barely counted.
 */
function whyTerms(index: CorpusIndex, earned: [number, number][]): number[] {
  const sorted = [...earned].sort((a, b) => b[1] - a[1]);
  const top = sorted[0]?.[1] ?? 0;
  return sorted
    .filter(([t, strength]) => strength >= top * WHY_SHARE && index.terms[t]?.kind !== 'country')
    .map(([t]) => t);
}
