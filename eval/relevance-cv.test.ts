import { describe, expect, it } from 'vitest';
import { missingSetsLine, newsDevPages, type RealPage, readabilityPages } from '../src/testing/real-sets';
import {
  assignFolds,
  FOLDS,
  groupPages,
  type LabelledEvidence,
  type PageResult,
  relevanceTotals,
} from './relevance-cv';

// SYNTHETIC pages for these tests: only their labels and words matter.
const page = (
  name: string,
  outlet: string,
  words: string[],
  kind: RealPage['kind'] = 'positive',
): LabelledEvidence => ({
  page: {
    path: `/nowhere/${name}.html`,
    name,
    url: `https://${outlet}/${name}`,
    set: 'news-dev',
    kind,
    strength: kind === 'positive' ? 'strong' : '',
    lang: 'en',
    relevant: [],
    outlet,
    query: '',
  },
  evidence: { terms: [], words: words.map((w) => [w, 1]) },
});

describe('cross-validation folds', () => {
  const distinct = (i: number) => Array.from({ length: 20 }, (_, k) => `word${i}x${k}`);
  const items = [
    ...Array.from({ length: 20 }, (_, i) => page(`p${i}`, `site${i}.example`, distinct(i))),
    page('same-outlet-a', 'shared.example', distinct(100)),
    page('same-outlet-b', 'shared.example', distinct(101)),
    page('told-once', 'one.example', distinct(200)),
    page('told-twice', 'two.example', [...distinct(200).slice(0, 18), 'other', 'words']),
    ...Array.from({ length: 10 }, (_, i) => page(`n${i}`, `neg${i}.example`, distinct(300 + i), 'hard-negative')),
  ];
  const folds = assignFolds(items);
  const foldOf = (name: string) => folds[items.findIndex((x) => x.page.name === name)];

  it('keeps one outlet, and one text told twice, on one side', () => {
    const groupOf = (name: string) => groupPages(items).findIndex((g) => g.some((i) => items[i]?.page.name === name));
    expect(groupOf('same-outlet-a')).toBe(groupOf('same-outlet-b'));
    expect(groupOf('told-once')).toBe(groupOf('told-twice'));
    // Control: pages of different outlets and different words are groups of their own.
    expect(groupOf('p0')).not.toBe(groupOf('p1'));
    expect(groupPages(items)).toHaveLength(items.length - 2);
    expect(foldOf('same-outlet-a')).toBe(foldOf('same-outlet-b'));
    expect(foldOf('told-once')).toBe(foldOf('told-twice'));
  });

  it('spreads each kind of page evenly over the folds', () => {
    for (const kind of ['positive', 'hard-negative'] as const) {
      const counts = new Array(FOLDS).fill(0);
      items.forEach((x, i) => {
        if (x.page.kind === kind) counts[folds[i] as number]++;
      });
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(2);
    }
  });

  it('cuts the set another way for each seed, the same way for the same seed, groups whole and kinds even', () => {
    const cuts = [1, 2, 3].map((seed) => assignFolds(items, FOLDS, seed));
    expect(assignFolds(items, FOLDS, 2)).toEqual(cuts[1]);
    expect(new Set([folds, ...cuts].map((c) => c.join())).size).toBe(4);
    for (const cut of cuts) {
      const of = (name: string) => cut[items.findIndex((x) => x.page.name === name)];
      expect(of('same-outlet-a')).toBe(of('same-outlet-b'));
      expect(of('told-once')).toBe(of('told-twice'));
      const counts = new Array(FOLDS).fill(0);
      items.forEach((x, i) => {
        if (x.page.kind === 'hard-negative') counts[cut[i] as number]++;
      });
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    }
  });
});

describe('the real sets', () => {
  it('are skipped, with one line saying where they were looked for, in a clone without ../shared', () => {
    expect(newsDevPages('/nowhere/news-dev')).toBeNull();
    expect(readabilityPages('/nowhere/readability-pages')).toBeNull();
    expect(missingSetsLine()).toMatch(/^real sets: skipped — .*news-dev/);
  });
});

describe('relevanceTotals', () => {
  const shown = (name: string, relevant: string[], stories: string[], strength: RealPage['strength']): PageResult => {
    const { page: p } = page(name, `${name}.example`, ['w']);
    return {
      page: { ...p, relevant, strength },
      probability: 0.9,
      shown: stories.length > 0,
      stories,
      features: null,
      fold: 0,
    };
  };

  it('counts a relevant story in the top 3 and first, and how many of the first three cards are relevant', () => {
    const t = relevanceTotals([
      shown('a', ['joseph'], ['joseph', 'women', 'joseph', 'gay'], 'strong'),
      shown('b', ['women'], ['joseph', 'joseph', 'women', 'women'], 'moderate'),
      shown('c', ['gay'], ['joseph', 'joseph', 'joseph', 'gay'], 'strong'),
      shown('d', ['women'], ['women'], 'borderline'),
    ]);
    expect({ positives: t.positives, top1: t.top1, top3: t.top3 }).toEqual({ positives: 3, top1: 1, top3: 2 });
    expect({ borderline: t.borderline, borderlineTop1: t.borderlineTop1 }).toEqual({
      borderline: 1,
      borderlineTop1: 1,
    });
    // Every card beside a positive (13, 6 of a relevant story); the first three of each (10, 4).
    expect({ cards: t.positiveCards, relevant: t.positiveCardsRelevant }).toEqual({ cards: 13, relevant: 6 });
    expect({ cards: t.firstCards, relevant: t.firstCardsRelevant }).toEqual({ cards: 10, relevant: 4 });
  });
});
