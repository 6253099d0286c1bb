import { findTerms } from '@/src/detect/lexicon';
import { type CorpusIndex, passageAt } from './corpus-index';
import { type RankedPassage, termMarks } from './excerpt-cards';

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
  const { bundle } = index;
  const links = termLinks(index);
  const from =
    passageId === undefined
      ? bundle.passages.flatMap((p, i) => (p.storyId === storyId ? [i] : []))
      : [index.passageIndex.get(passageId)].filter(
          (i): i is number => i !== undefined && bundle.passages[i]?.storyId === storyId,
        );

  // The terms that speak to the passage: the ones it says, what those reach through `also`,
  // and the broader terms whose `also` reaches it (the bundle's own links).
  const speaking = new Set<number>();
  for (const p of from) {
    for (const t of links.said[p] ?? []) for (const r of links.reach[t] ?? []) speaking.add(r);
  }
  const fromSet = new Set(from);
  bundle.termPassages.forEach((passages, t) => {
    if (passages.some((p) => fromSet.has(p))) speaking.add(t);
  });

  const scores = new Map<number, { score: number; subject: boolean; terms: [number, number][] }>();
  for (const t of speaking) {
    const term = bundle.terms[t];
    const share = term ? (KIND_SHARE[term.kind] ?? 0) : 0;
    if (!term || share === 0) continue;
    const strength = term.weight * share * (index.termIdf[t] as number);
    const subject = term.kind !== 'place' && term.weight >= MIN_SUBJECT_WEIGHT;
    for (const p of links.sayers[t] ?? []) {
      if (bundle.passages[p]?.storyId === storyId) continue;
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
  const perStoryCount = new Map<string, number>();
  const out: RankedPassage[] = [];
  for (const [p, e] of ranked) {
    if (out.length >= limit || e.score < best * RELATIVE_FLOOR) break;
    const other = bundle.passages[p]?.storyId ?? '';
    const n = perStoryCount.get(other) ?? 0;
    if (n >= perStory) continue;
    perStoryCount.set(other, n + 1);
    const why = e.terms.sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([t]) => t);
    out.push({ passage: p, score: e.score, terms: why, marks: termMarks(index, p, new Set(why)) });
  }
  return out;
}

/** What the term links of the bundle do not say directly, worked out once per loaded index. */
interface TermLinks {
  /** Per passage: the terms its text says (not those that reach it through `also`). */
  said: number[][];
  /** Per term: the passages whose text says it. */
  sayers: number[][];
  /** Per term: itself and the terms its `also` names, transitively. */
  reach: number[][];
}

const linksOf = new WeakMap<CorpusIndex, TermLinks>();

function termLinks(index: CorpusIndex): TermLinks {
  const known = linksOf.get(index);
  if (known) return known;
  const { passages, terms } = index.bundle;
  const said = passages.map((_, p) => [
    ...new Set(findTerms(passageAt(index, p).text, index.matcher).map((h) => h.term)),
  ]);
  const sayers: number[][] = terms.map(() => []);
  said.forEach((list, p) => {
    for (const t of list) sayers[t]?.push(p);
  });
  const reach = terms.map((_, t) => {
    const seen = new Set<number>();
    const visit = (j: number) => {
      if (seen.has(j)) return;
      seen.add(j);
      for (const name of terms[j]?.also ?? []) {
        const k = index.termIndex.get(name);
        if (k !== undefined) visit(k);
      }
    };
    visit(t);
    return [...seen];
  });
  const links = { said, sayers, reach };
  linksOf.set(index, links);
  return links;
}
