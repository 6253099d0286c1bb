/**
 * npm run eval — relevance on the labelled evaluation set (eval/README.md): for every page,
 * what Firsthand would show, and the totals against the targets. Exits 1 below target.
 *
 *   npm run eval -- --synthetic 50000   the same, with a SYNTHETIC collection of that many
 *                                       passages indexed beside the bundled stories
 */
import { MIN_ABOUTNESS } from '../src/search/rank-passages';
import { evaluate, meetsTargets, TARGETS, totals } from './evaluate';

const short: Record<string, string> = {
  'josephs-story-part-1-2024': 'joseph',
  'women-in-north-korea-2023': 'women',
  'gay-north-korea-2005': 'gay-nk',
};
const name = (id: string) => short[id] ?? (id.startsWith('synthetic-') ? 'SYN' : id);

const flag = process.argv.indexOf('--synthetic');
const synthetic = flag >= 0 ? Number(process.argv[flag + 1]) : 0;
if (!Number.isInteger(synthetic) || synthetic < 0) throw new Error('--synthetic takes a number of passages');
const outcomes = evaluate(undefined, { synthetic });
const syntheticCards = outcomes.reduce((n, o) => n + o.shown.filter((id) => id.startsWith('synthetic-')).length, 0);
const rows = outcomes.map((o) => ({
  result: o.pass ? 'ok' : 'MISS',
  category: o.page.category,
  page: o.page.file.replace(/^.*\//, '').replace(/\.html$/, ''),
  wanted: o.page.relevant.map(name).join(' ') || '—',
  about: o.aboutness.toFixed(1),
  shown: o.shown.length === 0 ? '—' : `${o.shown.slice(0, 3).map(name).join(' ')} (${o.shown.length})`,
  why: o.why.slice(0, 4).join(', '),
}));
const widths = Object.keys(rows[0] ?? {}).map((k) =>
  Math.min(48, Math.max(k.length, ...rows.map((r) => String(r[k as keyof typeof r]).length))),
);
const line = (cells: string[]) => cells.map((c, i) => c.slice(0, widths[i]).padEnd(widths[i] ?? 0)).join('  ');
const order = { positive: 0, 'hard-negative': 1, negative: 2 };
console.log(line(Object.keys(rows[0] ?? {})));
for (const r of rows.sort(
  (a, b) => order[a.category as keyof typeof order] - order[b.category as keyof typeof order],
)) {
  console.log(line(Object.values(r)));
}

const t = totals(outcomes);
const pct = (n: number, d: number) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)} %`);
console.log(`${
  synthetic > 0
    ? `\nwith ${synthetic.toLocaleString('en')} SYNTHETIC passages indexed beside the bundled stories (SYN: a synthetic story's card); ${syntheticCards} synthetic cards shown in all\n`
    : ''
}
pages: ${outcomes.length}
positives:        relevant story in the top 3  ${t.top3}/${t.positives}  ${pct(t.top3, t.positives)}   (target ≥ ${TARGETS.top3 * 100} %)
                  relevant story first         ${t.top1}/${t.positives}  ${pct(t.top1, t.positives)}
clear negatives:  nothing shown                ${t.negativesQuiet}/${t.negatives}  ${pct(t.negativesQuiet, t.negatives)}   (target ${TARGETS.negatives * 100} %)
hard negatives:   nothing shown                ${t.hardNegativesQuiet}/${t.hardNegatives}  ${pct(t.hardNegativesQuiet, t.hardNegatives)}   (target ≥ ${TARGETS.hardNegatives * 100} %)
about = how much the article is about the testimonies' subjects; nothing is shown below ${MIN_ABOUTNESS}.
${meetsTargets(t) ? 'All targets met.' : 'BELOW TARGET.'}`);
process.exitCode = meetsTargets(t) ? 0 : 1;
