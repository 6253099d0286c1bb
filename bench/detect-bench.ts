/**
 * npm run bench:detect — the content script's main-thread cost, measured in headless
 * Chromium with the built extension (a benchmark, not a test: these machines are noisy).
 *
 * For each synthetic page (src/testing/synthetic-pages.ts) and run, a Chrome trace of the tab is
 * recorded from navigation until the content script is done: the trace events that run its
 * code (evaluation, then every callback into it) add up to its main-thread time, and the
 * tasks containing them give the longest task it caused. Beside it, the floor:
 * `document.body.innerText` plus one lower-casing pass, timed in the same page.
 */
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { CDPSession, Page } from 'playwright-core';
import { extensionDir, inPage, launch, PILL } from '../src/testing/harness';
import { hugePage, longPage, typicalArticle, typicalOtherArticle } from '../src/testing/synthetic-pages';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const pages = [
  {
    name: 'typical article, not about North Korea (1,500 words)',
    url: 'https://news.example.com/bench/other',
    html: typicalOtherArticle(),
    pill: false,
  },
  {
    name: 'typical article about North Korea (1,500 words; pill shown)',
    url: 'https://news.example.com/bench/typical',
    html: typicalArticle(),
    pill: true,
  },
  { name: 'long page (20,000 words)', url: 'https://news.example.com/bench/long', html: longPage(), pill: true },
  { name: '2 MB page', url: 'https://news.example.com/bench/huge', html: hugePage(), pill: true },
];

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  args?: { data?: { url?: string; frame?: string } };
}

/**
 * Our main-thread time: the outermost trace events that run the content script's code
 * (its evaluation, then every callback into it: timers, messages, storage, idle slices),
 * the microtask checkpoints that follow them in their tasks, and those tasks.
 */
function attribute(events: TraceEvent[], isScript: (url: string) => boolean) {
  const ours = events
    .filter((e) => e.ph === 'X' && (e.name === 'EvaluateScript' || e.name === 'FunctionCall'))
    // A call of no script file counts only in a page's frame (the worker's have none).
    .filter(
      (e) =>
        isScript(e.args?.data?.url ?? '') && (e.args?.data?.url || (e.name === 'FunctionCall' && e.args?.data?.frame)),
    )
    .sort((a, b) => a.ts - b.ts);
  const outer: TraceEvent[] = [];
  for (const e of ours) {
    const last = outer.at(-1);
    if (last && last.tid === e.tid && e.ts < last.ts + (last.dur ?? 0)) continue;
    outer.push(e);
  }
  // Chromium names its task events "ThreadControllerImpl::RunTask" (older: "RunTask").
  const tasks = events.filter((e) => e.ph === 'X' && e.name.endsWith('RunTask'));
  const taskOf = (e: TraceEvent) =>
    tasks.find((t) => t.tid === e.tid && t.ts <= e.ts && t.ts + (t.dur ?? 0) >= e.ts + (e.dur ?? 0));
  // The promise continuations a call leaves run after it, in the same task, as a microtask
  // checkpoint of their own (an async function's rest, an awaited reply): these pages run
  // no script, so a checkpoint in a task of ours is ours.
  const within = (x: TraceEvent, y: TraceEvent) =>
    x.tid === y.tid && x.ts >= y.ts && x.ts + (x.dur ?? 0) <= y.ts + (y.dur ?? 0);
  const ourTasks = new Set(outer.map(taskOf).filter((t) => t !== undefined));
  const continuations = events.filter(
    (e) =>
      e.ph === 'X' &&
      e.name === 'RunMicrotasks' &&
      [...ourTasks].some((t) => within(e, t)) &&
      !outer.some((o) => within(e, o)),
  );
  return {
    total: [...outer, ...continuations].reduce((sum, e) => sum + (e.dur ?? 0), 0) / 1000,
    longest: Math.max(0, ...outer.map((e) => (taskOf(e)?.dur ?? e.dur ?? 0) / 1000)),
  };
}

interface ProfileNode {
  id: number;
  callFrame: { url: string };
  children?: number[];
}

/**
 * The same page, sampled by V8's CPU profiler instead: every sample whose stack runs code
 * of the content script counts, including the promise continuations (after a message
 * reply, a storage read, a yielded slice) that trace events do not attribute to a script.
 */
