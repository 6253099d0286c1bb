import type { Term } from '@/src/detect/lexicon';
import type { DetectedTerm } from '@/src/messaging/protocol';
import type { CorpusIndex } from './corpus-index';
import { type RankedPassage, termMarks } from './excerpt-cards';

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
    const term = t === undefined ? undefined : index.bundle.terms[t];
    if (term && d.count >= 1) sum += aboutness(term, d);
  }
  return sum;
}

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
  const scores = new Map<number, { score: number; about: number; terms: [number, number][] }>();
  for (const d of detected) {
    const t = index.termIndex.get(d.term);
    const term = t === undefined ? undefined : index.bundle.terms[t];
    if (t === undefined || !term || d.count < 1) continue;
    const about = aboutness(term, d);
    const passing = d.count < 2 && !d.inTitle;
    // Gate terms (North Korea, Pyongyang) say where, which every passage shares.
    const strength =
      term.weight *
      (1 + Math.log(d.count)) *
      (d.inTitle ? 1.5 : 1) *
      (passing ? PASSING_SHARE : 1) *
      (term.gate && about === 0 ? GATE_SHARE : 1) *
      (index.termIdf[t] as number);
    for (const p of index.bundle.termPassages[t] ?? []) {
      const entry = scores.get(p) ?? { score: 0, about: 0, terms: [] };
      entry.score += strength;
      entry.about += about;
      entry.terms.push([t, strength]);
      scores.set(p, entry);
    }
  }
  // A story that speaks to the article in several places is the better read: each passage
  // gets a share of its story's other evidence, so ties between stories break toward it.
  const storyTotals = new Map<string, number>();
  for (const [p, e] of scores) {
    const s = index.bundle.passages[p]?.storyId ?? '';
    storyTotals.set(s, (storyTotals.get(s) ?? 0) + e.score);
  }
  for (const [p, e] of scores) {
    const s = index.bundle.passages[p]?.storyId ?? '';
    e.score += STORY_SHARE * ((storyTotals.get(s) ?? 0) - e.score);
  }

  const ranked = [...scores]
    .filter(([, e]) => e.about >= MIN_PASSAGE_ABOUTNESS)
    .sort((a, b) => b[1].score - a[1].score || a[0] - b[0]);
  const best = ranked[0]?.[1].score ?? 0;
  const perStoryCount = new Map<string, number>();
  const out: RankedPassage[] = [];
  for (const [p, e] of ranked) {
    if (out.length >= limit || e.score < best * RELATIVE_FLOOR) break;
    const storyId = index.bundle.passages[p]?.storyId ?? '';
    const n = perStoryCount.get(storyId) ?? 0;
    if (n >= perStory) continue;
    perStoryCount.set(storyId, n + 1);
    const why = whyTerms(index, e.terms);
    out.push({ passage: p, score: e.score, terms: why, marks: termMarks(index, p, new Set(why)) });
  }
  return out;
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
    .filter(([t, strength]) => strength >= top * WHY_SHARE && index.bundle.terms[t]?.kind !== 'country')
    .map(([t]) => t);
}
