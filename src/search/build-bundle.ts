import Fuse from 'fuse.js';
import { passagesOf } from '@/src/corpus/parse-story';
import type { Story } from '@/src/corpus/types';
import { compileLexicon, findTerms, type Term } from '@/src/detect/lexicon';
import { tokenize } from '@/src/detect/tokens';
import type { CorpusBundle, FuseIndexJson } from './bundle';

/** Builds the shipped corpus: passages, term links, vocabulary, postings and the Fuse index. */
export function buildBundle(stories: Story[], terms: Term[]): CorpusBundle {
  const passages = stories.flatMap((s) => passagesOf(s));
  const matcher = compileLexicon(terms);

  const termPassages: number[][] = terms.map(() => []);
  passages.forEach((p, pi) => {
    const seen = new Set<number>();
    for (const hit of findTerms(p.text, matcher)) {
      if (seen.has(hit.term)) continue;
      seen.add(hit.term);
      (termPassages[hit.term] as number[]).push(pi);
    }
  });

  // A term reaches the passages of the terms it names in `also`, transitively.
  const byName = new Map(terms.map((t, i) => [t.term, i]));
  const direct = termPassages.map((l) => [...l]);
  terms.forEach((_, i) => {
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
    termPassages[i] = [...reached].sort((a, b) => a - b);
  });

  const wordPassages = new Map<string, Set<number>>();
  // A passage is also found by its story's title and teller ("Lindsey Miller", "Joseph").
  const storyWords = new Map(stories.map((s) => [s.id, `${s.title} ${s.narrator}`]));
  passages.forEach((p, pi) => {
    for (const { key } of tokenize(`${p.text} ${storyWords.get(p.storyId) ?? ''}`)) {
      const set = wordPassages.get(key) ?? new Set<number>();
      set.add(pi);
      wordPassages.set(key, set);
    }
  });
  const vocabulary = [...wordPassages.keys()].sort();
  const postings = vocabulary.map((w) => [...(wordPassages.get(w) as Set<number>)].sort((a, b) => a - b));
  const vocabularyIndex = Fuse.createIndex([], vocabulary).toJSON() as unknown as FuseIndexJson;

  return { format: 1, stories, passages, terms, termPassages, vocabulary, postings, vocabularyIndex };
}
