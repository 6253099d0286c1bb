import { Window } from 'happy-dom';
import { detectPage } from '@/src/detect/detect-page';
import type { PageEvidence } from '@/src/lexicon/evidence';
import { packGateTest } from '@/src/lexicon/gate-pack';
import { type GateTest, unpackGateTest } from '@/src/lexicon/gate-precheck';
import type { TermMatcher } from '@/src/lexicon/lexicon';
import { type CorpusIndex, loadBundleIndex, storyOfPassage } from '@/src/search/corpus-index';
import type { RankedPassage } from '@/src/search/excerpt-cards';
import { decidesToShow, type PageFeatures, showProbability } from '@/src/search/page-decision';
import { readPage } from '@/src/search/rank-passages';
import { buildCorpusFromData } from '@/src/search/read-data';

/**
 * What the detector would tell the background about a page: its own pipeline (`detectPage`:
 * gate pre-test, article extraction, terms and words) on the page's DOM, at the page's address.
 * The window is closed and awaited: happy-dom frees it only then (hundreds of pages would
 * otherwise hold gigabytes).
 */
export async function scanPage(
  html: string,
  url: string,
  gateTest: GateTest,
  matcher: TermMatcher,
): Promise<PageEvidence> {
  const window = new Window({ url, settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true } });
  try {
    window.document.write(html);
    const { detected, words, lead } = detectPage(window.document as unknown as Document, gateTest, matcher);
    return { terms: detected, words, ...(lead ? { lead } : {}) };
  } finally {
    await window.happyDOM.close();
  }
}

export interface NodeVerdict {
  /** The passages shown, best first; none when the page model stays quiet. */
  ranked: RankedPassage[];
  /** Their stories' ids, one per card. */
  stories: string[];
  /** The page model's probability that the article is about what the testimonies speak to; null: never asked (no gate). */
  probability: number | null;
  /** What the page model read of the article; null: never asked. */
  features: PageFeatures | null;
}

/** The stories Firsthand ships, indexed, and the gate test built from their lexicon: read once. */
let bundled: { index: CorpusIndex; gateTest: GateTest } | undefined;
export function bundledCorpus(): { index: CorpusIndex; gateTest: GateTest } {
  if (!bundled) {
    const bundle = buildCorpusFromData();
    bundled = { index: loadBundleIndex(bundle), gateTest: unpackGateTest(packGateTest(bundle.terms)) };
  }
  return bundled;
}

/** What the background shows for a page's evidence, with the shipped model. */
export function verdictOf(evidence: PageEvidence, index: CorpusIndex): NodeVerdict {
  const reading = evidence.terms.length > 0 ? readPage(index, evidence) : null;
  const ranked = reading && decidesToShow(reading.features) ? reading.ranked : [];
  return {
    ranked,
    stories: ranked.map((r) => storyOfPassage(index, r.passage).id),
    probability: reading ? showProbability(reading.features) : null,
    features: reading?.features ?? null,
  };
}

/**
 * What the background shows beside a page, with the shipped model, read in Node: the path
 * `npm run eval` takes, which the real-news e2e tests hold to what Chromium and Firefox show.
 */
export async function verdictInNode(
  html: string,
  url: string,
  { index, gateTest }: { index: CorpusIndex; gateTest: GateTest } = bundledCorpus(),
): Promise<NodeVerdict> {
  return verdictOf(await scanPage(html, url, gateTest, index.matcher), index);
}
