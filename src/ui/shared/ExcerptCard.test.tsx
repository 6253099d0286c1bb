// @vitest-environment happy-dom
import { type ComponentChild, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setUiLanguage } from '@/src/testing/fake-i18n';
import { syntheticCard } from '@/src/testing/synthetic-cards';
import { ExcerptCard } from './ExcerptCard';

let root: HTMLElement;

function show(ui: ComponentChild): HTMLElement {
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(ui, root));
  return root;
}

afterEach(() => {
  render(null, root);
  root.remove();
  setUiLanguage('en');
});

function article(): HTMLElement {
  const element = root.querySelector('article');
  if (!element) throw new Error('no card rendered');
  return element;
}

describe('ExcerptCard', () => {
  it('carries the story and passage ids and the text language on its root', () => {
    show(<ExcerptCard card={syntheticCard({ lang: 'ko' })} onOpen={() => {}} />);
    expect(article().dataset.storyId).toBe('synthetic-story');
    expect(article().dataset.passageId).toBe('synthetic-story-p3');
    expect(article().lang).toBe('ko');
  });

  it('wraps the marked ranges in <mark>', () => {
    show(<ExcerptCard card={syntheticCard()} onOpen={() => {}} />);
    expect([...article().querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual(['famine']);
    expect(article().querySelector('blockquote')?.textContent).toBe(syntheticCard().text);
  });

  it.each([
    ['firsthand', 'Firsthand account'],
    ['witness', 'Eyewitness'],
    ['report', 'Report'],
    ['commentary', 'Commentary'],
  ] as const)('labels %s provenance "%s"', (provenance, label) => {
    show(<ExcerptCard card={syntheticCard({ provenance })} onOpen={() => {}} />);
    expect(article().querySelector('.fh-provenance')?.textContent).toBe(label);
  });

  it('shows the content note before the excerpt text', () => {
    show(<ExcerptCard card={syntheticCard()} onOpen={() => {}} />);
    const text = article().textContent ?? '';
    expect(text).toContain('Content note: starvation, family separation');
    expect(text.indexOf('Content note')).toBeLessThan(text.indexOf('Synthetic excerpt'));
  });

  it('omits the content note when there is none', () => {
    show(<ExcerptCard card={syntheticCard({ contentNotes: [] })} onOpen={() => {}} />);
    expect(article().textContent).not.toContain('Content note');
  });

  it('explains why it was chosen, and says nothing when there is no reason', () => {
    show(<ExcerptCard card={syntheticCard()} onOpen={() => {}} />);
    expect(article().textContent).toContain('Why this: famine, markets');
    render(<ExcerptCard card={syntheticCard({ why: [] })} onOpen={() => {}} />, root);
    expect(article().textContent).not.toContain('Why this');
    // As the article says them, where the background found that they differ.
    render(<ExcerptCard card={syntheticCard({ whyShown: ['기근', 'markets'] })} onOpen={() => {}} />, root);
    expect(article().textContent).toContain('Why this: 기근, markets');
  });

  it('shows the story title, narrator, publisher, formatted date and attribution', () => {
    show(<ExcerptCard card={syntheticCard({ attribution: 'Synthetic Daily' })} onOpen={() => {}} headingLevel={2} />);
    expect(article().querySelector('h2')?.textContent).toBe('A Synthetic Story');
    expect(article().getAttribute('aria-labelledby')).toBe(article().querySelector('h2')?.id);
    expect(article().textContent).toContain('Test Narrator · Test Publisher · 3 Dec 2024');
    expect(article().querySelector('time')?.getAttribute('datetime')).toBe('2024-12-03');
    expect(article().textContent).toContain('— Synthetic Daily');
  });

  it('splits a multi-paragraph excerpt into paragraphs', () => {
    show(
      <ExcerptCard card={syntheticCard({ text: 'Synthetic one.\n\nSynthetic two.', marks: [] })} onOpen={() => {}} />,
    );
    expect([...article().querySelectorAll('blockquote p')].map((p) => p.textContent)).toEqual([
      'Synthetic one.',
      'Synthetic two.',
    ]);
  });

  it('opens the full story with its card', () => {
    const onOpen = vi.fn();
    const card = syntheticCard();
    show(<ExcerptCard card={card} onOpen={onOpen} />);
    const button = article().querySelector('button');
    expect(button?.textContent).toBe('Read the full story');
    act(() => button?.click());
    expect(onOpen).toHaveBeenCalledWith(card, expect.any(MouseEvent));
  });

  it('says which card "Read the full story" opens: its story and the excerpt’s first words', () => {
    // Two cards of one story: the same title, told apart by their excerpts.
    show(
      <>
        <ExcerptCard card={syntheticCard({ passageId: 'a' })} onOpen={() => {}} />
        <ExcerptCard
          card={syntheticCard({ passageId: 'b', text: 'Synthetic second excerpt, shorter.' })}
          onOpen={() => {}}
        />
      </>,
    );
    const descriptions = [...root.querySelectorAll('button')].map((button) =>
      (button.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => root.querySelector(`[id="${id}"]`)?.textContent ?? '')
        .join(' '),
    );
    const title = syntheticCard().storyTitle;
    expect(descriptions).toEqual([
      `${title} “Synthetic excerpt: during the famine the market was…”`,
      `${title} “Synthetic second excerpt, shorter.”`,
    ]);
    // Said, not shown twice: the excerpt itself is right there.
    expect(root.querySelectorAll('[hidden]')).toHaveLength(2);
  });

  it('is a real link with an address: a plain click opens, any other click is the browser’s', () => {
    const onOpen = vi.fn();
    const card = syntheticCard();
    const href = 'chrome-extension://test/reader.html?story=synthetic-story&passage=synthetic-story-p1';
    show(<ExcerptCard card={card} onOpen={onOpen} href={href} />);
    expect(article().querySelector('button')).toBeNull();
    const link = article().querySelector<HTMLAnchorElement>('a.fh-card__open');
    expect(link?.textContent).toBe('Read the full story');
    expect(link?.getAttribute('href')).toBe(href);
    const click = (init: MouseEventInit) => {
      const event = new MouseEvent('click', { bubbles: true, cancelable: true, ...init });
      act(() => {
        link?.dispatchEvent(event);
      });
      return event.defaultPrevented;
    };
    // Middle-click fires auxclick, never click; ctrl-, shift- and meta-clicks do fire click.
    expect([
      click({ button: 0, ctrlKey: true }),
      click({ button: 0, shiftKey: true }),
      click({ button: 0, metaKey: true }),
    ]).toEqual([false, false, false]);
    expect(onOpen).not.toHaveBeenCalled();
    expect(click({ button: 0 })).toBe(true);
    expect(onOpen).toHaveBeenCalledExactlyOnceWith(card, expect.any(MouseEvent));
  });

  it('clamps in compact mode only', () => {
    show(<ExcerptCard card={syntheticCard()} onOpen={() => {}} />);
    expect(article().classList.contains('fh-card--compact')).toBe(true);
    render(<ExcerptCard card={syntheticCard()} onOpen={() => {}} compact={false} />, root);
    expect(article().classList.contains('fh-card--compact')).toBe(false);
  });

  it('labels an English testimony in Korean for a Korean UI, and says which is which', () => {
    setUiLanguage('ko');
    show(<ExcerptCard card={syntheticCard({ provenance: 'witness' })} onOpen={() => {}} />);
    expect(article().lang).toBe('en');
    const provenance = article().querySelector('.fh-provenance');
    expect(provenance?.textContent).toBe('목격자 증언');
    expect(provenance?.getAttribute('lang')).toBe('ko');
    expect(article().querySelector('.fh-card__note')?.textContent).toBe('내용 주의: 굶주림, 가족과의 이별');
    expect(article().querySelector('.fh-card__note span')).toBeNull();
    // "Why this" lists the lexicon's terms, which are English: each says so.
    const why = article().querySelector('.fh-card__why');
    expect(why?.textContent).toBe('관련 이유: famine, markets');
    expect(
      [...(why?.querySelectorAll('span[lang]') ?? [])].map((span) => [span.textContent, span.getAttribute('lang')]),
    ).toEqual([
      ['famine', 'en'],
      ['markets', 'en'],
    ]);
    expect(article().querySelector('time')?.textContent).toBe('2024년 12월 3일');
    expect(article().querySelector('time')?.getAttribute('lang')).toBe('ko');
    const button = article().querySelector('button');
    expect(button?.textContent).toBe('전문 읽기');
    expect(button?.getAttribute('lang')).toBe('ko');
    // The testimony itself is in the story's language: no lang of its own, it inherits 'en'.
    expect(article().querySelector('blockquote')?.hasAttribute('lang')).toBe(false);
  });

  it('shows a content note it cannot translate in the story’s language, marked so', () => {
    setUiLanguage('ko');
    show(
      <ExcerptCard
        card={syntheticCard({ contentNotes: ['starvation', 'synthetic unknown note'] })}
        onOpen={() => {}}
      />,
    );
    const note = article().querySelector('.fh-card__note');
    expect(note?.textContent).toBe('내용 주의: 굶주림, synthetic unknown note');
    expect(note?.getAttribute('lang')).toBe('ko');
    expect(
      [...(note?.querySelectorAll('[lang]') ?? [])].map((el) => [el.textContent, el.getAttribute('lang')]),
    ).toEqual([['synthetic unknown note', 'en']]);
  });

  it('marks nothing in an English UI where every word is English', () => {
    show(
      <ExcerptCard
        card={syntheticCard({ contentNotes: ['starvation', 'synthetic unknown note'] })}
        onOpen={() => {}}
      />,
    );
    expect(article().querySelector('.fh-card__note')?.textContent).toBe(
      'Content note: starvation, synthetic unknown note',
    );
    expect(article().querySelectorAll('.fh-card__note [lang], .fh-card__why [lang]')).toHaveLength(0);
  });

  it('marks its labels with the UI language, whatever the story’s', () => {
    show(<ExcerptCard card={syntheticCard({ lang: 'ko' })} onOpen={() => {}} />);
    expect(article().querySelector('.fh-provenance')?.getAttribute('lang')).toBe('en-US');
    render(<ExcerptCard card={syntheticCard({ lang: 'en' })} onOpen={() => {}} />, root);
    expect(article().lang).toBe('en');
    expect(article().querySelector('.fh-provenance')?.getAttribute('lang')).toBe('en-US');
    expect(article().querySelector('.fh-card__open')?.getAttribute('lang')).toBe('en-US');
  });
});
