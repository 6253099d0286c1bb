import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate, meetsTargets, type PageOutcome, TARGETS, totals } from './evaluate';

describe('relevance on the evaluation set (npm run eval)', () => {
  let outcomes: PageOutcome[] = [];
  let t: ReturnType<typeof totals>;
  beforeAll(async () => {
    outcomes = await evaluate();
    t = totals(outcomes);
  }, 120_000);

  it('has pages of every kind, Korean ones included', () => {
    expect(outcomes.length).toBeGreaterThanOrEqual(40);
    expect(t.positives).toBeGreaterThanOrEqual(20);
    expect(t.hardNegatives).toBeGreaterThanOrEqual(10);
    expect(t.negatives).toBeGreaterThanOrEqual(10);
    expect(outcomes.some((o) => o.page.lang === 'ko' && o.page.category === 'positive')).toBe(true);
    expect(outcomes.some((o) => o.page.lang === 'ko' && o.page.category === 'negative')).toBe(true);
  });

  it(`shows a relevant story in the top 3 for ≥ ${TARGETS.top3 * 100} % of positives, nothing on every clear negative and on ≥ ${TARGETS.hardNegatives * 100} % of hard negatives`, () => {
    const misses = outcomes
      .filter((o) => !o.pass)
      .map((o) => `${o.page.category} ${o.page.file}: ${o.shown.join(' ')}`);
    expect(meetsTargets(t), misses.join('\n')).toBe(true);
  });

  it(`puts a relevant story first for ≥ ${TARGETS.top1 * 100} % of positives`, () => {
    const wrongFirst = outcomes
      .filter((o) => o.page.category === 'positive' && !o.page.relevant.includes(o.shown[0] ?? ''))
      .map((o) => `${o.page.file}: ${o.shown[0] ?? 'nothing'}`);
    expect(t.top1, wrongFirst.join('\n')).toBeGreaterThanOrEqual(TARGETS.top1 * t.positives);
  });

  it('shows nothing on every clear negative', () => {
    expect(outcomes.filter((o) => o.page.category === 'negative' && !o.pass).map((o) => o.page.file)).toEqual([]);
  });
});