async function sample(page: Page, cdp: CDPSession, url: string, scriptUrl: string, showsPill: boolean) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await page.goto(url);
  if (showsPill) await inPage(page).waitFor(PILL, { timeout: 30_000 });
  await page.waitForTimeout(showsPill ? 1500 : 2500);
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
    profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  };
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const c of node.children ?? []) parent.set(c, node.id);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const ours = new Map<number, boolean>();
  const isOurs = (id: number): boolean => {
    const known = ours.get(id);
    if (known !== undefined) return known;
    const up = parent.get(id);
    const verdict = (byId.get(id)?.callFrame.url ?? '').startsWith(scriptUrl) || (up !== undefined && isOurs(up));
    ours.set(id, verdict);
    return verdict;
  };
  let total = 0;
  profile.samples.forEach((id, i) => {
    if (isOurs(id)) total += (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0) / 1000;
  });
  return total;
}

async function measure(page: Page, cdp: CDPSession, url: string, scriptUrl: string, showsPill: boolean) {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  // The timeline categories, and v8.execute for its RunMicrotasks events, without which the
  // promise continuations (an awaited reply's handling) went uncounted. V8's other
  // categories slow the code under test.
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['devtools.timeline', 'toplevel', 'v8.execute'] },
    transferMode: 'ReportEvents',
  });
  await page.goto(url);
  if (showsPill) await inPage(page).waitFor(PILL, { timeout: 30_000 });
  // Let the scan's slices, the message round trip and the first render finish.
  await page.waitForTimeout(showsPill ? 500 : 2500);
  await cdp.send('Tracing.end');
  await complete;
  const floor = await page.evaluate(() => {
    const t = performance.now();
    const text = document.body.innerText.toLowerCase();
    return { ms: performance.now() - t, chars: text.length };
  });
  return {
    ...attribute(events, (u) => u === MESSAGES || STAGES.some((stage) => u === scriptUrl + stage.file)),
    stages: STAGES.map((stage) => attribute(events, (u) => u === scriptUrl + stage.file).total),
    messages: attribute(events, (u) => u === MESSAGES).total,
    reference: attribute(events, (u) => u.endsWith(`/${REFERENCE_SCRIPT}`)).total,
    floor: floor.ms,
  };
}

/**
 * The median, and in brackets the lower quartile and the fastest run: a machine's noise
 * only ever adds time, so the lower runs tell two builds apart where medians overlap.
 */
const withFastest = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const p25 = sorted[Math.floor((sorted.length - 1) / 4)] as number;
  return `${median(xs).toFixed(1)} ms (${p25.toFixed(1)}, ${Math.min(...xs).toFixed(1)})`;
};

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2
    ? (s[(s.length - 1) / 2] as number)
    : ((s[s.length / 2 - 1] as number) + (s[s.length / 2] as number)) / 2;
};

/**
 * The extension's messages to the page's scripts (`pageState`: the detector's listener, and
 * the UI's drawing it calls): the bindings' dispatcher runs them as a FunctionCall with no
 * script URL, so they belong to no stage's file. These pages run no script of their own,
 * and the reference extension sends no message, so every such call on them is ours.
 */
const MESSAGES = '';

// The reference: an extension whose content script is empty, loaded beside Firsthand, so
// the cost any content script pays on these machines (its world, its bindings) is visible.
const REFERENCE_SCRIPT = 'empty-content-script.js';
const STAGES = [
  { name: 'stage 0: gate', file: 'firsthand-gate.js' },
  { name: 'stage 1: detector', file: 'content-scripts/firsthand-detect.js' },
  { name: 'stage 2: UI', file: 'content-scripts/firsthand-ui.js' },
];
const referenceDir = mkdtempSync(join(tmpdir(), 'firsthand-bench-reference-'));
writeFileSync(
  join(referenceDir, 'manifest.json'),
  JSON.stringify({
    manifest_version: 3,
    name: 'Benchmark reference: an empty content script',
    version: '1.0',
    content_scripts: [{ matches: ['https://*/*'], js: [REFERENCE_SCRIPT], run_at: 'document_idle' }],
  }),
);
writeFileSync(join(referenceDir, REFERENCE_SCRIPT), 'void 0;\n');

