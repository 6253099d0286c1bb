// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { packGateTest } from '@/src/lexicon/gate-pack';
import { unpackGateTest } from '@/src/lexicon/gate-precheck';
import { compileLexicon, type Term } from '@/src/lexicon/lexicon';
import { articleEvidence } from './assess-page';
import { detectPage } from './detect-page';
import { runToEnd } from './extract-article';
import { pageMayMention } from './gate-text';
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
const createScanner = () => createPageScanner(pageMayMention(gateTest));
/** What the background finds in what a scan read (nothing for a page it did not read). */
const evidenceOf = ({ article }: { article: { title: string; paragraphs: string[] } | null }) =>
  article ? articleEvidence(article, matcher) : { terms: [], words: [], said: [] };

// Synthetic article text written for these tests.
const para = (s: string) => `<p>${s} This sentence pads the paragraph so that it reads like real article prose.</p>`;

function articleDoc(paragraphs: string[]): Document {
  document.body.innerHTML = `<main><article id="story"><h1>North Korea's famine</h1>${paragraphs.map(para).join('')}</article></main>`;
  return document;
}

describe('the page scanner', () => {
  it("reports the article's words with their counts, headline included, for query-by-document ranking", () => {
    const scan = detectPage(articleDoc(['Orphans of the famine.', 'Orphans in North Korea.']), gateTest, matcher);
    const words = new Map(scan.words);
    expect(words.get('orphan')).toBe(2);
    expect(words.get('famine')).toBe(2);
    expect(words.get('korea')).toBe(2);
  });

  it('reads late content in the container it found, and the article then says it', () => {
    const scanner = createScanner();
    const doc = articleDoc(['Orphans of the famine.', 'Orphans in North Korea.']);
    const first = runToEnd(scanner.scan(doc));
    expect(first.article?.paragraphs).toHaveLength(2);
    const root = scanner.root();
    expect(root?.id).toBe('story');
    doc.getElementById('story')?.insertAdjacentHTML('beforeend', para('One more orphan.'));
    const again = runToEnd(scanner.scan(doc));
    expect(again.article?.paragraphs).toHaveLength(3);
    expect(scanner.root()).toBe(root);
    const words = new Map(evidenceOf(again).words);
    expect(words.get('orphan')).toBe(3);
    expect(words.get('famine')).toBe(2);
  });

  it('reads the first article without its pre-test when stage 0 already passed it, and tests the next', () => {
    // A pre-test that never says "maybe": only a scanner that skips it reads anything.
    const never = pageMayMention(unpackGateTest({ first: '', phrases: {} }));
    let asked = 0;
    const doc = articleDoc(['Orphans of the famine.', 'Orphans in North Korea.']);
    expect(runToEnd(createPageScanner(never).scan(doc)).article).toBeNull();
    const passed = createPageScanner(
      (page) => {
        asked++;
        return never(page);
      },
      { gatePassed: true },
    );
    expect(runToEnd(passed.scan(doc)).article?.paragraphs.length).toBeGreaterThan(0);
    // The gate test is asked only when it is needed: of the next article.
    expect(asked).toBe(0);
    passed.forget();
    expect(runToEnd(passed.scan(doc)).article).toBeNull();
    expect(asked).toBe(1);
  });

  it('reports no words for a page that does not name North Korea', () => {
    document.body.innerHTML = `<main><article><h1>A famine elsewhere</h1>${para('Orphans of the famine.')}${para('More about the famine.')}</article></main>`;
    const scan = detectPage(document, gateTest, matcher);
    expect(scan.detected).toEqual([]);
    expect(scan.words).toEqual([]);
    // Control: the same article naming the country twice is read, words and all.
    document.body.innerHTML = `<main><article><h1>A famine in North Korea</h1>${para('Orphans of the famine in North Korea.')}</article></main>`;
    expect(detectPage(document, gateTest, matcher).words.length).toBeGreaterThan(0);
  });

  it('starts over after forget (a new article): the container is looked for again', () => {
    const scanner = createScanner();
    runToEnd(scanner.scan(articleDoc(['The famine years in North Korea.'])));
    expect(scanner.root()).not.toBeNull();
    scanner.forget();
    expect(scanner.root()).toBeNull();
    expect(runToEnd(scanner.scan(articleDoc(['The famine years in North Korea.']))).article?.paragraphs).toHaveLength(
      1,
    );
  });

  it('gives the main thread back during a long page, and reads the same article in slices', async () => {
    const paragraphs = Array.from({ length: 3000 }, (_, i) => (i % 100 === 0 ? 'North Korea famine.' : `Filler ${i}.`));
    const doc = articleDoc(paragraphs);
    const steps = createScanner().scan(doc);
    let pauses = 0;
    for (let r = steps.next(); !r.done; r = steps.next()) pauses++;
    expect(pauses).toBeGreaterThan(10);

    const sliced = await runInSlices(createScanner().scan(doc), 0);
    expect(sliced.article).toEqual(runToEnd(createScanner().scan(doc)).article);
    // Read up to the article-length cap (100,000 characters), not to the page's end.
    const famine = evidenceOf(sliced).terms.find((d) => d.term === 'famine');
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
    expect(scanner.root()).toBeNull();
    // A keep-alive router hides the old article and shows the new one beside it.
    doc.getElementById('story')?.setAttribute('hidden', '');
    doc.body.insertAdjacentHTML(
      'beforeend',
      `<article><h1>Cuba's harvest</h1>${para('Sugar cane, cut by hand.')}</article>`,
    );
    const next = runToEnd(scanner.scan(doc));
    expect(next.article?.paragraphs.join(' ') ?? '').not.toContain('famine');
    expect(evidenceOf(next).terms).toEqual([]);
  });
});
