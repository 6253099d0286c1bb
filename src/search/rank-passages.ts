import type { Term } from '@/src/detect/lexicon';
import { tokenize } from '@/src/detect/tokens';
import type { DetectedTerm, PageEvidence } from '@/src/messaging/protocol';
import { contentStem } from './content-words';
import { type CorpusIndex, findStem, passageText, perIndex, termPassages } from './corpus-index';
import { type RankedPassage, termMarks } from './excerpt-cards';
import { forEachGap, listHas } from './packed-index';
import {
  decidesToShow,
  type PageFeatures,
  type PageModel,
  type RankConstants,
  SHIPPED_MODEL,
  STATECRAFT_STEMS,
} from './page-decision';

/**
 * Which testimonies relate to an article (issue #11): query by document. The article's
 * own content words, stemmed, are the query (Lucene's MoreLikeThis: its most telling
 * words by tf·idf), and each passage is scored by BM25 on its own words; the lexicon's
 * terms found on the page count beside them as synonyms (aliases, romanisations, Hangul:
 * a Korean article reaches the English stories only through them). Whether to show
 * anything at all is the page model's decision (page-decision.ts).
 */

/** BM25's usual constants (Robertson and Zaragoza; Lucene's defaults): not fitted. */
const K1 = 1.2;
const B = 0.75;
/** How many of the article's words make the query (MoreLikeThis's default maxQueryTerms). */
const QUERY_STEMS = 25;
/** A passage far weaker than the best one is noise next to it. */
const RELATIVE_FLOOR = 0.3;
/** A term or word that earned less than this share of the passage's best is not shown as a reason. */
const WHY_SHARE = 0.2;
/** Places and countries set the scene; they are never the subject (the lexicon's aboutness). */
const SUBJECT_KINDS = new Set(['topic', 'event', 'person', 'org']);

export const SHIPPED_CONSTANTS: RankConstants = SHIPPED_MODEL.rank;

export interface RankOptions {
  limit?: number;
  /** At most this many passages from one story, so one long story cannot fill the panel. */
  perStory?: number;
}

/**
 * How much a detected term says the article is about its subject (the page model's
 * "subject evidence"). Zero for places and for generic words (weight 1: family, food);
 * little for a passing mention (once in the body, not in the headline): an article is
 * about what it keeps returning to.
 */
export function aboutness(term: Term, d: DetectedTerm): number {
  if (!SUBJECT_KINDS.has(term.kind) || term.weight < 2) return 0;
  const passing = d.count < 2 && !d.inTitle;
  return term.weight * Math.log(1 + d.count) * (d.inTitle ? 1.5 : 1) * (passing ? 0.35 : 1);
}

/** How much the whole article is about what the testimonies speak to, by the lexicon. */
export function pageAboutness(index: CorpusIndex, detected: readonly DetectedTerm[]): number {
  let sum = 0;
  for (const d of detected) {
    const t = index.termIndex.get(d.term);
    const term = t === undefined ? undefined : index.terms[t];
    if (term && d.count >= 1) sum += aboutness(term, d);
  }
  return sum;
}

/**
 * Per index, the arrays scores add up in, made once: at 50,000 passages a map entry per
 * reached passage costs more than the ranking itself. Each call clears what it touched.
 */
interface Scratch {
  score: Float64Array;
  /** The passages touched, in the order first reached. */
  touched: Uint32Array;
  seen: Uint8Array;
  storyTotal: Float64Array;
}
const scratch = perIndex(
  ({ passageCount: n, stories }): Scratch => ({
    score: new Float64Array(n),
    touched: new Uint32Array(n),
    seen: new Uint8Array(n),
    storyTotal: new Float64Array(stories.length),
  }),
);

/** BM25's inverse document frequency (never below zero). */
const idf = (n: number, df: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5));

/** One part of the query: a content-word stem or a lexicon term, and what it weighs. */
interface QueryPart {
  kind: 'stem' | 'term';
  /** Stem or term position in the index. */
  at: number;
  /** Query weight × idf. */
  weight: number;
  /** What a reader is shown for it: the article's own word, or the term's label. */
  label: string;
}

/** What the page model and the cards need from one article. */
export interface PageReading {
  features: PageFeatures;
  /** The passages a reader would be shown if the model says yes, best first. */
  ranked: RankedPassage[];
}

