// @vitest-environment happy-dom
import { type ComponentChild, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import type { ExcerptCard, StoryView } from '@/src/messaging/protocol';
import { setUiLanguage } from '@/src/testing/fake-i18n';
import { syntheticCard, syntheticStory } from '@/src/testing/synthetic-cards';
import { Reader, ReaderPage, type ReaderProps } from './Reader';
import { createReaderState, type ReaderDeps } from './reader-state';
import type { ShownStories } from './shown-stories';

let root: HTMLElement;
let scrollIntoView: MockInstance<Element['scrollIntoView']>;

beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
  scrollIntoView = vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(() => {});
});

afterEach(() => {
  render(null, root);
  root.remove();
});

/** Renders, then lets the story load: the effect asks, the answers come a few microtasks later. */
async function showPage(page: ComponentChild) {
  act(() => render(page, root));
  await settle();
}

/** Lets pending answers (story, memory, related excerpts) arrive and render. */
async function settle() {
  await act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
}

/** A story the reader already chose to see (its text is not behind its content note). */
function show(story: StoryView, passageId?: string, props: Partial<ReaderProps> = {}) {
  act(() => render(<Reader story={story} passageId={passageId} shownBefore {...props} />, root));
}

const passage = (id: string) => root.querySelector<HTMLElement>(`[data-passage-id="${id}"]`);
const highlighted = () =>
  [...root.querySelectorAll<HTMLElement>('[aria-current="true"]')].map((el) => el.dataset.passageId);
const button = (name: string) => [...root.querySelectorAll('button')].find((b) => b.textContent === name) ?? null;
const buttonNamed = (name: RegExp) => [...root.querySelectorAll('button')].find((b) => name.test(b.textContent ?? ''));
const click = async (element: Element | null | undefined) => {
  if (!element) throw new Error('nothing to click');
  await act(async () => (element as HTMLElement).click());
};
const press = (target: Element | Document, key: string, init: KeyboardEventInit = {}) =>
  act(() => void target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init })));

/**
 * The page as its bootstrap makes it: a store for the address, read by ReaderPage. A new
 * store each time the test renders it, as a new page load would make.
 */
function PageFor(deps: ReaderDeps) {
  return <ReaderPage state={createReaderState(deps)} />;
}

/** The stories the reader chose to see, kept in memory for the test. */
function memoryShownStories(stories: string[] = []): ShownStories & { stories: string[] } {
  return {
    stories,
    has: async (storyId) => stories.includes(storyId),
    add: async (storyId) => void stories.push(storyId),
  };
}

const otherCard = (passageId: string, overrides: Partial<ExcerptCard> = {}) =>
  syntheticCard({
    storyId: 'other-synthetic-story',
    passageId,
    storyTitle: 'Another Synthetic Story',
    text: `Synthetic related excerpt ${passageId}.`,
    marks: [],
    ...overrides,
  });

