import type { ExcerptCard } from '@/src/messaging/protocol';
import { type CorpusIndex, passageAt, passageTermHits, storyOfPassage } from './corpus-index';

/** A passage chosen for a reader, with the terms that earned it and what to mark. */
export interface RankedPassage {
  passage: number;
  score: number;
  /** Term indices that earned the passage, strongest first. */
  terms: number[];
  /** The article's own words that earned it (query by document), after the terms. */
  words?: string[];
  marks: [number, number][];
}

export function toExcerptCard(index: CorpusIndex, ranked: RankedPassage): ExcerptCard {
  const p = passageAt(index, ranked.passage);
  const story = storyOfPassage(index, ranked.passage);
  return {
    passageId: p.id,
    storyId: p.storyId,
    text: p.text,
    provenance: p.provenance,
    ...(p.attribution ? { attribution: p.attribution } : {}),
    storyTitle: story.title,
    narrator: story.narrator,
    publisher: story.publisher,
    date: story.date,
    lang: story.lang,
    contentNotes: story.contentNotes,
    why: [...ranked.terms.map((t) => index.terms[t]?.term ?? ''), ...(ranked.words ?? [])],
    marks: ranked.marks,
  };
}

/** Where in a passage the given terms occur. */
export function termMarks(index: CorpusIndex, passage: number, terms: ReadonlySet<number>): [number, number][] {
  return passageTermHits(index, passage)
    .filter((h) => terms.has(h.term))
    .map((h) => [h.start, h.end]);
}
