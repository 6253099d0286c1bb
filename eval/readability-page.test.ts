import { describe, expect, it } from 'vitest';
import { packGateTest } from '../src/lexicon/gate-pack';
import { unpackGateTest } from '../src/lexicon/gate-precheck';
import { loadBundleIndex } from '../src/search/corpus-index';
import { buildCorpusFromData } from '../src/search/read-data';
import { scanPage } from '../src/testing/read-in-node';
import { readabilityPage } from './readability-page';

const bundle = buildCorpusFromData();
const index = loadBundleIndex(bundle);
const gateTest = unpackGateTest(packGateTest(bundle.terms));

// A page written for this test (no third-party text): an article, and a sidebar of headlines.
const paragraph = (n: number) =>
  `<p>Paragraph ${n}: the famine years in North Korea left the children of the border towns begging for food in the markets of Hyesan, and many crossed the river into China to survive the winter.</p>`;
const page = `<!doctype html><html><head><title>Children of the famine | Test Gazette</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<main><h1>Children of the famine</h1><article>${[1, 2, 3, 4, 5, 6].map(paragraph).join('')}</article></main>
<aside><h2>Most read</h2><ul><li><a href="/a">Sunflower harvest breaks records in Kansas</a></li></ul></aside>
</body></html>`;

describe('readabilityPage: the article as Mozilla Readability extracts it', () => {
  it("keeps Readability's article and title, and drops what it leaves out", async () => {
    const html = await readabilityPage(page, 'https://news.example/famine');
    // Readability's title (here the page's own) is the headline; its article, the one article.
    expect(html).toContain('<h1>Children of the famine | Test Gazette</h1><article>');
    expect(html.match(/<h1>/g)).toHaveLength(1);
    expect(html).toContain('Paragraph 6');
    expect(html).not.toContain('Sunflower');
    expect(html).not.toContain('<nav>');
    // Scanned as the detector scans a page, it names North Korea and its words.
    const evidence = await scanPage(html, 'https://news.example/famine', gateTest, index.matcher);
    expect(evidence.terms.map((t) => t.term)).toContain('famine');
    expect(evidence.words.map(([w]) => w)).toContain('begging');
  });

  it('gives an empty page when Readability finds no article', async () => {
    // A page with nothing but a script: Readability returns no content.
    const bare = '<html><head><title>Loading</title></head><body><script>var a = 1;</script></body></html>';
    expect(await readabilityPage(bare, 'https://news.example/bare')).toBe('<!doctype html><html><body></body></html>');
    // Control: a page with an article is not empty.
    expect(await readabilityPage(page, 'https://news.example/famine')).toContain('Paragraph 1');
  });
});
