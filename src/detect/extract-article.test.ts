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

  it('reads an article set as text between <br>s, as many Korean news sites do', () => {
    const doc = docOf(`<div class="wrap"><h1>장마당의 여성들</h1>
      <div id="textArea"><div class="photo"><p class="cap">사진 설명</p></div>
      북한 당국이 장마당 영업시간을 줄였지만 여성들이 생계를 떠맡는 구조는 바뀌지 않고 있다고 소식통이 전했다.<br><br>
      함경북도 소식통은 장마당에서 매대를 지키는 사람은 열에 아홉이 여성이라고 말했다. 남편들은 월급으로 쌀도 못 산다.<br><br>
      <div class="reply"><p>댓글입니다</p></div></div></div>`);
    const { paragraphs } = extractArticle(doc);
    expect(paragraphs.filter((p) => p.includes('장마당'))).toHaveLength(2);
    expect(paragraphs.join(' ')).not.toContain('댓글');
  });

  it('separates words that only a <br> separates inside a block', () => {
    const pad = '그들은 오랜 세월이 지난 지금도 그 시절을 또렷하게 기억하고 있다고 말했다.';
    const doc = docOf(`<article><h1>H</h1><p>평양에서<br>탈북자들은 꽃제비였다. ${pad}</p></article>`);
    expect(extractArticle(doc).paragraphs).toEqual([`평양에서 탈북자들은 꽃제비였다. ${pad}`]);
  });

  it("reads an outer block's own text as well as the block nested in it", () => {
    const doc = docOf(
      `<article><h1>H</h1>${para('Body.')}<blockquote>Defectors describe forced repatriation. <p>— a source</p></blockquote></article>`,
    );
    const { paragraphs } = extractArticle(doc);
    expect(paragraphs).toContain('Defectors describe forced repatriation.');
    expect(paragraphs).toContain('— a source');
  });

  it('keeps a run of loose text whole across inline markup, and leaves out loose link lists', () => {
    const doc = docOf(`<div id="story"><h1>H</h1>
      Many North Korean <b>defectors</b> faced forced <a href="/r">repatriation</a> after they were caught.<br><br>
      <div class="list"><a href="/1">North Korea famine warning</a><br><a href="/2">Defectors cross the Tumen</a></div></div>`);
    const { paragraphs } = extractArticle(doc);
    expect(paragraphs).toContain('Many North Korean defectors faced forced repatriation after they were caught.');
    expect(paragraphs.join(' ')).not.toMatch(/famine|Tumen/);
  });

  it('reads loose text inside a wrapper that holds the headline, whatever its class', () => {
    const doc = docOf(`<div class="wrap has-sidebar"><h1>H</h1>
      The text of this article is set between line breaks, as many sites do it.<br><br>
      Its second paragraph follows the same way, without any paragraph element.</div>`);
    expect(extractArticle(doc).paragraphs).toHaveLength(2);
  });

  it('reads an article body split between its container and a "read more" box inside it', () => {
    const doc = docOf(`<div class="story"><h1>H</h1><div class="body">${para('Lead.')}${para('Second.')}
      <div class="more"><div class="more-inner">${para('Three.')}${para('Four.')}${para('Five.')}${para('Six.')}
      ${para('Seven.')}${para('Eight.')}</div></div></div></div>`);
    expect(extractArticle(doc).paragraphs.map((p) => p.split(' ')[0])).toEqual([
      'Lead.',
      'Second.',
      'Three.',
      'Four.',
      'Five.',
      'Six.',
      'Seven.',
      'Eight.',
    ]);
  });

  it('leaves out text an inline style hides', () => {
    const doc =
      docOf(`<article><h1>H</h1>${para('Shown.')}<div style="display: none"><p>Hidden North Korea teaser</p></div>
      <div style="color: red; visibility:hidden">${para('Invisible defectors.')}</div></article>`);
    expect(extractArticle(doc).paragraphs).toEqual([expect.stringMatching(/^Shown\./)]);
  });

  it('reads the article on show, not one a single-page app keeps hidden by its style', () => {
    const doc =
      docOf(`<div style="display:none"><article><h1>Old</h1>${para('Old one.')}${para('Old two.')}${para('Old three.')}</article></div>
      <article><h1>New</h1>${para('New one.')}${para('New two.')}</article>`);
    const { title, paragraphs } = extractArticle(doc);
    expect(title).toBe('New');
    expect(paragraphs.map((p) => p.split(' ')[0])).toEqual(['New', 'New']);
  });

  it('reads an article set in <div>s without any paragraph, when the page marks it', () => {
    const doc = docOf(`<nav><a href="/">Home</a></nav><article><h1>H</h1>
      <div>Text set in a division rather than a paragraph, as some sites still do.</div>
      <div>And a second division of article text, without any paragraph element.</div></article>`);
    expect(extractArticle(doc).paragraphs).toHaveLength(2);
  });

  it('reads the body a page marks as its articleBody, and not a <meta> of that name', () => {
    const summary = '<meta itemprop="articleBody" content="A summary of the story in the head.">';
    const page = `
      <div class="column">${para('Other text about other stories, longer than the body it stands beside.')}</div>
      <div itemprop="articleBody">${para('Short body one.')}</div>`;
    // The marked body wins over the longer text beside it, which scoring alone would take.
    expect(extractArticle(docOf(page.replace(' itemprop="articleBody"', ''))).paragraphs[0]).toMatch(/^Other text/);
    expect(extractArticle(docOf(page, summary)).paragraphs[0]).toMatch(/^Short body one\./);
    // A <meta> says a summary, not where the body is (the Seattle Times): the paragraphs are read.
    const article = extractArticle(docOf(`<article>${para('Body one.')}${para('Body two.')}</article>`, summary));
    expect(article.paragraphs.map((p) => p.slice(0, 9))).toEqual(['Body one.', 'Body two.']);
  });

  it('reads every post of a live blog that marks each post as an articleBody', () => {
    const post = (text: string) =>
      `<div itemprop="liveBlogUpdate"><div itemprop="articleBody">${para(text)}</div><div class="share"><p>Share this post with your friends and family now</p></div></div>`;
    const doc = docOf(`
      <div class="rail">${para('Rail text about other stories.')}</div>
      <div class="live">${post('First post.')}${post('Second post.')}${post('Third post.')}</div>`);
    expect(extractArticle(doc).paragraphs.map((p) => p.split(' ').slice(0, 2).join(' '))).toEqual([
      'First post.',
      'Second post.',
      'Third post.',
    ]);
  });

  it("reads only the first articleBody where others are not a live blog's posts", () => {
    // A teaser of another story marked too, and the next article an endless page has added.
    const doc = docOf(`
      <article><h1>The story</h1><div itemprop="articleBody">${para('Main body.')}</div></article>
      <section class="more"><p itemprop="articleBody">A teaser of another story, marked as a body too.</p></section>
      <article><div itemprop="articleBody">${para('Next article.')}</div></article>`);
    const article = extractArticle(doc);
    expect(article.paragraphs.map((p) => p.slice(0, 10))).toEqual(['Main body.']);
    expect(article.title).toBe('The story');
  });

  it("leaves out a template's placeholders that the page never filled in", () => {
    const doc = docOf(`
      <article>
        <h1>{{headline}}</h1>
        ${para('Market women trade rice.')}
        <p>{{#rendered}} {{/rendered}}</p>
        <p>{{{raw.html}}}</p>
        ${para('Prices rose {{ price.change }} this spring, {the market said}.')}
      </article>`);
    const article = extractArticle(doc);
    expect(article.paragraphs).toHaveLength(2);
    expect(article.paragraphs[1]).toMatch(/^Prices rose this spring, \{the market said\}\./);
    // The headline was only a placeholder: the page's title stands in for it.
    expect(article.title).toBe('Site title');
  });

  it('uses the page title when the page has no headline, and returns no text for an empty page', () => {
    expect(extractArticle(docOf(''))).toEqual({ title: 'Site title', paragraphs: [] });
  });

  it('reads at most 100,000 characters and a headline of 1,000, however the page holds them', () => {
    const huge = 'word '.repeat(200_000);
    const article = extractArticle(docOf(`<article><h1>${huge}</h1><p>${huge}</p>${para('More.')}</article>`));
    expect(article.title.length).toBe(1_000);
    expect(article.paragraphs.join('').length).toBe(100_000);
    // Control: an article under the limits is read whole.
    const small = extractArticle(docOf(`<article><h1>Short</h1>${para('One.')}${para('Two.')}</article>`));
    expect(small.paragraphs).toHaveLength(2);
  });
});
