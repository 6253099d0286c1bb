/**
 * npm run eval — how well Firsthand finds the testimonies a reader would want, and stays
 * quiet otherwise (docs/relevance.md). Exits 1 below any target.
 *
 * 1. Real news (../shared/news-dev) and real pages (../shared/readability-pages): the
 *    page model and the ranking's constants cross-validated by outlet, search and
 *    near-duplicate text; the figures are out of fold. Skipped, with one line, in a clone
 *    without ../shared.
 * 2. The team's own pages (eval/pages, e2e fixtures): never fitted on, a regression check
 *    of the shipped model.
 * 3. Popup search: the labelled queries, recall@5 and MRR.
 * 4. Article extraction on Readability's real pages, beside Readability itself; and, in
 *    part 1, the real sets' figures again with Readability choosing each article.
 *
 *   npm run eval -- --synthetic 50000   the team's pages with a SYNTHETIC collection of
 *                                       that many passages indexed beside the bundled stories
 */

import { missingSetsLine } from '../src/testing/real-sets';
import { evaluate, meetsTargets, TARGETS, totals } from './evaluate';
import { EXTRACTION_SKIPPED, formatExtraction, measureExtraction } from './extraction';
import { meetsRealTargets, type PageResult, REAL_TARGETS, type RelevanceTotals, relevanceTotals } from './relevance-cv';
import { loadRealSets, modelJson, shippedModelJson } from './relevance-sets';
import { evaluateSearch, formatSearchEval, meetsSearchTargets } from './search-eval';

const short: Record<string, string> = {
  'josephs-story-part-1-2024': 'joseph',
  'women-in-north-korea-2023': 'women',
  'gay-north-korea-2005': 'gay-nk',
};
const name = (id: string) => short[id] ?? (id.startsWith('synthetic-') ? 'SYN' : id);
const pct = (n: number, d: number) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)} %`);
const frac = (n: number, d: number) => `${n}/${d}`.padEnd(8) + pct(n, d).padStart(8);

function table(rows: Record<string, string>[]): string[] {
  const keys = Object.keys(rows[0] ?? {});
  const widths = keys.map((k) => Math.min(48, Math.max(k.length, ...rows.map((r) => (r[k] ?? '').length))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.slice(0, widths[i]).padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(keys), ...rows.map((r) => line(keys.map((k) => r[k] ?? '')))];
}

const flag = process.argv.indexOf('--synthetic');
const synthetic = flag >= 0 ? Number(process.argv[flag + 1]) : 0;
if (!Number.isInteger(synthetic) || synthetic < 0) throw new Error('--synthetic takes a number of passages');
let ok = true;

// 1. Real sets, cross-validated.
console.log('=== Real news and pages: cross-validated (5 folds by outlet, search and near-duplicate text) ===');
const sets = await loadRealSets();
if (!sets) {
  console.log(missingSetsLine());
} else {
  const { results } = sets.crossValidate();
  const wrong = results.filter((r) =>
    r.page.kind === 'positive' ? !r.stories.slice(0, 3).some((s) => r.page.relevant.includes(s)) : r.shown,
  );
  const row = (r: PageResult) => ({
    result: (r.page.kind === 'positive' ? r.stories.slice(0, 3).some((s) => r.page.relevant.includes(s)) : !r.shown)
      ? 'ok'
      : 'MISS',
    kind: r.page.kind + (r.page.strength ? ` ${r.page.strength}` : ''),
    lang: r.page.lang,
    page: r.page.name,
    wanted: r.page.relevant.map(name).join(' ') || '—',
    p: r.features ? r.probability.toFixed(2) : 'gate',
    shown: r.stories.length === 0 ? '—' : r.stories.slice(0, 3).map(name).join(' '),
  });
  console.log(
    'Misses (p: the page model\'s out-of-fold probability; "gate": never asked, the page does not name North Korea):',
  );
  for (const line of table(wrong.map(row))) console.log(`  ${line}`);
  const report = (label: string, rs: readonly PageResult[]) => {
    const t = relevanceTotals(rs);
    console.log(`${label}
  positives, strong and moderate: relevant story in the top 3  ${frac(t.top3, t.positives)}   (target ≥ ${REAL_TARGETS.top3 * 100} %)
                                  relevant story first         ${frac(t.top1, t.positives)}   (target ≥ ${REAL_TARGETS.top1 * 100} %)
  positives, borderline:          relevant story in the top 3  ${frac(t.borderlineTop3, t.borderline)}   (reported, not a target)
                                  relevant story first         ${frac(t.borderlineTop1, t.borderline)}
  hard negatives:                 nothing shown                ${frac(t.hardNegativesQuiet, t.hardNegatives)}   (target ≥ ${REAL_TARGETS.hardNegatives * 100} %)
  clear negatives:                nothing shown                ${frac(t.negativesQuiet, t.negatives)}   (target ${REAL_TARGETS.negatives * 100} %)
  cards beside positives shown:   of a story labelled relevant ${frac(t.positiveCardsRelevant, t.positiveCards)}   (reported, not a target)
  first three cards beside them: of a relevant story          ${frac(t.firstCardsRelevant, t.firstCards)}   (reported, not a target)${
    t.readability > 0
      ? `\n  Readability's real pages:       nothing shown                ${frac(t.readabilityQuiet, t.readability)}   (target ${REAL_TARGETS.readability * 100} %)`
      : ''
  }`);
    return t;
  };
  const all = report('All pages', results);
  report(
    'English news',
    results.filter((r) => r.page.lang === 'en'),
  );
  report(
    'Korean news',
    results.filter((r) => r.page.lang === 'ko'),
  );
  if (!meetsRealTargets(all)) ok = false;
  console.log(`Real sets: ${meetsRealTargets(all) ? 'all targets met' : 'BELOW TARGET'}.`);
  const fresh = modelJson(sets.fit());
  const stale = fresh !== shippedModelJson();
  console.log(
    stale
      ? 'The shipped page model (src/search/page-model.json) is NOT the fit of these sets: run npm run fit.'
      : 'The shipped page model (src/search/page-model.json) is the fit of these sets on every page.',
  );
  if (stale) ok = false;
  const summary = (t: RelevanceTotals) =>
    `top 3 ${t.top3}/${t.positives}, first ${t.top1}/${t.positives}, hard negatives quiet ${t.hardNegativesQuiet}/${t.hardNegatives}, clear ${t.negativesQuiet}/${t.negatives}, Readability's pages ${t.readabilityQuiet}/${t.readability}, relevant cards ${t.positiveCardsRelevant}/${t.positiveCards}`;
  console.log(`The shipped model on these same pages, in sample (Chromium shows the same, page by page: e2e/real-news):
  ${summary(relevanceTotals(sets.shipped()))}`);
  // Where extraction matters to Firsthand: would Readability's article change what it shows?
  const read = await loadRealSets('readability');
  if (read) {
    console.log(`The same cross-validation with Mozilla Readability choosing each article instead of our extractor:
  ours:        ${summary(all)}
  Readability: ${summary(relevanceTotals(read.crossValidate().results))}`);
  }
}

