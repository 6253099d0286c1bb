import { isInflectedForm } from '@/src/lexicon/hangul-inflection';
import { takesSuffixes } from '@/src/lexicon/tokens';
import { contentStem } from './content-words';
import model from './page-model.json';

/**
 * "Is this article about what the testimonies speak to?" (issue #11). A logistic model over
 * a handful of features that a reader could check by hand, fitted by `npm run fit` with
 * k-fold cross-validation on real labelled news (docs/relevance.md); its threshold is set
 * for precision on the training folds, not by hand. A page that never names North Korea
 * (the gate) is not asked.
 */
export interface PageFeatures {
  /** Subject evidence: ln(1 + the lexicon's aboutness), the subjects the article keeps returning to. */
  subject: number;
  /**
   * How much of the article the best passage speaks to: its BM25 score over what it would
   * score if it said every one of the article's most telling words and terms (0..1).
   */
  similarity: number;
  /** Counter-evidence of statecraft (missiles, summits, sanctions, launches): ln(1 + words per 100). */
  statecraft: number;
  /** The article is in Korean (its words reach the English stories only through the lexicon): 0 or 1. */
  korean: number;
}

/**
 * The features the model reads, in order. Tried and left out (docs/relevance.md): whether
 * the headline names North Korea and how often the body does (no weight once the others
 * are in), the best passage's raw score, the count of distinct subject terms, the share of
 * the article's words the stories use.
 */
export const FEATURES = ['subject', 'similarity', 'statecraft', 'korean'] as const;

/** Constants of the ranking that `npm run fit` chooses by cross-validation (docs/relevance.md). */
export interface RankConstants {
  /** What a lexicon term found on the page weighs beside one of the article's content words. */
  termShare: number;
  /** The share of its story's other passages' scores that a passage receives. */
  storyShare: number;
}

/** A fitted model: standardised features, weights, intercept, and the probability to show from. */
export interface PageModel {
  rank: RankConstants;
  features: readonly (keyof PageFeatures)[];
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
  threshold: number;
  /**
   * Cards: a passage scoring under this share of the best passage's score is not shown
   * (chosen for precision on real labelled news, as the threshold is: docs/relevance.md).
   */
  floor: number;
}

export const SHIPPED_MODEL: PageModel = model as PageModel;

/** The model's probability that the article is about what the testimonies speak to. */
export function showProbability(features: PageFeatures, m: PageModel = SHIPPED_MODEL): number {
  let z = m.bias;
  m.features.forEach((name, i) => {
    z += (m.weights[i] as number) * ((features[name] - (m.mean[i] as number)) / (m.scale[i] as number));
  });
  return 1 / (1 + Math.exp(-z));
}

export function decidesToShow(features: PageFeatures, m: PageModel = SHIPPED_MODEL): boolean {
  return showProbability(features, m) >= m.threshold;
}

/**
 * The vocabulary of statecraft, as content-word stems (content-words.ts): what news about
 * North Korea is most often about and no testimony speaks to. General words of the field,
 * chosen before any fitting, never a word from one page.
 */
export const STATECRAFT_STEMS: ReadonlySet<string> = new Set([
  // English (Porter2 stems)
  'missil',
  'icbm',
  'ballist',
  'warhead',
  'nuclear',
  'denuclear',
  'uranium',
  'plutonium',
  'launch',
  'rocket',
  'satellit',
  'sanction',
  'embargo',
  'summit',
  'diplomat',
  'diplomaci',
  'negoti',
  'treati',
  'artilleri',
  'drill',
  'parad',
  'weapon',
  'arsenal',
  'hacker',
  'cyber',
  'cryptocurr',
  'crypto',
  'launder',
  'munit',
  'deterr',
  'provoc',
  // Korean (the word without its particle)
  '미사일',
  '탄도미사일',
  '핵',
  '핵실험',
  '핵무기',
  '비핵화',
  '발사',
  '위성',
  '제재',
  '대북제재',
  '정상회담',
  '회담',
  '외교',
  '협상',
  '조약',
  '열병식',
  '무기',
  '포격',
  '해킹',
  '도발',
]);

/**
 * Whether an article's word (a token key) is a word of statecraft. A one-syllable Korean
 * noun (핵, nuclear) with or without its particles (핵을) counts too, although content-words
 * leaves such short words out of the query.
 */
export function isStatecraft(key: string): boolean {
  if (STATECRAFT_STEMS.has(contentStem(key))) return true;
  return takesSuffixes(key) && STATECRAFT_STEMS.has(key.slice(0, 1)) && isInflectedForm(key, 1);
}
