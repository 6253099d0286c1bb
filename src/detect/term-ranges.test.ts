// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { compileLexicon, findTerms, type Term } from '@/src/lexicon/lexicon';
import type { TermSaid } from '@/src/messaging/protocol';
import { articleEvidence } from './assess-page';
import { extractArticle } from './extract-article';
import { findTermRanges } from './term-ranges';

const t = (term: string, aliases: string[]): Term => ({
  term,
  kind: 'topic',
  weight: 2,
  gate: false,
  context: false,
  aliases,
});
const matcher = compileLexicon([
  t('North Korea', ['North Korea']),
  t('famine', ['famine']),
  t('Pyongyang', ['Pyongyang', '평양']),
  t('market', ['market']),
]);

/**
 * How the background reads the terms in these blocks' text (src/detect/assess-page.ts):
 * each block's text, white space collapsed, matched by the lexicon.
 */
function saidIn(root: Element): TermSaid[] {
  const said = new Map<string, string>();
  for (const block of root.querySelectorAll('p, h2, li, div, aside, figcaption, textarea, script, style')) {
    const text = (block.textContent ?? '').replace(/\s+/g, ' ').trim();
    for (const hit of findTerms(text, matcher))
      said.set(text.slice(hit.start, hit.end), matcher.terms[hit.term]?.term ?? '');
  }
  return [...said];
}

// Synthetic markup written for these tests.
function ranges(html: string, terms = ['North Korea', 'famine', 'Pyongyang'], said?: TermSaid[]) {
  document.body.innerHTML = `<article>${html}</article>`;
  const root = document.querySelector('article') as Element;
  return findTermRanges(root, said ?? saidIn(root), new Set(terms)).map(({ term, range }) => [term, range.toString()]);
}

