// @vitest-environment happy-dom
import { type ComponentChild, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import type { StoryView } from '@/src/messaging/protocol';
import { syntheticStory } from '../shared/synthetic-cards';
import { Reader, ReaderPage } from './Reader';

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

/** Renders, then lets the story load: the effect asks, the answer comes a microtask later. */
async function showPage(page: ComponentChild) {
  act(() => render(page, root));
  await act(async () => {});
}

function show(story: StoryView, passageId?: string) {
  act(() => render(<Reader story={story} passageId={passageId} />, root));
}

const passage = (id: string) => root.querySelector<HTMLElement>(`[data-passage-id="${id}"]`);

describe('Reader', () => {
  it('copies a citation of the excerpt, and says so', async () => {
    const story = syntheticStory();
    const passageId = story.blocks.find((b) => b.passageId)?.passageId as string;
    const copied: string[] = [];
    act(() =>
      render(<Reader story={story} passageId={passageId} copy={async (text) => void copied.push(text)} />, root),
    );
    const button = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Copy citation of this excerpt');
    await act(async () => button?.click());
    expect(copied).toHaveLength(1);
    expect(copied[0]).toContain(`, “${story.title}”, ${story.publisher},`);
    expect(copied[0]).toContain('#:~:text=');
    expect(root.querySelector('.fh-reader__status')?.textContent).toBe('Citation copied.');
  });

  it('says so when the clipboard refuses', async () => {
    act(() => render(<Reader story={syntheticStory()} copy={() => Promise.reject(new Error('denied'))} />, root));
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
    expect(story?.querySelector('aside')?.textContent).toBe('Synthetic editor note.');
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

describe('ReaderPage', () => {
  it('loads the story and opens it at the passage', async () => {
    const getStory = vi.fn(async () => syntheticStory());
    await showPage(<ReaderPage storyId="synthetic-story" passageId="synthetic-story-p3" getStory={getStory} />);
    expect(getStory).toHaveBeenCalledWith('synthetic-story');
    expect(passage('synthetic-story-p3')?.getAttribute('aria-current')).toBe('true');
  });

  it('says when a story is not in the library', async () => {
    await showPage(<ReaderPage storyId="no-such-story" getStory={async () => null} />);
    expect(root.querySelector('h1')?.textContent).toBe('This story is not in your library');
  });

  it('says when the story cannot be loaded', async () => {
    await showPage(<ReaderPage storyId="synthetic-story" getStory={() => Promise.reject(new Error('no answer'))} />);
    expect(root.querySelector('h1')?.textContent).toBe('This story could not be opened');
  });

  it('says so without asking when the address names no story', () => {
    const getStory = vi.fn(async () => null);
    act(() => render(<ReaderPage storyId={null} getStory={getStory} />, root));
    expect(getStory).not.toHaveBeenCalled();
    expect(root.querySelector('h1')?.textContent).toBe('This story is not in your library');
  });
});
