/**
 * npm run eval:extraction — the article extractor measured on real markup (issue 11, item 6):
 * on Mozilla Readability's test pages (real pages saved from news sites, blogs and docs,
 * each with Readability's reference extraction), how close our text comes to the reference,
 * word for word, and how long it takes beside `@mozilla/readability` itself on the same
 * parsed pages. And on the same pages, how often stage 0's gate pre-test says "maybe", so
 * that the background injects the detector (none is about what the testimonies speak to).
 *
 * The pages are third-party text: they are read from the shared folder at run time and never
 * copied into the repository. Without the folder, `measureExtraction` returns null and the
 * caller prints `EXTRACTION_SKIPPED`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import { Window } from 'happy-dom';
import { readArticle, runToEnd } from '../src/detect/extract-article';
import { pageGateText } from '../src/detect/gate-text';
import { packGateTest } from '../src/lexicon/gate-pack';
import { mayMentionGate, unpackGateTest } from '../src/lexicon/gate-precheck';
import { buildCorpusFromData } from '../src/search/read-data';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The folder of test pages: `../shared/readability-pages` from the repo root, or under $FIRSTHAND_SHARED. */
export function readabilityPagesDir(env: Record<string, string | undefined> = process.env): string {
  return join(env.FIRSTHAND_SHARED ?? resolve(repoRoot, '../shared'), 'readability-pages');
}

export const EXTRACTION_SKIPPED = 'extraction on real markup: skipped (no readability-pages in the shared folder)';

/** How well one text matches a reference, word by word. */
export interface WordScore {
  precision: number;
  recall: number;
  f1: number;
}

export interface PageExtraction {
  name: string;
  /**
   * Whether happy-dom parsed the page whole: its body holds (nearly) every word of the
   * reference. A page it misparses (cnet: everything after an inline <svg> is lost) measures
   * the parser, not the extractors, and is left out of the summary.
   */
  parsed: boolean;
  /** In the held-out half (`isHeldOut`): judge changes here, tune them on the other half. */
  heldOut: boolean;
  ours: WordScore;
  /** Readability's own output against its own reference: a check of the metric, near 1. */
  readability: WordScore;
  oursMs: number;
  /** Readability on a clone of the document; the clone's cost is `cloneMs`, not counted here. */
  readabilityMs: number;
  cloneMs: number;
  /** Stage 0's gate pre-test said "maybe": the detector would be injected. */
  gateMaybe: boolean;
}

export interface ExtractionReport {
  dir: string;
  pages: PageExtraction[];
}

const IDEO = '[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}]';
const WORD = new RegExp(`${IDEO}|(?:(?!${IDEO})[\\p{L}\\p{M}\\p{N}])+`, 'gu');

/**
 * Lower-cased word tokens: runs of letters, marks and digits; each Han, Hiragana or Katakana
 * character is a word of its own, since those scripts put no spaces between words.
 */
export function wordTokens(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/**
 * Word-level F1 of `candidate` against `reference`, as bags of words: both texts become
 * multisets of lower-cased word tokens (`wordTokens`), order ignored; the overlap counts
 * each word min(times in candidate, times in reference). Precision = overlap / candidate
 * words (how much of what we read is article), recall = overlap / reference words (how much
 * of the article we read), F1 = their harmonic mean. Two empty texts agree (1); one empty
 * text against a non-empty one scores 0.
 */
export function wordF1(candidate: string, reference: string): WordScore {
  const ours = wordTokens(candidate);
  const theirs = wordTokens(reference);
  if (ours.length === 0 && theirs.length === 0) return { precision: 1, recall: 1, f1: 1 };
  const left = new Map<string, number>();
  for (const w of theirs) left.set(w, (left.get(w) ?? 0) + 1);
  let overlap = 0;
  for (const w of ours) {
    const n = left.get(w) ?? 0;
    if (n > 0) {
      overlap++;
      left.set(w, n - 1);
    }
  }
  const precision = ours.length === 0 ? 0 : overlap / ours.length;
  const recall = theirs.length === 0 ? 0 : overlap / theirs.length;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/**
 * Parses a page with happy-dom, as the evaluation does (eval/evaluate.ts), but by DOMParser:
 * an inert document, no script runs and nothing loads. A window per page, closed and awaited:
 * happy-dom frees a closed window only then, and 130 pages would otherwise hold ~3 GB.
 */
function openWindow(): { parse: (html: string) => Document; close: () => Promise<void> } {
  const window = new Window({ url: 'http://fakehost/test/page.html' });
  const parser = new window.DOMParser();
  return {
    parse: (html) => parser.parseFromString(html, 'text/html') as unknown as Document,
    close: () => window.happyDOM.close(),
  };
}

/**
 * Runs our extractor and Readability on every test page in `dir`; null when there is none.
 * Asynchronous only so that happy-dom can free each page before the next.
 */
export async function measureExtraction(dir: string = readabilityPagesDir()): Promise<ExtractionReport | null> {
  if (!existsSync(dir)) return null;
  const names = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'source.html')))
    .map((d) => d.name)
    .sort();
  if (names.length === 0) return null;
  const gate = unpackGateTest(packGateTest(buildCorpusFromData().terms));
  const pages: PageExtraction[] = [];
  for (const name of names) {
    const window = openWindow();
    const reference = window.parse(readFileSync(join(dir, name, 'expected.html'), 'utf8')).body?.textContent ?? '';
    const doc = window.parse(readFileSync(join(dir, name, 'source.html'), 'utf8'));
    const parsed = wordF1(doc.body?.textContent ?? '', reference).recall >= 0.9;
    const gateMaybe = runToEnd(mayMentionGate(pageGateText(doc), gate));

    let start = performance.now();
    const article = runToEnd(readArticle(doc));
    const oursMs = performance.now() - start;

    start = performance.now();
    // Readability rewrites the document it reads.
    const clone = doc.cloneNode(true) as Document;
    const cloneMs = performance.now() - start;
    start = performance.now();
    const theirs = new Readability(clone).parse();
    const readabilityMs = performance.now() - start;
    await window.close();

    pages.push({
      name,
      parsed,
      heldOut: isHeldOut(name),
      // The title is scored apart by Firsthand, and the reference often leaves it out.
      ours: wordF1(article.paragraphs.join('\n'), reference),
      readability: wordF1(theirs?.textContent ?? '', reference),
      oursMs,
      readabilityMs,
      cloneMs,
      gateMaybe,
    });
  }
  return { dir, pages };
}