const h = await launch({ alsoLoad: [referenceDir] });
// The page pipeline's three stages: stage 0 on every page, the detector and the UI
// injected by the background where needed (docs/architecture.md). The panel's code,
// injected when the reader opens the pill, runs on no page load.
const scriptUrl = `chrome-extension://${h.extensionId}/`;
for (const p of pages) h.serve(p.url, p.html);
const gzipped = (file: string) => gzipSync(readFileSync(join(extensionDir, file)), { level: 9 }).length;
console.log('Firsthand page pipeline: script sizes (minified; gzip by Node zlib, level 9)\n');
for (const stage of STAGES) {
  console.log(`${stage.name}: ${statSync(join(extensionDir, stage.file)).size} bytes, ${gzipped(stage.file)} gzipped`);
}
console.log(
  `\nMain-thread time (median of ${RUNS} runs, and in brackets the lower quartile and the fastest run: noise only adds; max for the longest task)\n`,
);
console.log(
  [
    'page',
    'size',
    ...STAGES.map((stage) => stage.name),
    'messages to them',
    'all stages (traced)',
    'all stages (sampled)',
    'longest task',
    'floor: empty content script',
    'floor: + innerText & lowercase',
    'ratio to floor',
  ].join(' | '),
);
// BENCH_PAGES=other,huge: only the pages whose address ends with one of these words.
const only = process.env.BENCH_PAGES?.split(',');
for (const p of pages.filter((page) => !only || only.some((w) => page.url.endsWith(`/${w}`)))) {
  const results: Awaited<ReturnType<typeof measure>>[] = [];
  for (let i = 0; i < RUNS; i++) {
    const page = await h.context.newPage();
    const cdp = await h.context.newCDPSession(page);
    results.push(await measure(page, cdp, p.url, scriptUrl, p.pill));
    await cdp.detach();
    await page.close();
  }
  const sampled: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const page = await h.context.newPage();
    const cdp = await h.context.newCDPSession(page);
    sampled.push(await sample(page, cdp, p.url, scriptUrl, p.pill));
    await cdp.detach();
    await page.close();
  }
  const ours = median(results.map((r) => r.total));
  const empty = median(results.map((r) => r.reference));
  // The floor: what any content script pays to exist (an empty one, beside ours), and to
  // read the page's text once (innerText plus one lower-casing pass, in the same page).
  const floor = empty + median(results.map((r) => r.floor));
  const longest = Math.max(...results.map((r) => r.longest));
  console.log(
    [
      p.name,
      `${(p.html.length / 1e6).toFixed(2)} MB`,
      ...STAGES.map((_, i) => withFastest(results.map((r) => r.stages[i] ?? 0))),
      withFastest(results.map((r) => r.messages)),
      withFastest(results.map((r) => r.total)),
      `${median(sampled).toFixed(1)} ms`,
      `${longest.toFixed(1)} ms`,
      `${empty.toFixed(1)} ms`,
      `${floor.toFixed(1)} ms`,
      `${(ours / floor).toFixed(2)}×`,
    ].join(' | '),
  );
}
console.log(`
stage 0: the gate pre-test, on every page; stage 1: the detector, injected where stage 0
  says "maybe" on a site where Firsthand runs; stage 2: the in-page UI, injected where there
  is something to show (the pill; the panel's code, injected when the reader opens it, is
  not measured: no page load runs it).
messages to them: the extension's messages to the page's scripts (the pushed view), which the
  bindings run as calls of no script file: the detector's listener and the UI's drawing.
traced: trace events that run their code (evaluation and callbacks, and the promise
  continuations after them in the same task), messages included.
sampled: V8 CPU-profile samples in its code, promise continuations included (the sampler
  itself slows the code a little; the truth lies between the two, nearer the larger).
longest task: the longest browser task holding traced work of ours (max over runs).
floor: an empty content script's own cost beside ours, plus innerText and one lower-casing pass.
Targets (issue 13): a typical article not about North Korea ≤ 3× the floor; a typical
article with the pill shown ≤ 15×; no task over 50 ms on the 2 MB page.`);
await h.close();