/** The article's query: its most telling content words, and the lexicon terms it uses. */
function pageQuery(index: CorpusIndex, evidence: PageEvidence, constants: RankConstants) {
  const n = index.passageCount;
  const counts = new Map<number, number>();
  /** Stems the passages never say, with their counts. */
  const unknown = new Map<string, number>();
  const surface = new Map<number, [string, number]>();
  let words = 0;
  let hangul = 0;
  let statecraft = 0;
  for (const [key, count] of evidence.words) {
    const stem = contentStem(key);
    if (stem === '') continue;
    words += count;
    if (stem.charCodeAt(0) >= 0xac00 && stem.charCodeAt(0) <= 0xd7af) hangul += count;
    if (STATECRAFT_STEMS.has(stem)) statecraft += count;
    const s = findStem(index, stem);
    if (s === undefined) {
      unknown.set(stem, (unknown.get(stem) ?? 0) + count);
      continue;
    }
    counts.set(s, (counts.get(s) ?? 0) + count);
    const seen = surface.get(s);
    if (!seen || seen[1] < count) surface.set(s, [key, count]);
  }
  // The article's most telling words by tf·idf, those the passages never say among them
  // (they take the highest idf): what a passage would have to say to speak to all of it.
  const profile = [...unknown.values()].map((count) => (1 + Math.log(count)) * idf(n, 0));
  const parts: QueryPart[] = [];
  for (const [s, count] of counts) {
    const weight = (1 + Math.log(count)) * idf(n, index.packed.stemPassages.count[s] as number);
    profile.push(weight);
    parts.push({ kind: 'stem', at: s, weight, label: surface.get(s)?.[0] ?? '' });
  }
  parts.sort((a, b) => b.weight - a.weight || a.at - b.at);
  parts.length = Math.min(parts.length, QUERY_STEMS);
  let mass = profile
    .sort((a, b) => b - a)
    .slice(0, QUERY_STEMS)
    .reduce((sum, w) => sum + w, 0);
  for (const d of evidence.terms) {
    const t = index.termIndex.get(d.term);
    if (t === undefined || d.count < 1) continue;
    const weight = constants.termShare * (1 + Math.log(d.count)) * idf(n, index.packed.termPassages.count[t] as number);
    mass += weight;
    parts.push({ kind: 'term', at: t, weight, label: d.term });
  }
  return { parts, mass: mass * (K1 + 1), words, hangul, statecraft };
}

/** Calls `each` with every passage a query part reaches, and how often the passage says it. */
function forEachPosting(index: CorpusIndex, part: QueryPart, each: (p: number, tf: number) => void): void {
  if (part.kind === 'term') {
    for (const p of termPassages(index, part.at)) each(p, 1);
    return;
  }
  const { stemPassages, stemCounts } = index.packed;
  let entry = index.stemCountStart[part.at] as number;
  forEachGap(stemPassages, part.at, (p) => each(p, stemCounts[entry++] as number));
}

/**
 * Reads an article as the page model sees it (its features) and ranks the passages it
 * would show: each passage's BM25 score for the article's query, plus a share of its
 * story's other passages' scores (a story that speaks to the article in several places is
 * the better read). Each source (the stories Firsthand ships, each imported collection)
 * gets its best passages from a heap of its own; then the sources take turns, the one
 * with the best passage first, so one large archive cannot crowd the others out.
 */
