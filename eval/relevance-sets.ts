import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packGateTest } from '../src/lexicon/gate-pack';
import { unpackGateTest } from '../src/lexicon/gate-precheck';
import { type CorpusIndex, loadBundleIndex } from '../src/search/corpus-index';
import type { PageModel } from '../src/search/page-decision';
import { buildCorpusFromData } from '../src/search/read-data';
import { newsDevPages, readabilityPages } from '../src/testing/real-sets';
import type { Extractor } from './readability-page';
import {
  type CrossValidation,
  crossValidate,
  fitPageModel,
  type LabelledEvidence,
  type PageResult,
  readEvidence,
  shippedResults,
} from './relevance-cv';

/** The shipped page model's file. */
export const modelFile = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'search', 'page-model.json');

/** The model as the file holds it: numbers rounded to six places, so a refit that changes nothing changes no byte. */
export function modelJson(model: PageModel): string {
  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  const rounded = {
    fittedBy: 'npm run fit (eval/fit-page-model.ts) on ../shared/news-dev and readability-pages; see docs/relevance.md',
    rank: { termShare: model.rank.termShare, storyShare: model.rank.storyShare },
    features: model.features,
    mean: model.mean.map(round),
    scale: model.scale.map(round),
    weights: model.weights.map(round),
    bias: round(model.bias),
    threshold: round(model.threshold),
    floor: round(model.floor),
  };
  return `${JSON.stringify(rounded, null, 2)}\n`;
}

export function shippedModelJson(): string {
  return readFileSync(modelFile, 'utf8');
}

/**
 * The real sets read as the content script would read them, ready to cross-validate or
 * fit; null without ../shared. With `readability`, Mozilla Readability chooses each article.
 */
export async function loadRealSets(extractor: Extractor = 'ours'): Promise<{
  items: LabelledEvidence[];
  index: CorpusIndex;
  crossValidate: () => CrossValidation;
  shipped: () => PageResult[];
  fit: () => PageModel;
} | null> {
  const news = newsDevPages();
  if (!news) return null;
  const bundle = buildCorpusFromData();
  const index = loadBundleIndex(bundle);
  const gateTest = unpackGateTest(packGateTest(bundle.terms));
  const items = await readEvidence([...news, ...(readabilityPages() ?? [])], gateTest, index, extractor);
  return {
    items,
    index,
    crossValidate: () => crossValidate(items, index),
    shipped: () => shippedResults(items, index),
    fit: () => fitPageModel(items, index),
  };
}