describe('Reader', () => {
  it('copies a citation of the excerpt, and says so', async () => {
    const story = syntheticStory();
    const passageId = story.blocks.find((b) => b.passageId)?.passageId as string;
    const copied: string[] = [];
    show(story, passageId, { copy: async (text) => void copied.push(text) });
    const button = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Copy citation of this excerpt');
    await act(async () => button?.click());
    expect(copied).toHaveLength(1);
    expect(copied[0]).toContain(`, “${story.title}”, ${story.publisher},`);
    expect(copied[0]).toContain('#:~:text=');
    expect(root.querySelector('.fh-reader__status')?.textContent).toBe('Citation copied.');
  });

  it('says so when the clipboard refuses', async () => {
    show(syntheticStory(), undefined, { copy: () => Promise.reject(new Error('denied')) });
    const button = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Copy citation');
    await act(async () => button?.click());
    expect(root.querySelector('.fh-reader__status')?.textContent).toMatch(/Could not copy/);
  });

  it('shows the story metadata, with the content note before the text', () => {
    show(syntheticStory({ urlNote: 'Synthetic note about the address.' }));
    expect(root.querySelector('h1')?.textContent).toBe('A Synthetic Story');
    const text = root.textContent ?? '';
    expect(text).toContain('Test Narrator · Test Publisher · 3 Dec 2024');
    expect(text).toContain('Topics: famine, markets');
    expect(text).toContain('Synthetic note about the address.');
    expect(text.indexOf('Content note: starvation')).toBeLessThan(text.indexOf('Synthetic first paragraph'));
  });

  it('renders every block in order, by kind', () => {
    show(syntheticStory());
    const story = root.querySelector('article');
    expect(story?.querySelector('h2')?.textContent).toBe('Synthetic heading');
    expect(story?.querySelector('.fh-reader__caption')?.textContent).toContain('Synthetic photo caption');
    expect(story?.querySelector('[role="note"]')?.textContent).toBe('Synthetic editor note.');
    expect(story?.textContent).toMatch(
      /Synthetic heading.*first paragraph.*second paragraph.*photo caption.*passage two.*reported paragraph.*Synthetic Daily.*editor note/,
    );
  });

  it('wraps the blocks of one passage together, with the story and passage ids', () => {
    show(syntheticStory());
    const first = passage('synthetic-story-p1');
    expect(first?.dataset.storyId).toBe('synthetic-story');
    expect(first?.querySelectorAll('p:not(.fh-provenance)')).toHaveLength(2);
    expect(root.querySelectorAll('[data-passage-id]')).toHaveLength(3);
  });

  it('labels a passage where the speaker changes', () => {
    show(syntheticStory());
    expect([...root.querySelectorAll('article .fh-provenance')].map((label) => label.textContent)).toEqual([
      'Firsthand account',
      'Report',
    ]);
  });

  it('highlights the passage it was opened for and scrolls it into view', () => {
    show(syntheticStory(), 'synthetic-story-p2');
    const target = passage('synthetic-story-p2');
    expect(target?.getAttribute('aria-current')).toBe('true');
    expect(root.querySelectorAll('[aria-current]')).toHaveLength(1);
    expect(scrollIntoView).toHaveBeenCalledWith({ block: 'center' });
    expect(scrollIntoView.mock.contexts[0]).toBe(target);
    expect(document.activeElement).toBe(target);
  });

  it('links to the original with a text fragment for that passage', () => {
    show(syntheticStory(), 'synthetic-story-p2');
    const link = root.querySelector('a');
    expect(link?.textContent).toBe('Read at Test Publisher');
    expect(link?.getAttribute('href')).toBe(
      'https://publisher.example/stories/synthetic#:~:text=Synthetic%20passage%20two%20talks%20about%20the,long%20winter%20that%20followed',
    );
    expect(link?.getAttribute('rel')).toBe('noreferrer');
  });

  it('says so when the link names an excerpt the story does not have, and opens at its start', () => {
    show(syntheticStory(), 'synthetic-story-p9');
    expect(root.querySelector('.fh-reader__lost')?.textContent).toBe(
      'The excerpt this link points to is not in this version of the story. The whole story is below.',
    );
    expect(root.querySelector('[aria-current]')).toBeNull();
    expect(scrollIntoView).not.toHaveBeenCalled();
    // The controls: a link to an excerpt it has, and one to no excerpt, say nothing of it.
    act(() => render(null, root));
    show(syntheticStory(), 'synthetic-story-p2');
    expect(root.querySelector('[aria-current]')).not.toBeNull();
    expect(root.querySelector('.fh-reader__lost')).toBeNull();
    act(() => render(null, root));
    show(syntheticStory());
    expect(root.querySelector('.fh-reader__lost')).toBeNull();
  });

  it('links to the original as it is when opened without a passage', () => {
    show(syntheticStory());
    expect(root.querySelector('a')?.getAttribute('href')).toBe('https://publisher.example/stories/synthetic');
    expect(root.querySelector('[aria-current]')).toBeNull();
    expect(scrollIntoView).not.toHaveBeenCalled();
  });

  it("sets the page's language and title from the story", () => {
    show(syntheticStory({ lang: 'ko' }));
    expect(document.documentElement.lang).toBe('ko');
    expect(document.title).toBe('A Synthetic Story — Firsthand');
  });
});