// 2. The team's own pages, judged by the shipped model.
console.log(
  `\n=== The team's own pages (eval/pages, e2e fixtures): the shipped model, never fitted on them ===${
    synthetic > 0
      ? `\nwith ${synthetic.toLocaleString('en')} SYNTHETIC passages indexed beside the bundled stories (SYN: a synthetic story's card)`
      : ''
  }`,
);
const outcomes = await evaluate(undefined, { synthetic });
const order = { positive: 0, 'hard-negative': 1, negative: 2 };
const rows = [...outcomes]
  .sort((a, b) => order[a.page.category] - order[b.page.category])
  .map((o) => ({
    result: o.pass ? 'ok' : 'MISS',
    category: o.page.category,
    page: o.page.file.replace(/^.*\//, '').replace(/\.html$/, ''),
    wanted: o.page.relevant.map(name).join(' ') || '—',
    p: o.probability === null ? 'gate' : o.probability.toFixed(2),
    shown: o.shown.length === 0 ? '—' : `${o.shown.slice(0, 3).map(name).join(' ')} (${o.shown.length})`,
    why: o.why.slice(0, 4).join(', '),
  }));
for (const line of table(rows)) console.log(line);
const t = totals(outcomes);
const syntheticCards = outcomes.reduce((n, o) => n + o.shown.filter((id) => id.startsWith('synthetic-')).length, 0);
console.log(`${synthetic > 0 ? `${syntheticCards} synthetic cards shown in all\n` : ''}positives:        relevant story in the top 3  ${frac(t.top3, t.positives)}   (target ≥ ${TARGETS.top3 * 100} %)
${
  synthetic > 0
    ? `                  relevant story first         ${frac(t.top1, t.positives)}   (reported: a synthetic card may come first, by design)
                  ... first of the bundled cards ${frac(t.top1Bundled, t.positives)}   (target ≥ ${TARGETS.top1 * 100} %)`
    : `                  relevant story first         ${frac(t.top1, t.positives)}   (target ≥ ${TARGETS.top1 * 100} %)`
}
clear negatives:  nothing shown                ${frac(t.negativesQuiet, t.negatives)}   (target ${TARGETS.negatives * 100} %)
hard negatives:   nothing shown                ${frac(t.hardNegativesQuiet, t.hardNegatives)}   (target ≥ ${TARGETS.hardNegatives * 100} %)
The team's pages: ${meetsTargets(t) ? 'all targets met' : 'BELOW TARGET'}.`);
if (!meetsTargets(t)) ok = false;

// 3. Popup search.
console.log('\n=== Popup search: the labelled queries (eval/search-queries.ts) ===');
const search = evaluateSearch();
for (const line of formatSearchEval(search)) console.log(line);
if (!meetsSearchTargets(search)) ok = false;

// 4. Article extraction on real markup.
console.log("\n=== Article extraction on Readability's real pages, beside Readability itself ===");
const extraction = await measureExtraction();
console.log(extraction ? formatExtraction(extraction).join('\n') : EXTRACTION_SKIPPED);

console.log(`\n${ok ? 'All targets met.' : 'BELOW TARGET.'}`);
process.exitCode = ok ? 0 : 1;
