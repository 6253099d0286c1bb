/**
 * Repeated cross-validation (`npm run eval:repeated [-- N]`): the cross-validation of
 * `npm run eval`, over folds cut N ways (21 by default, an odd number: the median is one of them), the same groups kept whole. One
 * page of the 44 strong and moderate positives is 2.3 points: this shows how much of a
 * figure is the one way `npm run eval` cuts the set.
 */
import { missingSetsLine } from '../src/testing/real-sets';
import { crossValidateRepeatedly, relevanceTotals } from './relevance-cv';
import { loadRealSets } from './relevance-sets';

const repeats = Number(process.argv[2] ?? 21);
if (!Number.isInteger(repeats) || repeats < 1) throw new Error('the number of repeats is a whole number');
const sets = await loadRealSets();
if (!sets) {
  console.log(missingSetsLine());
} else {
  const runs = crossValidateRepeatedly(sets.items, sets.index, repeats).map((cv) => relevanceTotals(cv.results));
  const figures = [
    ['positives: relevant story in the top 3', (t) => [t.top3, t.positives]],
    ['positives: relevant story first', (t) => [t.top1, t.positives]],
    ['hard negatives quiet', (t) => [t.hardNegativesQuiet, t.hardNegatives]],
    ['clear negatives quiet', (t) => [t.negativesQuiet, t.negatives]],
    ["Readability's pages quiet", (t) => [t.readabilityQuiet, t.readability]],
    ['first three cards of a relevant story', (t) => [t.firstCardsRelevant, t.firstCards]],
  ] as const satisfies readonly (readonly [string, (t: ReturnType<typeof relevanceTotals>) => [number, number]])[];
  console.log(`Repeated cross-validation: ${repeats} ways of cutting the set into 5 folds (seeds 1–${repeats})`);
  console.log(`${'figure'.padEnd(40)} ${'min'.padStart(8)} ${'median'.padStart(8)} ${'max'.padStart(8)}  per cut`);
  for (const [label, of] of figures) {
    const values = runs.map(of);
    const sorted = [...values].sort((a, b) => a[0] / a[1] - b[0] / b[1]);
    const show = ([n, d]: [number, number]) => `${n}/${d}`;
    const median = sorted[Math.floor((sorted.length - 1) / 2)] as [number, number];
    console.log(
      `${label.padEnd(40)} ${show(sorted[0] as [number, number]).padStart(8)} ${show(median).padStart(8)} ${show(
        sorted[sorted.length - 1] as [number, number],
      ).padStart(8)}  ${values.map((v) => v[0]).join(' ')}`,
    );
  }
}
