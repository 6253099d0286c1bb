// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { packGateTest } from '@/src/lexicon/gate-pack';
import { unpackGateTest } from '@/src/lexicon/gate-precheck';
import { compileLexicon, type Term } from '@/src/lexicon/lexicon';
import { runToEnd } from './extract-article';
import { createPageScanner } from './page-scanner';
import { runInSlices } from './run-in-slices';

const t = (term: string, aliases: string[], gate = false): Term => ({
  term,
  kind: 'topic',
  weight: 2,
  gate,
  context: false,
  aliases,
});
const terms = [t('North Korea', ['North Korea'], true), t('famine', ['famine']), t('orphan', ['orphan'])];
const matcher = compileLexicon(terms);
const gateTest = unpackGateTest(packGateTest(terms));
const createScanner = () => createPageScanner(gateTest, () => matcher);

// Synthetic article text written for these tests.
const para = (s: string) => `<p>${s} This sentence pads the paragraph so that it reads like real article prose.</p>`;

function articleDoc(paragraphs: string[]): Document {
  document.body.innerHTML = `<main><article id="story"><h1>North Korea's famine</h1>${paragraphs.map(para).join('')}</article></main>`;
  return document;
}

describe('the page scanner', () => {
  it("reports the article's words with their counts, headline included, for query-by-document ranking", () => {
    const scan = runToEnd(createScanner().scan(articleDoc(['Orphans of the famine.', 'Orphans in North Korea.'])));
    const words = new Map(scan.words);
    expect(words.get('orphan')).toBe(2);
    expect(words.get('famine')).toBe(2);
    expect(words.get('korea')).toBe(2);
  });

  it("counts a rescan's words afresh: late content adds its own, what was read before is not counted twice", () => {
    const scanner = createScanner();
    const doc = articleDoc(['Orphans of the famine.', 'Orphans in North Korea.']);
    runToEnd(scanner.scan(doc));
    doc.getElementById('story')?.insertAdjacentHTML('beforeend', para('One more orphan.'));
    const again = runToEnd(scanner.scan(doc));
    expect(again.matched).toBe(1);
    expect(new Map(again.words).get('orphan')).toBe(3);
    expect(new Map(again.words).get('famine')).toBe(2);
  });

  it('reads the first article without its pre-test when stage 0 already passed it, and tests the next', () => {
    // A pre-test that never says "maybe": only a scanner that skips it reads anything.
    const never = { first: /(?!)/, keys: /(?!)/g, phrasesByKey: new Map() };
    const doc = articleDoc(['Orphans of the famine.', 'Orphans in North Korea.']);
    expect(runToEnd(createPageScanner(never, () => matcher).scan(doc)).detected).toEqual([]);
    const passed = createPageScanner(never, () => matcher, { gatePassed: true });
    expect(runToEnd(passed.scan(doc)).detected.map((d) => d.term)).toContain('North Korea');
    passed.forget();
    expect(runToEnd(passed.scan(doc)).detected).toEqual([]);
  });

  it('reports no words for a page that does not name North Korea', () => {
    document.body.innerHTML = `<main><article><h1>A famine elsewhere</h1>${para('Orphans of the famine.')}${para('More about the famine.')}</article></main>`;
    const scan = runToEnd(createScanner().scan(document));
    expect(scan.detected).toEqual([]);
    expect(scan.words).toEqual([]);
    // Control: the same article naming the country twice is read, words and all.
    document.body.innerHTML = `<main><article><h1>A famine in North Korea</h1>${para('Orphans of the famine in North Korea.')}</article></main>`;
    expect(runToEnd(createScanner().scan(document)).words.length).toBeGreaterThan(0);
  });

  it('reads late content without matching the paragraphs it has already read', () => {
    const scanner = createScanner();
    const doc = articleDoc(['The famine years.', 'North Korea then.']);
    const first = runToEnd(scanner.scan(doc));
    expect(first.matched).toBe(2);
    expect(first.detected).toContainEqual({ term: 'famine', count: 1, inTitle: true });

    // "Read more" adds a paragraph to the article.
    doc.getElementById('story')?.insertAdjacentHTML('beforeend', para('An orphan of the famine.'));
    const second = runToEnd(scanner.scan(doc));
    expect(second.matched).toBe(1);
    expect(second.detected).toContainEqual({ term: 'famine', count: 2, inTitle: true });
    expect(second.detected).toContainEqual({ term: 'orphan', count: 1, inTitle: false });
  });

  it('starts over after forget (a new article)', () => {
    const scanner = createScanner();
    runToEnd(scanner.scan(articleDoc(['The famine years.'])));
    scanner.forget();
    expect(runToEnd(scanner.scan(articleDoc(['The famine years.']))).matched).toBe(1);
  });

  it('gives the main thread back during a long page, and finds the same terms in slices', async () => {
    const paragraphs = Array.from({ length: 3000 }, (_, i) => (i % 100 === 0 ? 'North Korea famine.' : `Filler ${i}.`));
    const doc = articleDoc(paragraphs);
    const steps = createScanner().scan(doc);
    let pauses = 0;
    for (let r = steps.next(); !r.done; r = steps.next()) pauses++;
    expect(pauses).toBeGreaterThan(10);

    const sliced = await runInSlices(createScanner().scan(doc), 0);
    expect(sliced.detected).toEqual(runToEnd(createScanner().scan(doc)).detected);
    // Read up to the article-length cap (100,000 characters), not to the page's end.
    const famine = sliced.detected.find((d) => d.term === 'famine');
    expect(famine?.count).toBeGreaterThan(5);
    expect(famine?.count).toBeLessThan(30);
  });
});

describe('the page scanner across a navigation', () => {
  it('does not let a scan begun before forget() write back the old article', () => {
    const scanner = createScanner();
    const doc = articleDoc(Array.from({ length: 600 }, () => 'The famine years in North Korea.'));
    const steps = scanner.scan(doc);
    expect(steps.next().done).toBe(false); // paused in the middle of the old article
    scanner.forget();
    for (let r = steps.next(); !r.done; r = steps.next()) {}
    // A keep-alive router hides the old article and shows the new one beside it.
    doc.getElementById('story')?.setAttribute('hidden', '');
    doc.body.insertAdjacentHTML(
      'beforeend',
      `<article><h1>Cuba's harvest</h1>${para('Sugar cane, cut by hand.')}</article>`,
    );
    expect(runToEnd(scanner.scan(doc)).detected).toEqual([]);
  });
});
