import { launch } from '../e2e/harness';
import { typicalOtherArticle } from '../bench/synthetic-pages';
const h = await launch({});
const url = 'https://news.example.com/bench/other';
h.serve(url, typicalOtherArticle());
for (let run = 0; run < 3; run++) {
  const page = await h.context.newPage();
  const cdp = await h.context.newCDPSession(page);
  const events: any[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as any[])));
  const complete = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'toplevel', 'v8'] }, transferMode: 'ReportEvents' });
  await page.goto(url);
  await page.waitForTimeout(2500);
  await cdp.send('Tracing.end');
  await complete;
  const ours = events.filter((e) => e.ph === 'X' && JSON.stringify(e.args ?? {}).includes('firsthand-gate')).sort((a, b) => b.dur - a.dur);
  console.log('run', run, ours.slice(0, 8).map((e) => `${e.name} ${(e.dur / 1000).toFixed(2)}ms`).join(' | '));
  // children of the biggest: events within its span on same tid
  const big = ours[0];
  if (big) {
    const inside = events.filter((e) => e.ph === 'X' && e.tid === big.tid && e.ts >= big.ts && e.ts + (e.dur ?? 0) <= big.ts + big.dur && e !== big).sort((a, b) => b.dur - a.dur);
    console.log('   inside:', inside.slice(0, 10).map((e) => `${e.name} ${(e.dur / 1000).toFixed(2)}`).join(' | '));
  }
  await cdp.detach();
  await page.close();
}
await h.close();
