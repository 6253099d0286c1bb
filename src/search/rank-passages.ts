import type { DetectedTerm } from '@/src/messaging/protocol';
import type { CorpusIndex } from './corpus-index';
import { type RankedPassage, termMarks } from './excerpt-cards';

/**
 * Below this a passage is not shown, however it ranks against the others: a single specific
 * subject term met twice (weight 3, idf ~1.5, tf factor ~1.7) clears it, one passing
 * mention of a weak term does not.
 */
export const MIN_PASSAGE_SCORE = 5;
/** A passage far weaker than the best one is noise next to it. */
const RELATIVE_FLOOR = 0.3;
/** What a gate term's mention is worth next to a subject term's. */
const GATE_SHARE = 0.3;
/** The share of its story's other passages' scores that a passage receives. */
const STORY_SHARE = 0.1;
/** Places and countries set the scene; alone they are no reason to show a testimony. */
const SUBJECT_KINDS = new Set(['topic', 'event', 'person', 'org']);

export interface RankOptions {
  limit?: number;
  /** At most this many passages from one story, so one long story cannot fill the panel. */
  perStory?: number;
}

/**
 * Ranks passages for the terms found on a page. A term's strength grows with its weight,
 * sub-linearly with how often the article uses it, and when the headline names it; it is
 * worth more for passages it singles out (idf over the passages it links to).
 */
export function rankPassages(index: CorpusIndex, detected: DetectedTerm[], opts: RankOptions = {}): RankedPassage[] {
  const { limit = 6, perStory = 3 } = opts;
  const scores = new Map<number, { score: number; subject: boolean; terms: [number, number][] }>();
  for (const d of detected) {
    const t = index.termIndex.get(d.term);
    if (t === undefined || d.count < 1) continue;
    const term = index.bundle.terms[t];
    if (!term) continue;
    // A context term (market, rice, Seoul) met once is a passing mention, not the subject.
    if (term.context && d.count < 2 && !d.inTitle) continue;
    // Gate terms (North Korea, Pyongyang) say where, which every passage shares; the
    // subject is in the other terms.
    const strength =
      term.weight *
      (1 + Math.log(d.count)) *
      (d.inTitle ? 1.5 : 1) *
      (term.gate ? GATE_SHARE : 1) *
      (index.termIdf[t] as number);
    const subject = SUBJECT_KINDS.has(term.kind);
    for (const p of index.bundle.termPassages[t] ?? []) {
      const entry = scores.get(p) ?? { score: 0, subject: false, terms: [] };
      entry.score += strength;
      entry.subject ||= subject;
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
    .filter(([, e]) => e.subject && e.score >= MIN_PASSAGE_SCORE)
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