describe('findTermRanges', () => {
  it('finds the terms asked for, across inline markup, as ranges over the text', () => {
    expect(ranges('<p>The famine in North <em>Korea</em> reached Pyongyang.</p><p>A market.</p>')).toEqual([
      ['famine', 'famine'],
      ['North Korea', 'North Korea'],
      ['Pyongyang', 'Pyongyang'],
    ]);
  });

  it('finds words said with other white space in the page (a line break, several spaces)', () => {
    expect(ranges('<p>The famine in North\n    <em>Korea</em>.</p>')).toEqual([
      ['famine', 'famine'],
      ['North Korea', 'North\n    Korea'],
    ]);
  });

  it('finds words whole: never inside a longer word', () => {
    const said: TermSaid[] = [['famine', 'famine']];
    expect(
      ranges('<p>Famines, a famine-struck town, the famines of 1996 and one famine.</p>', ['famine'], said),
    ).toEqual([
      ['famine', 'famine'],
      ['famine', 'famine'],
    ]);
    // ...nor inside a word of other letters, or beside a Hangul particle the background did not read with it.
    const korea: TermSaid[] = [
      ['Korea', 'Korea'],
      ['평양', 'Pyongyang'],
    ];
    expect(
      ranges('<p>Koreaé, éKorea, 평양에서, 2Korea, 𝐀Korea, Korea𝐀, Korea, (평양).</p>', ['Korea', 'Pyongyang'], korea),
    ).toEqual([
      ['Korea', 'Korea'],
      ['Pyongyang', '평양'],
    ]);
  });

  it('finds words said with a no-break space, and words with marks of punctuation in them', () => {
    const said: TermSaid[] = [
      ['North Korea', 'North Korea'],
      ["Workers' Party (WPK)", 'WPK'],
    ];
    expect(ranges("<p>North\u00a0Korea and the Workers' Party (WPK).</p>", ['North Korea', 'WPK'], said)).toEqual([
      ['North Korea', 'North\u00a0Korea'],
      ['WPK', "Workers' Party (WPK)"],
    ]);
  });

  it('takes the longer of two that start together, and never overlaps two', () => {
    const said: TermSaid[] = [
      ['North', 'north'],
      ['North Korea', 'North Korea'],
      ['Korea', 'Korea'],
    ];
    expect(ranges('<p>North Korea, then Korea, then North.</p>', ['north', 'North Korea', 'Korea'], said)).toEqual([
      ['North Korea', 'North Korea'],
      ['Korea', 'Korea'],
      ['north', 'North'],
    ]);
  });

  it('marks only the terms asked for, and a longer term keeps its words even when it is not asked for', () => {
    const said: TermSaid[] = [
      ['North Korean nuclear test', 'North Korean nuclear program'],
      ['North Korean', 'North Korea'],
    ];
    expect(ranges('<p>The North Korean nuclear test shook North Korean towns.</p>', ['North Korea'], said)).toEqual([
      ['North Korea', 'North Korean'],
    ]);
    // Control: asked for, the longer term is marked there.
    expect(
      ranges(
        '<p>The North Korean nuclear test shook North Korean towns.</p>',
        ['North Korea', 'North Korean nuclear program'],
        said,
      ),
    ).toEqual([
      ['North Korean nuclear program', 'North Korean nuclear test'],
      ['North Korea', 'North Korean'],
    ]);
  });

  it('never joins the words of two blocks', () => {
    expect(ranges('<h2>North</h2><p>Korea is a word here.</p><h2>Famine</h2><p>x</p>')).toEqual([['famine', 'Famine']]);
    // Control: said as one run of words, they would be found in one block.
    expect(ranges('<h2>North Korea</h2>')).toEqual([['North Korea', 'North Korea']]);
  });

  it('finds Hangul with its particles, as the background read it', () => {
    expect(ranges('<p>평양에서 온 편지</p>')).toEqual([['Pyongyang', '평양에서']]);
  });

  it('skips scripts, styles, form fields and editable regions', () => {
    expect(
      ranges(
        '<script>var famine</script><style>.famine{}</style><textarea>famine</textarea>' +
          '<div contenteditable="true">famine</div><p>famine</p>',
      ),
    ).toEqual([['famine', 'famine']]);
  });

  it('skips asides, captions and hidden text inside the article, as the article reader does', () => {
    expect(
      ranges(
        '<p>famine</p><aside>famine</aside><figure><figcaption>famine</figcaption></figure>' +
          '<div hidden>famine</div><div aria-hidden="true">famine</div><div role="textbox">famine</div>',
      ),
    ).toEqual([['famine', 'famine']]);
  });

  it('marks nothing when nothing is to be marked', () => {
    expect(ranges('<p>The famine in North Korea.</p>', ['famine'], [])).toEqual([]);
    expect(ranges('<p>The famine in North Korea.</p>', [])).toEqual([]);
  });

  it('changes nothing in the page', () => {
    const html = '<p>The famine in North <em>Korea</em>.</p>';
    ranges(html);
    expect(document.querySelector('article')?.innerHTML).toBe(html);
  });
});

describe('marks, from the page to the background and back', () => {
  const gated = compileLexicon([
    { ...t('North Korea', ['North Korea', 'North Korean']), gate: true },
    t('famine', ['famine']),
  ]);

  it('marks what the background read in the extracted article, headline included, in its own case', () => {
    // Synthetic article written for this test.
    document.body.innerHTML =
      '<main><article><h1>NORTH KOREA: the Famine years</h1>' +
      '<p>The famine in North Korea left many children alone, and the North Korean state did not count them.</p>' +
      '<p>Years later, the famine is still spoken of in whispers in North Korea and beyond its borders.</p></article></main>';
    const article = extractArticle(document);
    const { said } = articleEvidence(article, gated);
    const root = document.querySelector('article') as Element;
    const marked = findTermRanges(root, said, new Set(['North Korea', 'famine'])).map(({ range }) => range.toString());
    expect(marked).toEqual(['NORTH KOREA', 'Famine', 'famine', 'North Korea', 'North Korean', 'famine', 'North Korea']);
  });
});
