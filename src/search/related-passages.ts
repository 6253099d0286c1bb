import { type CorpusIndex, findPassage, perIndex, storyPassages, termPassages } from './corpus-index';
import { type RankedPassage, termMarks } from './excerpt-cards';
import { listHas, listOf } from './packed-index';

/**
 * A shared term counts for this share of its weight × idf, by kind: places set the scene and
 * are worth less than what a passage is about; countries not at all (every passage shares
 * North Korea, and "China" says little by itself).
 */
const KIND_SHARE: Readonly<Record<string, number>> = {
  topic: 1,
  event: 1,
  person: 1,
  org: 1,
  place: 0.5,
  country: 0,
};
/**
 * Two passages relate only through a subject of some weight: "family" or "education"
 * (weight 1) are in half the corpus and relate nothing by themselves.
 */
const MIN_SUBJECT_WEIGHT = 2;
/**
 * …and only when the shared terms together are worth this much: one specific subject
 * (starvation: 3 × 2.9), or a common one with others. "women" alone (2 × 1.8) is not enough:
 * a report on Cuba that mentions women does not relate to a visit to a women's market.
 */
const MIN_SCORE = 5;
/** A passage far weaker than the best one is noise next to it. */
const RELATIVE_FLOOR = 0.25;

export interface RelatedOptions {
  /** The passage to find relatives for; without it, the story as a whole. */
  passageId?: string;
  /** Default 3. */
  limit?: number;
  /** At most this many passages from one story. Default 2. */
  perStory?: number;
}

/**
 * Passages of OTHER stories that speak to what a passage (or a whole story) speaks to.
 *
 * A passage relates to another through the lexicon terms the other one says that reach the
 * first: the same term, or one linked to it by `also` either way (one that says "famine"
 * reaches one that says "starvation"; one about the Arduous March reaches both). Each such
 * term counts once, its weight × idf, so a rare, specific subject ("forced repatriation")
 * relates more than a common one ("women"). Those terms are the card's "why this", and they
 * are marked where the card's text says them — never a term the card's text does not say.
 */
export function relatedPassages(index: CorpusIndex, storyId: string, opts: RelatedOptions = {}): RankedPassage[] {
  const { passageId, limit = 3, perStory = 2 } = opts;
  const { terms } = index;
  const [first, end] = storyPassages(index, storyId);
  const one = passageId === undefined ? undefined : findPassage(index, passageId);
  const from: number[] = [];
  if (passageId === undefined) for (let p = first; p < end; p++) from.push(p);
  else if (one !== undefined && one >= first && one < end) from.push(one);
  const reach = reachOf(index);

  // The terms that speak to the passage: the ones it says, what those reach through `also`,
  // and the broader terms whose `also` reaches it (the index's own links).
  // (What a passage says is in the index's term sayers, so no text is read to choose.)
  const speaking = new Set<number>();
  for (const p of from) {
    terms.forEach((_, t) => {
      if (listHas(listOf(index.packed.termSayers, t), p)) for (const r of reach[t] ?? []) speaking.add(r);
    });
  }
  terms.forEach((_, t) => {
    if (from.some((p) => listHas(termPassages(index, t), p))) speaking.add(t);
  });

  const scores = new Map<number, { score: number; subject: boolean; terms: [number, number][] }>();
  for (const t of speaking) {
    const term = terms[t];
    const share = term ? (KIND_SHARE[term.kind] ?? 0) : 0;
    if (!term || share === 0) continue;
    const strength = term.weight * share * (index.termIdf[t] as number);
    const subject = term.kind !== 'place' && term.weight >= MIN_SUBJECT_WEIGHT;
    for (const p of listOf(index.packed.termSayers, t)) {
      if (p >= first && p < end) continue;
      const entry = scores.get(p) ?? { score: 0, subject: false, terms: [] };
      entry.score += strength;
      entry.subject ||= subject;
      entry.terms.push([t, strength]);
      scores.set(p, entry);
    }
  }

  const ranked = [...scores]
    .filter(([, e]) => e.subject && e.score >= MIN_SCORE)
    .sort((a, b) => b[1].score - a[1].score || a[0] - b[0]);
  const best = ranked[0]?.[1].score ?? 0;
  const perStoryCount = new Map<number, number>();
  const out: RankedPassage[] = [];
  for (const [p, e] of ranked) {
    if (out.length >= limit || e.score < best * RELATIVE_FLOOR) break;
    const other = index.passageStory[p] as number;
    const n = perStoryCount.get(other) ?? 0;
    if (n >= perStory) continue;
    perStoryCount.set(other, n + 1);
    const why = e.terms.sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([t]) => t);
    out.push({ passage: p, score: e.score, terms: why, marks: termMarks(index, p, new Set(why)) });
  }
  return out;
}

/** Per term: itself and the terms its `also` names, transitively; worked out once per index. */
const reachOf = perIndex(({ terms, termIndex }) =>
  terms.map((_, t) => {
    const seen = new Set<number>();
    const visit = (j: number) => {
      if (seen.has(j)) return;
      seen.add(j);
      for (const name of terms[j]?.also ?? []) {
        const k = termIndex.get(name);
        if (k !== undefined) visit(k);
      }
    };
    visit(t);
    return [...seen];
  }),
);
