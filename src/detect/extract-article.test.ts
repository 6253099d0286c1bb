// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { extractArticle } from './extract-article';

// Synthetic page text written for these tests.
const para = (s: string) =>
  `<p>${s} ${'This sentence pads the paragraph so it reads like article prose. '.repeat(2)}</p>`;

function docOf(body: string, head = '<title>Site title</title>'): Document {
  return new DOMParser().parseFromString(
    `<!doctype html><html><head>${head}</head><body>${body}</body></html>`,
    'text/html',
  );
}

describe('extractArticle', () => {
  it('reads the article and leaves out nav, sidebars, comments, footers, forms and editable regions', () => {
    const doc = docOf(`
      <header><nav><a>North Korea</a><a>World</a></nav></header>
      <main>
        <article>
          <h1>Market day</h1>
          ${para('Body one about the farmers.')}
          ${para('Body two about the harvest.')}
          <div class="related-stories"><p>Related: North Korea famine warning</p></div>
          <div contenteditable="true"><p>Draft about defectors</p></div>
        </article>
        <aside><h2>Most read</h2><ul><li>Kim Jong Un inspects missiles</li></ul></aside>
        <section id="comments">${para('A comment about Pyongyang.')}</section>
      </main>
      <div class="cookie-banner"><p>We use cookies to improve the site for everyone who visits.</p></div>
      <form><input value="DPRK"><textarea>defector</textarea></form>
      <footer><p>Footer links about North Korea and more headlines for you</p></footer>`);
    const article = extractArticle(doc);
    expect(article.title).toBe('Market day');
    expect(article.paragraphs).toHaveLength(2);
    expect(article.paragraphs[0]).toMatch(/^Body one about the farmers\./);
    expect(article.paragraphs.join(' ')).not.toMatch(/North Korea|Pyongyang|defector|DPRK|Kim Jong Un|cookies/);
  });

  it('finds the article without semantic markup, by where the paragraphs cluster', () => {
    const doc = docOf(`
      <div class="top"><a>Home</a></div>
      <div class="wrap">
        <div class="col-main"><h1>Headline</h1>${para('One.')}${para('Two.')}${para('Three.')}</div>
        <div class="col-side"><p>Short teaser one</p><p>Short teaser two</p></div>
      </div>`);
    const article = extractArticle(doc);
    expect(article.title).toBe('Headline');
    expect(article.paragraphs.map((p) => p.slice(0, 4))).toEqual(['One.', 'Two.', 'Thre']);
  });

  it.each(['has-sidebar', 'ad-free', 'with-rail', 'share-enabled', 'topic-page'])(
    'reads the article inside a page wrapper whose class says "%s"',
    (wrapperClass) => {
      const doc = docOf(`<div class="${wrapperClass}"><h1>Headline</h1>${para('One.')}${para('Two.')}</div>`);
      expect(extractArticle(doc).paragraphs).toHaveLength(2);
    },
  );

  it('reads the article while a cookie dialog has made the page wrapper aria-hidden', () => {
    const doc = docOf(`<div id="page" aria-hidden="true"><article><h1>H</h1>${para('One.')}</article></div>
      <div role="dialog"><p>We use cookies, and so on, as every site says these days to everyone.</p></div>`);
    expect(extractArticle(doc).paragraphs).toEqual([expect.stringMatching(/^One\./)]);
  });

  it('leaves out a headline rail that carries no furniture class', () => {
    const doc = docOf(`<main><div><h1>Cup final</h1>${para('The match.')}${para('The goals.')}</div>
      <div><ul><li><a href="/a">North Korea famine warning as harvest fails</a></li>
      <li><a href="/b">Defectors cross the DMZ</a></li></ul></div></main>`);
    expect(extractArticle(doc).paragraphs.join(' ')).not.toMatch(/North Korea|Defectors/);
  });

  it('never reads an editable region, even one holding the headline', () => {
    const doc = docOf(`<div contenteditable="true"><h1>Draft</h1>${para('Draft about defectors.')}</div>`);
    expect(extractArticle(doc).paragraphs).toEqual([]);
  });

  it('uses the page title when the page has no headline, and returns no text for an empty page', () => {
    expect(extractArticle(docOf(''))).toEqual({ title: 'Site title', paragraphs: [] });
  });
});
