import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packGateTest } from '../src/lexicon/gate-pack';
import { unpackGateTest } from '../src/lexicon/gate-precheck';
import { loadBundleIndex, loadCorpusIndex } from '../src/search/corpus-index';
import { toExcerptCard } from '../src/search/excerpt-cards';
import { packIndex } from '../src/search/packed-index';
import { buildCorpusFromData } from '../src/search/read-data';
import type { EvalPage } from '../src/testing/eval-page';
import { EVAL_DIR, evalPages } from '../src/testing/labelled-pages';
import { verdictInNode } from '../src/testing/read-in-node';
import { SYNTHETIC_ID_PREFIX, syntheticStories } from '../src/testing/synthetic-corpus';

export interface EvalOptions {
  /**
   * Passages of a SYNTHETIC collection (src/testing/synthetic-corpus.ts: generated, not testimony)
   * to index beside the bundled stories, as if imported: do they crowd out the real ones?
   */
  synthetic?: number;
}

export interface PageOutcome {
  page: EvalPage;
  /** Story ids of the cards shown, in order (one per card). */
  shown: string[];
  /** The terms that earned the top card. */
  why: string[];
  /** The page model's probability that the article is about what the testimonies speak to; null: never asked (no gate). */
  probability: number | null;
  pass: boolean;
}

export const TARGETS = { top3: 0.95, top1: 0.9, negatives: 1, hardNegatives: 0.85 };

/**
 * Runs the real detection and ranking — the content script's scanner on the page's DOM
 * (gate test, article extraction, term detection with the page gate), the background's ranking over the built corpus — on every
 * labelled page.
 */
export async function evaluate(
  pages: EvalPage[] = evalPages,
  { synthetic = 0 }: EvalOptions = {},
): Promise<PageOutcome[]> {
  const bundle = buildCorpusFromData();
  const index =
    synthetic > 0
      ? loadCorpusIndex(
          packIndex([...bundle.stories, ...syntheticStories(synthetic)], bundle.terms, (story) =>
            story.id.startsWith(SYNTHETIC_ID_PREFIX) ? 'synthetic' : '',
          ),
        )
      : loadBundleIndex(bundle);
  const gateTest = unpackGateTest(packGateTest(bundle.terms));
  const outcomes: PageOutcome[] = [];
  for (const page of pages) {
    const html = readFileSync(join(EVAL_DIR, page.file), 'utf8');
    const { ranked, stories: shown, probability } = await verdictInNode(html, page.url, { index, gateTest });
    const why = ranked[0] ? toExcerptCard(index, ranked[0]).why : [];
    const pass =
      page.category === 'positive' ? shown.slice(0, 3).some((s) => page.relevant.includes(s)) : shown.length === 0;
    outcomes.push({ page, shown, why, probability, pass });
  }
  return outcomes;
}

export interface EvalTotals {
  positives: number;
  top3: number;
  /** Positives whose first card is a relevant story. */
  top1: number;
  /**
   * Positives whose first card of Firsthand's own stories is a relevant story: with an
   * imported (synthetic) collection the sources take turns, and the collection's best
   * passage comes first when it speaks to more of the article. Without one, top1.
   */
  top1Bundled: number;
  negatives: number;
  negativesQuiet: number;
  hardNegatives: number;
  hardNegativesQuiet: number;
}

export function totals(outcomes: PageOutcome[]): EvalTotals {
  const of = (c: EvalPage['category']) => outcomes.filter((o) => o.page.category === c);
  const positives = of('positive');
  return {
    positives: positives.length,
    top3: positives.filter((o) => o.pass).length,
    top1: positives.filter((o) => o.page.relevant.includes(o.shown[0] ?? '')).length,
    top1Bundled: positives.filter((o) =>
      o.page.relevant.includes(o.shown.find((id) => !id.startsWith('synthetic-')) ?? ''),
    ).length,
    negatives: of('negative').length,
    negativesQuiet: of('negative').filter((o) => o.pass).length,
    hardNegatives: of('hard-negative').length,
    hardNegativesQuiet: of('hard-negative').filter((o) => o.pass).length,
  };
}

export function meetsTargets(t: EvalTotals): boolean {
  return (
    t.top3 >= TARGETS.top3 * t.positives &&
    t.top1Bundled >= TARGETS.top1 * t.positives &&
    t.negativesQuiet >= TARGETS.negatives * t.negatives &&
    t.hardNegativesQuiet >= TARGETS.hardNegatives * t.hardNegatives
  );
}