export function readPage(
  index: CorpusIndex,
  evidence: PageEvidence,
  constants: RankConstants = SHIPPED_CONSTANTS,
  opts: RankOptions = {},
): PageReading {
  const { limit = 6, perStory = 3 } = opts;
  const { score, touched, seen, storyTotal } = scratch(index);
  const story = index.passageStory;
  const { passageLength } = index.packed;
  const mean = index.meanPassageLength;
  const { parts, mass, words, hangul, statecraft } = pageQuery(index, evidence, constants);

  let reached = 0;
  for (const part of parts) {
    forEachPosting(index, part, (p, tf) => {
      if (seen[p] === 0) {
        seen[p] = 1;
        touched[reached++] = p;
      }
      const norm = K1 * (1 - B + (B * (passageLength[p] as number)) / mean);
      score[p] = (score[p] as number) + (part.weight * (tf * (K1 + 1))) / (tf + norm);
    });
  }
  let similarity = 0;
  for (let k = 0; k < reached; k++) {
    const p = touched[k] as number;
    const s = story[p] as number;
    storyTotal[s] = (storyTotal[s] as number) + (score[p] as number);
    if ((score[p] as number) > similarity) similarity = score[p] as number;
  }
  let best = 0;
  for (let k = 0; k < reached; k++) {
    const p = touched[k] as number;
    const own = score[p] as number;
    score[p] = own + constants.storyShare * ((storyTotal[story[p] as number] as number) - own);
    if ((score[p] as number) > best) best = score[p] as number;
  }

  const better = (a: number, b: number) =>
    (score[a] as number) > (score[b] as number) || (score[a] === score[b] && a < b);
  const { storyCollection } = index.packed;
  const candidates = new Map<number, number[]>();
  for (let k = 0; k < reached; k++) {
    const p = touched[k] as number;
    if ((score[p] as number) <= 0 || (score[p] as number) < best * RELATIVE_FLOOR) continue;
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
  const order: number[] = [];
  for (let round = 0; order.length < limit && turns.some((list) => round < list.length); round++) {
    for (const list of turns) {
      const p = list[round];
      if (p !== undefined && order.length < limit) order.push(p);
    }
  }
  const ranked = order.map((p) => ({ passage: p, score: score[p] as number }));
  for (let k = 0; k < reached; k++) {
    const p = touched[k] as number;
    score[p] = 0;
    seen[p] = 0;
  }
  storyTotal.fill(0);

  const features: PageFeatures = {
    subject: Math.log1p(pageAboutness(index, evidence.terms)),
    similarity: mass > 0 ? similarity / mass : 0,
    statecraft: Math.log1p((100 * statecraft) / Math.max(words, 1)),
    korean: hangul * 2 > words ? 1 : 0,
  };
  return { features, ranked: ranked.map((r) => explain(index, parts, r, evidence)) };
}

/**
 * Ranks passages for an article, or returns none when the page model says the article is
 * not about anything the testimonies speak to.
 */
export function rankPassages(
  index: CorpusIndex,
  evidence: PageEvidence,
  opts: RankOptions = {},
  model: PageModel = SHIPPED_MODEL,
): RankedPassage[] {
  const reading = readPage(index, evidence, model.rank, opts);
  return decidesToShow(reading.features, model) ? reading.ranked : [];
}

/**
 * "Why this": the article's words and the lexicon terms that carried a passage, strongest
 * first, and where its text says them. The country is never a reason: every passage shares it.
 */
function explain(
  index: CorpusIndex,
  parts: readonly QueryPart[],
  { passage, score }: { passage: number; score: number },
  _evidence: PageEvidence,
): RankedPassage {
  const earned: [QueryPart, number][] = [];
  for (const part of parts) {
    if (part.kind === 'term') {
      if (index.terms[part.at]?.kind !== 'country' && listHas(termPassages(index, part.at), passage)) {
        earned.push([part, part.weight]);
      }
    }
  }
  const stemsHere = new Set<number>();
  const text = passageText(index, passage);
  for (const { key } of tokenize(text)) {
    const stem = contentStem(key);
    const s = stem === '' ? undefined : findStem(index, stem);
    if (s !== undefined) stemsHere.add(s);
  }
  for (const part of parts) if (part.kind === 'stem' && stemsHere.has(part.at)) earned.push([part, part.weight]);
  earned.sort((a, b) => b[1] - a[1]);
  const top = earned[0]?.[1] ?? 0;
  const kept = earned.filter(([, w]) => w >= top * WHY_SHARE).map(([part]) => part);
  const terms = kept.filter((p) => p.kind === 'term').map((p) => p.at);
  const keptStems = new Set(kept.filter((p) => p.kind === 'stem').map((p) => p.at));
  const marks = termMarks(index, passage, new Set(terms));
  if (keptStems.size > 0) {
    for (const tok of tokenize(text)) {
      const stem = contentStem(tok.key);
      const s = stem === '' ? undefined : findStem(index, stem);
      if (s !== undefined && keptStems.has(s) && !marks.some(([a, b]) => tok.start < b && a < tok.end)) {
        marks.push([tok.start, tok.end]);
      }
    }
    marks.sort((a, b) => a[0] - b[0]);
  }
  // A word the lexicon already names (famine, famine) is said once.
  const termLabels = new Set(terms.map((t) => index.terms[t]?.term.toLowerCase()));
  const words = kept.filter((p) => p.kind === 'stem' && !termLabels.has(p.label)).map((p) => p.label);
  return { passage, score, terms, words, marks };
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
