// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { extractArticle } from './extract-article';
import { pageGateText } from './gate-text';

// Synthetic page text written for these tests.
const docOf = (body: string) =>
  new DOMParser().parseFromString(
    `<!doctype html><html><head><title>Title</title><meta property="og:title" content="Og"></head><body>${body}</body></html>`,
    'text/html',
  );
/** A script of JSON, the way news sites carry their page data, naming Pyongyang in a config. */
const json = (size: number) =>
  `<script type="application/json">{"nav":["Pyongyang"],"pad":"${'x'.repeat(size)}"}</script>`;

describe("the gate pre-test's text", () => {
  it('leaves out the code of scripts and style sheets where it is most of the page, and nothing else', () => {
    const doc = docOf(`<p>One <b>two</b></p>${json(2000)}<style>.a{}</style><div>three <span>four</span></div>`);
    expect(pageGateText(doc)).toBe('Title Og One twothree four');
  });

  it('reads the whole textContent where code is a small part of it (a superset: the quicker read)', () => {
    const prose = 'A paragraph of prose, long enough to outweigh the script below it. '.repeat(4);
    const doc = docOf(`<p>${prose}</p>${json(10)}`);
    expect(pageGateText(doc)).toBe(`Title Og ${doc.body.textContent}`);
    expect(pageGateText(doc)).toContain('Pyongyang');
  });

  it('is a superset of what the article reader reads: it reads no script in a paragraph either', () => {
    const prose = (s: string) =>
      `${s} ${'This sentence pads the paragraph so it reads like article prose. '.repeat(2)}`;
    const doc = docOf(
      `<article><h1>Harvest<script>var h = "Korea";</script></h1><p>${prose('Farmers in the valley.')}<script>var ad = "North Korea";</script></p><p>${prose('Rain came late.')}<br>${prose('Then it stopped.')}<script>var b = "Pyongyang";</script></p><div>${prose('Loose text')}<span>${prose('in a span')}<script>var c = "Kaesong";</script></span></div></article>${json(5000)}`,
    );
    const gate = pageGateText(doc);
    const { title, paragraphs } = extractArticle(doc);
    expect(paragraphs.length).toBeGreaterThan(2);
    for (const text of [title, ...paragraphs]) {
      for (const word of text.split(/\s+/).filter(Boolean)) expect(gate, word).toContain(word);
      expect(text).not.toMatch(/Korea|Pyongyang|Kaesong|var /);
    }
  });
});
