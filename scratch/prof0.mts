import { launch } from '../e2e/harness';
import { typicalOtherArticle } from '../bench/synthetic-pages';
const h = await launch({});
const url = 'https://news.example.com/bench/other';
h.serve(url, typicalOtherArticle());
const agg = new Map<string, number>();
for (let run = 0; run < 6; run++) {
  const page = await h.context.newPage();
  const cdp = await h.context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  await page.goto(url);
  await page.waitForTimeout(2000);
  const { profile } = (await cdp.send('Profiler.stop')) as any;
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n: any) => [n.id, n]));
  const oursUp = (id: number): boolean => { let x: number | undefined = id; while (x !== undefined) { const n: any = byId.get(x); if (n.callFrame.url.includes('firsthand-gate')) return true; x = parent.get(x); } return false; };
  profile.samples.forEach((id: number, i: number) => {
    if (!oursUp(id)) return;
    const n: any = byId.get(id);
    const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`;
    agg.set(key, (agg.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000 / 6);
  });
  await cdp.detach(); await page.close();
}
console.log([...agg].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, v]) => `${v.toFixed(2)}ms ${k}`).join('\n'));
await h.close();
