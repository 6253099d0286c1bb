// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExcerptCard, PageMatches } from '@/src/messaging/protocol';
import { syntheticCard, syntheticMatches } from '../shared/synthetic-cards';
import { Popup, type PopupProps, SEARCH_DEBOUNCE_MS } from './Popup';

let root: HTMLElement;

function mount(props: Partial<PopupProps> = {}) {
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(<Popup search={async () => []} tabMatches={null} onOpen={() => {}} {...props} />, root));
}

function input(): HTMLInputElement {
  const element = root.querySelector<HTMLInputElement>('input[type="search"]');
  if (!element) throw new Error('no search box');
  return element;
}

async function type(text: string) {
  await act(async () => {
    input().value = text;
    input().dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function waitForDebounce() {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS);
  });
}

const sectionTitles = () => [...root.querySelectorAll('h2')].map((heading) => heading.textContent);
const passageIds = (selector = 'article') =>
  [...root.querySelectorAll<HTMLElement>(selector)].map((card) => card.dataset.passageId);

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  render(null, root);
  root.remove();
  vi.useRealTimers();
});

describe('Popup', () => {
  it('has a labelled, focused search box', () => {
    mount();
    const label = root.querySelector(`label[for="${input().id}"]`);
    expect(label?.textContent).toBe('Search testimonies');
    expect(input().placeholder).toBe('Search testimonies — e.g. famine, Hamgyong, 탈북자');
    expect(document.activeElement).toBe(input());
  });

  it('searches as you type, once the typing pauses, and shows the results', async () => {
    const search = vi.fn(async (query: string) => [syntheticCard({ passageId: `result-for-${query}` })]);
    mount({ search });
    await type('fam');
    await type('famine');
    expect(search).not.toHaveBeenCalled();
    await waitForDebounce();
    expect(search).toHaveBeenCalledExactlyOnceWith('famine');
    expect(sectionTitles()).toEqual(['Search results']);
    expect(passageIds()).toEqual(['result-for-famine']);
  });

  it('ignores an answer that arrives after the query changed', async () => {
    let answerSlowQuery: (cards: ExcerptCard[]) => void = () => {};
    const search = vi.fn((query: string) =>
      query === 'fam'
        ? new Promise<ExcerptCard[]>((resolve) => {
            answerSlowQuery = resolve;
          })
        : Promise.resolve([syntheticCard({ passageId: 'famine-result' })]),
    );
    mount({ search });
    await type('fam');
    await waitForDebounce();
    await type('famine');
    await waitForDebounce();
    await act(async () => answerSlowQuery([syntheticCard({ passageId: 'stale-result' })]));
    expect(passageIds()).toEqual(['famine-result']);
  });

  it('says so when nothing matches', async () => {
    mount({ search: async () => [] });
    await type('xyz');
    await waitForDebounce();
    expect(root.querySelector('[role="status"]')?.textContent).toBe('No testimonies match “xyz”.');
  });

  it('says so when the search fails', async () => {
    mount({ search: () => Promise.reject(new Error('background asleep')) });
    await type('famine');
    await waitForDebounce();
    expect(root.querySelector('[role="status"]')?.textContent).toContain('Search is not available');
  });

  it('shows "On this page" first, then the search results', async () => {
    const tabMatches: PageMatches = syntheticMatches(2);
    mount({ tabMatches, search: async () => [syntheticCard({ passageId: 'search-hit' })] });
    expect(sectionTitles()).toEqual(['On this page']);
    expect(passageIds()).toEqual(['synthetic-story-p1', 'synthetic-story-p2']);
    await type('market');
    await waitForDebounce();
    expect(sectionTitles()).toEqual(['On this page', 'Search results']);
    expect(passageIds()).toEqual(['synthetic-story-p1', 'synthetic-story-p2', 'search-hit']);
  });

  it('shows a short introduction and no search results with an empty query', async () => {
    const search = vi.fn(async () => []);
    mount({ search });
    await type('   ');
    await waitForDebounce();
    expect(search).not.toHaveBeenCalled();
    expect(sectionTitles()).toEqual([]);
    expect(root.textContent).toContain('Firsthand accounts from people who lived in North Korea');
  });

  it('opens a card', () => {
    const onOpen = vi.fn();
    const tabMatches = syntheticMatches(1);
    mount({ tabMatches, onOpen });
    act(() => root.querySelector<HTMLButtonElement>('article button')?.click());
    expect(onOpen).toHaveBeenCalledWith(tabMatches.cards[0]);
  });

  it('says when Firsthand is off on the site of the tab, and turns it back on in one click', () => {
    const onSiteOn = vi.fn();
    mount({ offSite: 'bbc.com', onSiteOn });
    expect(root.textContent).toContain('Firsthand is off on bbc.com.');
    const button = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Turn on for bbc.com');
    act(() => button?.click());
    expect(onSiteOn).toHaveBeenCalledTimes(1);
  });

  it('says when Firsthand was hidden on the page, still lists its cards, and shows it again in one click', () => {
    const onShowOnPage = vi.fn();
    mount({ tabMatches: { ...syntheticMatches(2), hidden: true }, onShowOnPage });
    expect(root.textContent).toContain('Hidden on this page.');
    expect(sectionTitles()).toContain('On this page');
    const button = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Show on the page again');
    act(() => button?.click());
    expect(onShowOnPage).toHaveBeenCalledTimes(1);
  });

  it('says nothing of the kind on a page shown as usual', () => {
    mount({ tabMatches: syntheticMatches(2) });
    expect(root.querySelector('.fh-popup__notice')).toBeNull();
  });

  it('turns Firsthand off on the site of the tab in one click', () => {
    const onSiteOff = vi.fn();
    mount({ site: 'bbc.com', onSiteOff });
    const button = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Turn off on bbc.com');
    act(() => button?.click());
    expect(onSiteOff).toHaveBeenCalledTimes(1);
    root.remove();
    // ...and offers to turn it back on instead once it is off.
    mount({ site: 'bbc.com', offSite: 'bbc.com', onSiteOff, onSiteOn: () => {} });
    expect([...root.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Turn on for bbc.com']);
  });

  it('is keyboard first: / to the box, arrows between the cards and back to the box', async () => {
    mount({ tabMatches: syntheticMatches(3) });
    const buttons = [...root.querySelectorAll<HTMLButtonElement>('.fh-card__open')];
    const press = (key: string) =>
      act(() => {
        (document.activeElement ?? root).dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      });
    expect(document.activeElement).toBe(input());
    press('ArrowDown');
    expect(document.activeElement).toBe(buttons[0]);
    press('ArrowDown');
    expect(document.activeElement).toBe(buttons[1]);
    press('End');
    expect(document.activeElement).toBe(buttons[2]);
    press('/');
    expect(document.activeElement).toBe(input());
    press('ArrowDown');
    press('ArrowUp');
    expect(document.activeElement).toBe(input());
  });
});
