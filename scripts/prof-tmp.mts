import { typicalArticle } from '../bench/synthetic-pages';
import { launch, PILL } from '../e2e/harness';

const h = await launch();
const url = 'https://news.example.com/bench/typical';
h.serve(url, typicalArticle());
const scriptUrl = `chrome-extension://${h.extensionId}/content-scripts/firsthand.js`;
for (let run = 0; run < 2; run++) {
  const page = await h.context.newPage();
  const cdp = await h.context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  await page.goto(url);
  await page.locator(PILL).waitFor();
  await page.waitForTimeout(300);
  const { profile } = (await cdp.send('Profiler.stop')) as any;
  const byId = new Map(profile.nodes.map((n: any) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  profile.samples.forEach((id: number, i: number) => {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    let n: any = byId.get(id);
    const seen = new Set<string>();
    const ours = false;
    const first = true;
    const chain: any[] = [];
    while (n) {
      chain.push(n);
      n = byId.get(parent.get(n.id));
    }
    if (!chain.some((c) => c.callFrame.url.startsWith(scriptUrl))) return;
    const top = chain[0];
    const k = `${top.callFrame.functionName || '(anon)'} ${top.callFrame.url.slice(-30)}:${top.callFrame.lineNumber}`;
    self.set(k, (self.get(k) ?? 0) + dt);
    for (const c of chain) {
      if (!c.callFrame.url.startsWith(scriptUrl)) continue;
      const kk = `${c.callFrame.functionName || '(anon)'}:${c.callFrame.lineNumber}:${c.callFrame.columnNumber}`;
      if (seen.has(kk)) continue;
      seen.add(kk);
      inclusive.set(kk, (inclusive.get(kk) ?? 0) + dt);
    }
  });
  console.log(
    'SELF',
    [...self]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 12)
      .map(([k, v]) => `${v.toFixed(1)} ${k}`)
      .join('\n'),
  );
  console.log(
    'INCL',
    [...inclusive]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 15)
      .map(([k, v]) => `${v.toFixed(1)} ${k}`)
      .join('\n'),
  );
  await page.close();
}
await h.close();
