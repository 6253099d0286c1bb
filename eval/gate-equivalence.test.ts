import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { detectPage } from '../src/detect/detect-page';
import { runToEnd } from '../src/detect/extract-article';
import { packGateTest } from '../src/lexicon/gate-pack';
import { type GateTest, mayMentionGate, unpackGateTest } from '../src/lexicon/gate-precheck';
import { compileLexicon } from '../src/lexicon/lexicon';
import { buildCorpusFromData } from '../src/search/read-data';
import { hostilePages } from '../src/testing/hostile-pages';
import { EVAL_DIR, evalPages } from '../src/testing/labelled-pages';

const here = dirname(fileURLToPath(import.meta.url));
const { terms } = buildCorpusFromData();
const matcher = compileLexicon(terms);
const gate = unpackGateTest(packGateTest(terms));
/** A gate test that lets every page through: the scan as it would be without one. */
const passAll: GateTest = unpackGateTest({ first: '(?:)', phrases: {} });

function detect(html: string, url: string, test: GateTest) {
  const window = new Window({ url });
  window.document.write(html);
  const scan = detectPage(window.document as unknown as Document, test, matcher);
  window.close();
  return scan.detected;
}

// Synthetic pages written for this test (the two cases the page text and the reader differ on).
const edgePages = [
  {
    name: 'a headline only in og:title',
    html: '<html><head><title>Home</title><meta property="og:title" content="Life in Pyongyang today"></head><body><div><p>The markets are busy and the prices keep changing every week, traders said on Monday.</p></div></body></html>',
  },
  {
    name: 'a phrase split by <br>',
    html: '<html><head><title>Report</title></head><body><article><p>According to Daily<br>NK, the markets in the border towns changed again.</p><p>Daily<br>NK reported more arrests.</p></article></body></html>',
  },
];

describe('the gate pre-test changes no page’s verdict', () => {
  const pages = [
    ...evalPages.map((p) => ({ name: p.file, url: p.url, html: readFileSync(join(EVAL_DIR, p.file), 'utf8') })),
    ...hostilePages.map((p) => ({
      name: p.file,
      url: p.url,
      html: readFileSync(join(here, '../e2e/fixtures', p.file), 'utf8'),
    })),
    ...edgePages.map((p) => ({ ...p, url: 'https://news.example.com/a' })),
  ];

  it.each(pages.map((p) => [p.name, p] as const))('%s', (_name, page) => {
    expect(detect(page.html, page.url, gate)).toEqual(detect(page.html, page.url, passAll));
  });

  it('lets pages that are not about North Korea skip the scan (it is not a pass-all)', () => {
    const negatives = evalPages.filter((p) => p.category === 'negative');
    const skipped = negatives.filter((p) => {
      const window = new Window({ url: p.url });
      window.document.write(readFileSync(join(here, p.file), 'utf8'));
      const text = `${window.document.title} ${window.document.body?.textContent ?? ''}`;
      window.close();
      return !runToEnd(mayMentionGate(text, gate));
    });
    console.log(`gate pre-test: ${skipped.length} of ${negatives.length} clear negatives skip the scan`);
    expect(skipped.length).toBeGreaterThan(0);
  });
});