/**
 * A fixed half of the pages, by a hash of the name (FNV-1a), that tuning the extractor must
 * not look at: a constant fitted on the pages that then grade it grades itself. The report
 * lists weak pages of the other half only.
 */
export function isHeldOut(name: string): boolean {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return (hash & 1) === 1;
}

/** The value below which `share` of the values lie (nearest rank). */
export function percentile(values: number[], share: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))] as number;
}

/** The printed report: a summary table, then the tuning half's pages where we are weakest. */
export function formatExtraction(report: ExtractionReport, worst = 10): string[] {
  const pages = report.pages.filter((p) => p.parsed);
  const misparsed = report.pages.filter((p) => !p.parsed).map((p) => p.name);
  const tuning = pages.filter((p) => !p.heldOut);
  const heldOut = pages.filter((p) => p.heldOut);
  const spread = (of: PageExtraction[], pick: (p: PageExtraction) => number, share: number, digits: number) =>
    [0.5, share].map((q) => percentile(of.map(pick), q).toFixed(digits).padStart(6)).join(' ');
  const words = (label: string, of: PageExtraction[]) =>
    `  ${label.padEnd(30)}${spread(of, (p) => p.ours.f1, 0.1, 3)}   ${spread(of, (p) => p.ours.precision, 0.1, 3)}   ${spread(of, (p) => p.ours.recall, 0.1, 3)}`;
  const head = (tail: string) => ['median', tail].map((h) => h.padStart(6)).join(' ');
  const ms = (label: string, pick: (p: PageExtraction) => number) =>
    `  ${label.padEnd(30)}${spread(pages, pick, 0.9, 1)}`;
  const lines = [
    `extraction on real markup: ${pages.length} of Mozilla Readability's ${report.pages.length} test pages (${report.dir})`,
    ...(misparsed.length > 0 ? [`  left out, as happy-dom misparses them: ${misparsed.join(', ')}`] : []),
    `${''.padEnd(32)}${['F1', 'precision', 'recall'].map((h) => h.padStart(9).padEnd(16)).join('')}`.trimEnd(),
    `${'words against expected.html'.padEnd(32)}${[0, 1, 2].map(() => head('p10')).join('   ')}`,
    words(`ours, all ${pages.length} pages`, pages),
    words(`ours, tuning half (${tuning.length})`, tuning),
    words(`ours, held-out half (${heldOut.length})`, heldOut),
    `  ${'Readability 0.6.0, all'.padEnd(30)}${spread(pages, (p) => p.readability.f1, 0.1, 3)}   (its own reference: a check of the metric)`,
    '  (word-level F1: bags of lower-cased words; precision = share of our words in the reference)',
    `${'ms per page, parse excluded'.padEnd(32)}${head('p90')}`,
    ms('ours: readArticle', (p) => p.oursMs),
    ms('Readability: parse() on a clone', (p) => p.readabilityMs),
    ms('Readability: the clone it needs', (p) => p.cloneMs),
    `stage 0's gate pre-test says "maybe" (the detector is injected) on ${report.pages.filter((p) => p.gateMaybe).length} of the ${report.pages.length} pages (none is about what the testimonies speak to)`,
  ];
  if (worst > 0) {
    lines.push(`weakest ${worst} pages of the tuning half: our F1 (precision / recall), Readability's F1`);
    for (const p of [...tuning].sort((a, b) => a.ours.f1 - b.ours.f1).slice(0, worst)) {
      const { f1, precision, recall } = p.ours;
      lines.push(
        `  ${p.name.padEnd(36)} ${f1.toFixed(2)} (${precision.toFixed(2)} / ${recall.toFixed(2)})   ${p.readability.f1.toFixed(2)}`,
      );
    }
  }
  return lines;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const report = await measureExtraction();
  console.log(report ? formatExtraction(report).join('\n') : EXTRACTION_SKIPPED);
}