describe('the content note', () => {
  it('keeps the text out of the page until the reader chooses to see it, but shows the metadata', () => {
    act(() => render(<Reader story={syntheticStory()} passageId="synthetic-story-p2" />, root));
    expect(root.querySelector('h1')?.textContent).toBe('A Synthetic Story');
    expect(root.textContent).toContain('Test Narrator · Test Publisher · 3 Dec 2024');
    expect(root.querySelector('a')?.getAttribute('href')).toContain('#:~:text=');
    expect(root.textContent).toContain('This story mentions starvation.');
    expect(root.querySelector('article')).toBeNull();
    expect(root.querySelector('[data-passage-id]')).toBeNull();
    expect(root.textContent).not.toContain('Synthetic passage two');
    expect(scrollIntoView).not.toHaveBeenCalled();
  });

  it('shows the text in one click, with the highlighted passage focused and in view, and remembers it', async () => {
    const onShow = vi.fn();
    act(() => render(<Reader story={syntheticStory()} passageId="synthetic-story-p2" onShow={onShow} />, root));
    await click(button('Show the story'));
    const target = passage('synthetic-story-p2');
    expect(root.textContent).toContain('Synthetic passage two');
    expect(target?.getAttribute('aria-current')).toBe('true');
    expect(document.activeElement).toBe(target);
    expect(scrollIntoView.mock.contexts.at(-1)).toBe(target);
    expect(onShow).toHaveBeenCalledTimes(1);
    expect(button('Show the story')).toBeNull();
  });

  it('moves focus to the story when it was opened at no passage', async () => {
    act(() => render(<Reader story={syntheticStory()} />, root));
    await click(button('Show the story'));
    expect(document.activeElement).toBe(root.querySelector('article'));
  });

  it('says everything the story mentions, in one sentence', () => {
    act(() =>
      render(
        <Reader story={syntheticStory({ contentNotes: ['starvation', 'family separation', 'imprisonment'] })} />,
        root,
      ),
    );
    expect(root.textContent).toContain('This story mentions starvation, family separation and imprisonment.');
  });

  it('shows a story without content notes at once', () => {
    act(() => render(<Reader story={syntheticStory({ contentNotes: [] })} passageId="synthetic-story-p2" />, root));
    expect(button('Show the story')).toBeNull();
    expect(document.activeElement).toBe(passage('synthetic-story-p2'));
  });

  it('shows at once a story the reader chose to see before', () => {
    show(syntheticStory(), 'synthetic-story-p2');
    expect(button('Show the story')).toBeNull();
    expect(passage('synthetic-story-p2')?.getAttribute('aria-current')).toBe('true');
  });
});

