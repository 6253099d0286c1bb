import { describe, expect, it } from 'vitest';
import { FEATURES, isStatecraft, type PageFeatures, SHIPPED_MODEL, showProbability } from './page-decision';

const base: PageFeatures = { subject: 2, similarity: 0.05, statecraft: 0, korean: 0 };

describe('the shipped page model', () => {
  it('reads every feature it was fitted on, with a weight, a mean and a scale each', () => {
    expect(SHIPPED_MODEL.features).toEqual(FEATURES);
    for (const list of [SHIPPED_MODEL.weights, SHIPPED_MODEL.mean, SHIPPED_MODEL.scale]) {
      expect(list).toHaveLength(FEATURES.length);
      expect(list.every(Number.isFinite)).toBe(true);
    }
    expect(SHIPPED_MODEL.threshold).toBeGreaterThan(0);
    expect(SHIPPED_MODEL.threshold).toBeLessThan(1);
  });

  it('is more sure with more subject evidence and a closer passage', () => {
    expect(showProbability({ ...base, subject: 3 })).toBeGreaterThan(showProbability(base));
    expect(showProbability({ ...base, similarity: 0.1 })).toBeGreaterThan(showProbability(base));
  });

  it('knows statecraft words in English and Korean, short Korean nouns with their particles too', () => {
    for (const word of ['missiles', 'launched', 'sanctions', '미사일을', '핵', '핵을', '핵실험']) {
      expect(isStatecraft(word), word).toBe(true);
    }
    for (const word of ['market', 'famine', '핵심', '장마당에서']) expect(isStatecraft(word), word).toBe(false);
  });

  it('is less sure the more the article is about statecraft', () => {
    expect(showProbability({ ...base, statecraft: 1.5 })).toBeLessThan(showProbability(base));
  });
});