describe('previous and next excerpt', () => {
  it('moves the highlight to the next and previous excerpt, in view and focused, and the address follows', async () => {
    const replaceAddress = vi.fn();
    show(syntheticStory(), 'synthetic-story-p2', { replaceAddress });
    expect(root.querySelector('nav')?.textContent).toContain('Excerpt 2 of 3');

    await click(buttonNamed(/Next excerpt/));
    expect(highlighted()).toEqual(['synthetic-story-p3']);
    expect(document.activeElement).toBe(passage('synthetic-story-p3'));
    expect(scrollIntoView.mock.contexts.at(-1)).toBe(passage('synthetic-story-p3'));
    expect(replaceAddress).toHaveBeenLastCalledWith('/reader.html?story=synthetic-story&passage=synthetic-story-p3');
    expect(root.querySelector('nav')?.textContent).toContain('Excerpt 3 of 3');

    await click(buttonNamed(/Previous excerpt/));
    await click(buttonNamed(/Previous excerpt/));
    expect(highlighted()).toEqual(['synthetic-story-p1']);
    expect(document.activeElement).toBe(passage('synthetic-story-p1'));
    expect(replaceAddress).toHaveBeenLastCalledWith('/reader.html?story=synthetic-story&passage=synthetic-story-p1');
  });

  it('cites and links the excerpt it moved to', async () => {
    const copied: string[] = [];
    show(syntheticStory(), 'synthetic-story-p1', {
      copy: async (text) => void copied.push(text),
      replaceAddress: () => {},
    });
    await click(buttonNamed(/Next excerpt/));
    await click(button('Copy citation of this excerpt'));
    expect(copied[0]).toMatch(/^“Synthetic passage two talks about the famine/);
    expect(root.querySelector('a')?.getAttribute('href')).toContain('#:~:text=Synthetic%20passage%20two');
  });

  it('cannot go before the first excerpt nor after the last', async () => {
    const replaceAddress = vi.fn();
    show(syntheticStory(), 'synthetic-story-p1', { replaceAddress });
    expect(buttonNamed(/Previous excerpt/)?.disabled).toBe(true);
    expect(buttonNamed(/Next excerpt/)?.disabled).toBe(false);
    await click(buttonNamed(/Next excerpt/));
    await click(buttonNamed(/Next excerpt/));
    expect(highlighted()).toEqual(['synthetic-story-p3']);
    expect(buttonNamed(/Next excerpt/)?.disabled).toBe(true);
    expect(buttonNamed(/Previous excerpt/)?.disabled).toBe(false);
    expect(replaceAddress).toHaveBeenCalledTimes(2);
  });

  it('starts at the first excerpt when the story was opened at none', async () => {
    show(syntheticStory(), undefined, { replaceAddress: () => {} });
    expect(buttonNamed(/Previous excerpt/)?.disabled).toBe(true);
    await click(buttonNamed(/Next excerpt/));
    expect(highlighted()).toEqual(['synthetic-story-p1']);
  });

  it('treats a passage the story does not have as none', () => {
    show(syntheticStory(), 'synthetic-story-p99');
    expect(highlighted()).toEqual([]);
    expect(root.querySelector('nav')?.textContent).toContain('3 excerpts');
  });

  it('moves the focus with the highlight at once, so a quick next key is not lost', async () => {
    show(syntheticStory(), 'synthetic-story-p1', { replaceAddress: () => {} });
    passage('synthetic-story-p1')?.focus();
    // No act(): the render runs as it does in the browser (a microtask), and no more.
    passage('synthetic-story-p1')?.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'j', bubbles: true, cancelable: true }),
    );
    await Promise.resolve();
    await Promise.resolve();
    expect(highlighted()).toEqual(['synthetic-story-p2']);
    // Focus is already there: the next key reaches the story (a frame later it reached the body).
    expect(document.activeElement).toBe(passage('synthetic-story-p2'));
  });

  it('moves with j / n and k / p from within the story, but not from elsewhere or with a modifier', () => {
    show(syntheticStory(), 'synthetic-story-p1', { replaceAddress: () => {} });
    press(passage('synthetic-story-p1') as HTMLElement, 'j');
    expect(highlighted()).toEqual(['synthetic-story-p2']);
    press(passage('synthetic-story-p2') as HTMLElement, 'n');
    expect(highlighted()).toEqual(['synthetic-story-p3']);
    press(passage('synthetic-story-p3') as HTMLElement, 'k');
    press(passage('synthetic-story-p2') as HTMLElement, 'p');
    expect(highlighted()).toEqual(['synthetic-story-p1']);
    press(passage('synthetic-story-p1') as HTMLElement, 'j', { ctrlKey: true });
    press(document, 'j');
    press(button('Copy citation of this excerpt') as HTMLElement, 'j');
    expect(highlighted()).toEqual(['synthetic-story-p1']);
  });

  it('is not there while the text is hidden', () => {
    act(() => render(<Reader story={syntheticStory()} passageId="synthetic-story-p2" />, root));
    expect(buttonNamed(/Next excerpt/)).toBeUndefined();
  });
});

describe('from other stories', () => {
  it('shows excerpt cards of other stories related to the highlighted passage, and opens one', async () => {
    const getRelated = vi.fn(async () => [
      otherCard('other-synthetic-story-p4'),
      otherCard('other-synthetic-story-p7'),
    ]);
    const openStory = vi.fn();
    show(syntheticStory(), 'synthetic-story-p2', { getRelated, openStory });
    await settle();
    expect(getRelated).toHaveBeenCalledWith('synthetic-story', 'synthetic-story-p2');
    const section = root.querySelector('section[aria-labelledby]:not([aria-current])');
    expect(section?.querySelector('h2')?.textContent).toBe('From other stories');
    const cards = [...(section?.querySelectorAll<HTMLElement>('[data-passage-id]') ?? [])];
    expect(cards.map((card) => [card.dataset.storyId, card.dataset.passageId])).toEqual([
      ['other-synthetic-story', 'other-synthetic-story-p4'],
      ['other-synthetic-story', 'other-synthetic-story-p7'],
    ]);
    // The cards come after the story.
    const article = root.querySelector('article.fh-reader__story') as Element;
    expect(article.compareDocumentPosition(section as Element) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    // Each card's way in is a link to the reader's address for it (middle-click, copy link)...
    const link = cards[1]?.querySelector<HTMLAnchorElement>('a.fh-card__open');
    expect(link?.getAttribute('href')).toMatch(
      /^chrome-extension:\/\/[^/]+\/reader\.html\?story=other-synthetic-story&passage=other-synthetic-story-p7$/,
    );
    // ...and a plain click opens it as before.
    await click(link);
    expect(openStory).toHaveBeenCalledWith('other-synthetic-story', 'other-synthetic-story-p7');
  });

  it('asks again for the excerpt the reader moved to', async () => {
    const getRelated = vi.fn(async (_storyId: string, passageId?: string) =>
      passageId === 'synthetic-story-p3'
        ? [otherCard('other-synthetic-story-p9')]
        : [otherCard('other-synthetic-story-p4')],
    );
    show(syntheticStory(), 'synthetic-story-p2', { getRelated, replaceAddress: () => {} });
    await settle();
    await click(buttonNamed(/Next excerpt/));
    await settle();
    expect(getRelated).toHaveBeenLastCalledWith('synthetic-story', 'synthetic-story-p3');
    const related = [...root.querySelectorAll<HTMLElement>('.fh-card')].map((card) => card.dataset.passageId);
    expect(related).toEqual(['other-synthetic-story-p9']);
  });

  it('asks for the story as a whole when opened at no passage', async () => {
    const getRelated = vi.fn(async () => [otherCard('other-synthetic-story-p4')]);
    show(syntheticStory(), undefined, { getRelated });
    await settle();
    expect(getRelated).toHaveBeenCalledWith('synthetic-story', undefined);
    expect(root.textContent).toContain('From other stories');
  });

  it('has no section at all when nothing relates, or the answer fails', async () => {
    show(syntheticStory(), 'synthetic-story-p2', { getRelated: async () => [] });
    await settle();
    expect(root.textContent).not.toContain('From other stories');
    expect(root.querySelector('.fh-card')).toBeNull();
    show(syntheticStory({ id: 'synthetic-story-b' }), undefined, {
      getRelated: () => Promise.reject(new Error('no answer')),
    });
    await settle();
    expect(root.textContent).not.toContain('From other stories');
  });

  it('waits until the reader chose to see the story', async () => {
    const getRelated = vi.fn(async () => [otherCard('other-synthetic-story-p4')]);
    act(() => render(<Reader story={syntheticStory()} passageId="synthetic-story-p2" getRelated={getRelated} />, root));
    await settle();
    expect(getRelated).not.toHaveBeenCalled();
    expect(root.textContent).not.toContain('From other stories');
    await click(button('Show the story'));
    await settle();
    expect(root.textContent).toContain('From other stories');
  });
});

describe('ReaderPage', () => {
  it('loads the story and opens it at the passage', async () => {
    const getStory = vi.fn(async () => syntheticStory({ contentNotes: [] }));
    await showPage(
      <PageFor
        storyId="synthetic-story"
        passageId="synthetic-story-p3"
        getStory={getStory}
        shownStories={memoryShownStories()}
      />,
    );
    expect(getStory).toHaveBeenCalledWith('synthetic-story');
    expect(passage('synthetic-story-p3')?.getAttribute('aria-current')).toBe('true');
  });

  it('says when a story is not in the library', async () => {
    await showPage(<PageFor storyId="no-such-story" getStory={async () => null} shownStories={memoryShownStories()} />);
    expect(root.querySelector('h1')?.textContent).toBe('This story is not in your library');
  });

  it('says when the story cannot be loaded', async () => {
    await showPage(
      <PageFor
        storyId="synthetic-story"
        getStory={() => Promise.reject(new Error('no answer'))}
        shownStories={memoryShownStories()}
      />,
    );
    expect(root.querySelector('h1')?.textContent).toBe('This story could not be opened');
  });

  it('says so without asking when the address names no story', () => {
    const getStory = vi.fn(async () => null);
    act(() => render(<PageFor storyId={null} getStory={getStory} />, root));
    expect(getStory).not.toHaveBeenCalled();
    expect(root.querySelector('h1')?.textContent).toBe('This story is not in your library');
  });

  it('remembers for the session that the reader chose to see a story: it opens without asking again', async () => {
    const shownStories = memoryShownStories();
    const getStory = async () => syntheticStory();
    await showPage(
      <PageFor
        storyId="synthetic-story"
        passageId="synthetic-story-p2"
        getStory={getStory}
        shownStories={shownStories}
      />,
    );
    await click(button('Show the story'));
    expect(shownStories.stories).toEqual(['synthetic-story']);
    render(null, root);
    await showPage(
      <PageFor
        storyId="synthetic-story"
        passageId="synthetic-story-p3"
        getStory={getStory}
        shownStories={shownStories}
      />,
    );
    expect(button('Show the story')).toBeNull();
    expect(document.activeElement).toBe(passage('synthetic-story-p3'));
  });

  it('asks again when it cannot tell whether the reader chose to see the story', async () => {
    const shownStories: ShownStories = { has: () => Promise.reject(new Error('no storage')), add: async () => {} };
    await showPage(
      <PageFor storyId="synthetic-story" getStory={async () => syntheticStory()} shownStories={shownStories} />,
    );
    expect(button('Show the story')).not.toBeNull();
  });
});

describe('in Korean', () => {
  beforeEach(() => setUiLanguage('ko'));
  afterEach(() => setUiLanguage('en'));

  /** The language an element is read in: its own lang, or its closest ancestor's. */
  const langOf = (element: Element | null | undefined) => element?.closest('[lang]')?.getAttribute('lang');

  it('asks in Korean before showing the story, and says so in Korean', async () => {
    act(() =>
      render(
        <Reader
          story={syntheticStory({ contentNotes: ['starvation', 'imprisonment'] })}
          passageId="synthetic-story-p2"
        />,
        root,
      ),
    );
    const gate = root.querySelector('.fh-reader__gate');
    expect(gate?.getAttribute('lang')).toBe('ko');
    expect(gate?.querySelector('.fh-reader__gate-note')?.textContent).toBe(
      '이 이야기에는 다음 내용이 담겨 있습니다: 굶주림 및 수감.',
    );
    expect(gate?.querySelector('.fh-reader__gate-note [lang]')).toBeNull();
    const show = button('본문 보기');
    expect(langOf(show)).toBe('ko');
    await click(show);
    expect(root.querySelector('.fh-reader__gate')).toBeNull();
    expect(passage('synthetic-story-p2')?.getAttribute('aria-current')).toBe('true');
  });

  it('names the notes and topics it cannot translate in the story’s language, marked so', () => {
    act(() =>
      render(
        <Reader
          story={syntheticStory({
            contentNotes: ['starvation', 'synthetic unknown note', 'imprisonment'],
            topics: ['famine', 'synthetic-unknown-topic'],
          })}
        />,
        root,
      ),
    );
    const gateNote = root.querySelector('.fh-reader__gate-note');
    expect(gateNote?.textContent).toBe(
      '이 이야기에는 다음 내용이 담겨 있습니다: 굶주림, synthetic unknown note 및 수감.',
    );
    const marked = (element: Element | null | undefined) =>
      [...(element?.querySelectorAll('[lang]') ?? [])].map((el) => [el.textContent, el.getAttribute('lang')]);
    expect(marked(gateNote)).toEqual([['synthetic unknown note', 'en']]);
    const topics = root.querySelector('.fh-reader__topics');
    expect(topics?.textContent).toBe('주제: 기근, synthetic unknown topic');
    expect(marked(topics)).toEqual([['synthetic unknown topic', 'en']]);
  });

  it('labels the page in Korean while the story keeps its own language', () => {
    show(syntheticStory({ urlNote: 'Synthetic note about the address.' }), 'synthetic-story-p2');
    const header = root.querySelector('header');
    expect(header?.getAttribute('lang')).toBe('ko');
    expect(header?.textContent).toContain('주제: 기근, 장마당(시장)');
    expect(header?.textContent).toContain('2024년 12월 3일');
    expect(header?.textContent).toContain('내용 주의: 굶주림');
    expect(langOf(root.querySelector('.fh-reader__topics'))).toBe('ko');
    expect(langOf(root.querySelector('.fh-reader__note'))).toBe('ko');
    expect(root.querySelector('a')?.textContent).toBe('Test Publisher에서 원문 읽기');
    expect(langOf(root.querySelector('a span'))).toBe('en');
    expect(langOf(root.querySelector('a'))).toBe('ko');
    expect(button('이 발췌문의 인용 정보 복사')).not.toBeNull();
    // The story's own words: title, names, the address's note and every block.
    expect(langOf(root.querySelector('h1'))).toBe('en');
    expect(
      [...root.querySelectorAll('.fh-reader__byline span')].map((span) => [span.textContent, langOf(span)]),
    ).toEqual([
      ['Test Narrator', 'en'],
      ['Test Publisher', 'en'],
    ]);
    expect(langOf(root.querySelector('.fh-reader__url-note'))).toBe('en');
    expect(root.querySelector('article')?.getAttribute('lang')).toBe('en');
    const storyText = [...root.querySelectorAll('article p:not(.fh-provenance)')];
    expect(storyText.length).toBeGreaterThan(4);
    expect(storyText.map(langOf).filter((lang) => lang !== 'en')).toEqual([]);
    expect(langOf(root.querySelector('article h2'))).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('names the highlighted excerpt, the story’s labels and its asides in Korean', () => {
    show(syntheticStory(), 'synthetic-story-p2');
    const target = passage('synthetic-story-p2');
    expect(target?.getAttribute('aria-label')).toBe('강조 표시된 발췌문: 전체 3개 중 2번째');
    expect(target?.getAttribute('lang')).toBe('ko');
    expect(langOf(target?.querySelector('p:not(.fh-provenance)'))).toBe('en');
    expect(
      [...root.querySelectorAll('article .fh-provenance')].map((label) => [label.textContent, langOf(label)]),
    ).toEqual([
      ['당사자 증언', 'ko'],
      ['보도', 'ko'],
    ]);
    const caption = root.querySelector('.fh-reader__caption');
    expect(langOf(caption)).toBe('en');
    expect([caption?.querySelector('span')?.textContent, langOf(caption?.querySelector('span'))]).toEqual([
      '사진 설명:',
      'ko',
    ]);
    const aside = root.querySelector('[role="note"]');
    expect([aside?.getAttribute('aria-label'), aside?.getAttribute('lang')]).toEqual(['편집자 주', 'ko']);
    expect(langOf(aside?.querySelector('p'))).toBe('en');
  });

  it('moves between excerpts with Korean buttons, in a Korean bar', async () => {
    show(syntheticStory(), 'synthetic-story-p2', { replaceAddress: () => {} });
    const nav = root.querySelector('nav');
    expect(nav?.getAttribute('lang')).toBe('ko');
    expect(nav?.getAttribute('aria-label')).toBe('이 이야기의 발췌문');
    expect(nav?.textContent).toBe('← 이전 발췌문3개 중 2번째 발췌문다음 발췌문 →');
    await click(buttonNamed(/다음 발췌문/));
    expect(highlighted()).toEqual(['synthetic-story-p3']);
    expect(nav?.textContent).toContain('3개 중 3번째 발췌문');
  });

  it('says in Korean that the linked excerpt is not in the story', () => {
    show(syntheticStory(), 'synthetic-story-p9');
    const lost = root.querySelector('.fh-reader__lost');
    expect(lost?.textContent).toBe(
      '이 링크가 가리키는 발췌문은 이 판의 이야기에 없습니다. 아래에서 이야기 전체를 읽을 수 있습니다.',
    );
    expect(langOf(lost)).toBe('ko');
  });

  it('counts the excerpts in Korean when none is highlighted', () => {
    show(syntheticStory());
    expect(root.querySelector('nav')?.textContent).toContain('발췌문 3개');
  });

  it('heads the other stories’ excerpts in Korean', async () => {
    show(syntheticStory(), 'synthetic-story-p2', { getRelated: async () => [otherCard('other-synthetic-story-p4')] });
    await settle();
    const heading = root.querySelector('.fh-reader__related h2');
    expect(heading?.textContent).toBe('다른 이야기의 관련 발췌문');
    expect(langOf(heading)).toBe('ko');
    const card = root.querySelector('.fh-reader__related [data-passage-id]');
    expect(card?.getAttribute('lang')).toBe('en');
  });

  it('says in Korean when it copied the citation, or could not', async () => {
    show(syntheticStory(), undefined, { copy: async () => {} });
    await click(button('인용 정보 복사'));
    expect(root.querySelector('.fh-reader__actions .fh-reader__status')?.textContent).toBe('인용 정보를 복사했습니다.');
    show(syntheticStory({ id: 'synthetic-story-b' }), undefined, { copy: () => Promise.reject(new Error('denied')) });
    await click(button('인용 정보 복사'));
    expect(root.querySelector('.fh-reader__actions .fh-reader__status')?.textContent).toMatch(/^복사하지 못했습니다/);
  });

  it('keeps the story’s title in the tab, with the name after it', () => {
    show(syntheticStory());
    expect(document.title).toBe('A Synthetic Story — Firsthand');
  });

  it('says in Korean, marked as Korean, that a story is loading, missing or failed', async () => {
    act(() =>
      render(
        <PageFor
          storyId="synthetic-story"
          getStory={() => new Promise(() => {})}
          shownStories={memoryShownStories()}
        />,
        root,
      ),
    );
    expect([root.querySelector('main')?.getAttribute('lang'), root.textContent]).toEqual([
      'ko',
      '이야기를 불러오는 중입니다…',
    ]);
    await showPage(<PageFor storyId="no-such-story" getStory={async () => null} shownStories={memoryShownStories()} />);
    expect(root.querySelector('main')?.getAttribute('lang')).toBe('ko');
    expect(root.querySelector('h1')?.textContent).toBe('이 이야기를 찾을 수 없습니다');
    render(null, root);
    await showPage(
      <PageFor
        storyId="synthetic-story"
        getStory={() => Promise.reject(new Error('no answer'))}
        shownStories={memoryShownStories()}
      />,
    );
    expect(root.querySelector('h1')?.textContent).toBe('이 이야기를 열지 못했습니다');
    expect(root.querySelector('main')?.getAttribute('lang')).toBe('ko');
  });
});
