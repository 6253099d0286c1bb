// @vitest-environment happy-dom
import { signal } from '@preact/signals';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExcerptCard, PageMatches, SearchFacets } from '@/src/messaging/protocol';
import { setUiLanguage } from '@/src/testing/fake-i18n';
import { syntheticCard, syntheticMatches } from '@/src/testing/synthetic-cards';
import { Popup, SEARCH_DEBOUNCE_MS, suggestedSearches } from './Popup';
import type { PopupState } from './popup-state';

const facets = {
  topics: ['famine', 'markets'],
  provenances: ['firsthand', 'report'] as const,
  stories: [
    { id: 'story-a', title: 'Story A' },
    { id: 'story-b', title: 'Story B' },
  ],
};

function select(label: string): HTMLSelectElement {
  const element = [...root.querySelectorAll('label')].find((l) => l.textContent === label);
  const control = element && root.querySelector<HTMLSelectElement>(`#${CSS.escape(element.htmlFor)}`);
  if (!control) throw new Error(`no select labelled ${label}`);
  return control;
}

async function choose(label: string, value: string) {
  await act(async () => {
    select(label).value = value;
    select(label).dispatchEvent(new Event('change', { bubbles: true }));
  });
}

const buttonNamed = (name: string) => [...root.querySelectorAll('button')].find((b) => b.textContent === name);

let root: HTMLElement;

/** What a test sets: the store's values, plain, and any of its actions. */
type Values = {
  tabMatches?: PageMatches | null;
  facets?: SearchFacets | null;
  privateMode?: boolean;
  site?: string | null;
  offSite?: string | null;
  unlistedSite?: string | null;
  canAddSite?: boolean;
};
type Setup = Values & Partial<Omit<PopupState, keyof Values>>;

/** A store that holds what the test says (popup-state.test.ts tests the real one). */
function fakeState({
  tabMatches = null,
  facets = null,
  privateMode = false,
  site = null,
  offSite = null,
  unlistedSite = null,
  canAddSite = unlistedSite !== null,
  ...actions
}: Setup = {}): PopupState {
  return {
    initialQuery: '',
    search: async () => [],
    readerUrl: (card) => `chrome-extension://test/reader.html?story=${card.storyId}&passage=${card.passageId}`,
    open: () => {},
    siteOn: () => {},
    siteOff: () => {},
    showOnPage: () => {},
    addSite: async () => null,
    setPrivateMode: () => {},
    openSettings: () => {},
    ...actions,
    tabMatches: signal(tabMatches),
    facets: signal(facets),
    privateMode: signal(privateMode),
    site: signal(site),
    offSite: signal(offSite),
    unlistedSite: signal(unlistedSite),
    canAddSite: signal(canAddSite),
  };
}

function mount(setup: Setup = {}) {
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(<Popup state={fakeState(setup)} />, root));
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
    expect(input().placeholder).toBe('e.g. famine, Hamgyong, 탈북자');
    expect(document.activeElement).toBe(input());
  });

  it('searches as you type, once the typing pauses, and shows the results', async () => {
    const search = vi.fn(async (query: string) => [syntheticCard({ passageId: `result-for-${query}` })]);
    mount({ search });
    await type('fam');
    await type('famine');
    expect(search).not.toHaveBeenCalled();
    await waitForDebounce();
    expect(search).toHaveBeenCalledExactlyOnceWith('famine', {});
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

  it('tells screen readers how many testimonies a search found', async () => {
    mount({
      search: async (query: string) =>
        query === 'famine' ? [syntheticCard({ passageId: 'a' }), syntheticCard({ passageId: 'b' })] : [],
    });
    const status = () => root.querySelector('.fh-popup__status')?.textContent;
    await type('famine');
    // Typed, not yet answered: nothing to say (the count comes with the answer).
    expect(status()).toBe('');
    await waitForDebounce();
    expect(passageIds()).toEqual(['a', 'b']);
    expect(status()).toBe('2 testimonies found');
    // Said, not drawn: sighted readers see the cards.
    expect(root.querySelector('.fh-popup__status .fh-visually-hidden')?.textContent).toBe('2 testimonies found');
  });

  it('says so when nothing matches', async () => {
    mount({ search: async () => [] });
    await type('xyz');
    await waitForDebounce();
    expect(root.querySelector('.fh-popup__status')?.textContent).toBe('No testimonies match “xyz”.');
  });

  it('says so when the search fails', async () => {
    mount({ search: () => Promise.reject(new Error('background asleep')) });
    await type('famine');
    await waitForDebounce();
    expect(root.querySelector('.fh-popup__status')?.textContent).toContain('Search is not available');
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

  it('folds "On this page" to its title while the reader searches, so the results show under the box', async () => {
    mount({ tabMatches: syntheticMatches(2), search: async () => [syntheticCard({ passageId: 'search-hit' })] });
    const fold = () => root.querySelector<HTMLDetailsElement>('.fh-popup__on-page details');
    expect(fold()?.open).toBe(true);
    await type('market');
    await waitForDebounce();
    expect(fold()?.open).toBe(false);
    expect(fold()?.querySelector('summary')?.textContent).toBe('On this page2 testimonies');
    // The reader may open it again while searching; a clear search opens it.
    act(() => {
      (fold() as HTMLDetailsElement).open = true;
    });
    await type('markets');
    await waitForDebounce();
    expect(fold()?.open).toBe(true);
    await type('');
    expect(fold()?.open).toBe(true);
    await type('famine');
    expect(fold()?.open).toBe(false);
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

  it('opens a card from its link, which holds the reader’s address for middle-click and copy', () => {
    const open = vi.fn();
    const tabMatches = syntheticMatches(1);
    mount({ tabMatches, open });
    const link = root.querySelector<HTMLAnchorElement>('article a.fh-card__open');
    expect(link?.getAttribute('href')).toBe(
      'chrome-extension://test/reader.html?story=synthetic-story&passage=synthetic-story-p1',
    );
    const click = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 });
    act(() => {
      link?.dispatchEvent(click);
    });
    expect(open).toHaveBeenCalledWith(tabMatches.cards[0], expect.any(MouseEvent));
    // The popup opens the tab itself, rather than the popup going to the reader.
    expect(click.defaultPrevented).toBe(true);
  });

  it('leaves a ctrl-click on a card’s link to the browser (a tab in the background)', () => {
    const open = vi.fn();
    mount({ tabMatches: syntheticMatches(1), open });
    const click = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0, ctrlKey: true });
    act(() => {
      root.querySelector('article a.fh-card__open')?.dispatchEvent(click);
    });
    expect(open).not.toHaveBeenCalled();
    expect(click.defaultPrevented).toBe(false);
  });

  it('follows its store: the tab’s cards and a site notice appear as they become known', () => {
    const tabMatches = signal<PageMatches | null>(null);
    const offSite = signal<string | null>(null);
    root = document.createElement('div');
    document.body.append(root);
    act(() => render(<Popup state={{ ...fakeState(), tabMatches, offSite }} />, root));
    expect(sectionTitles()).toEqual([]);
    act(() => {
      tabMatches.value = syntheticMatches(2);
      offSite.value = 'bbc.com';
    });
    expect(sectionTitles()).toEqual(['On this page']);
    expect(root.textContent).toContain('Firsthand is off on bbc.com.');
    // A notice that comes as the popup opens is shown, not read out: no switch of the reader's made it.
    const said = [...root.querySelectorAll('[role="status"]')].map((s) => s.textContent).join('');
    expect(said).toBe('');
  });

  it('says when Firsthand is off on the site of the tab, and turns it back on in one click', () => {
    const onSiteOn = vi.fn();
    mount({ offSite: 'bbc.com', siteOn: onSiteOn });
    expect(root.textContent).toContain('Firsthand is off on bbc.com.');
    const status = () => root.querySelector('.fh-popup__header + [role="status"]')?.textContent;
    expect(status()).toBe('');
    const button = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Turn on for bbc.com');
    act(() => button?.click());
    expect(onSiteOn).toHaveBeenCalledTimes(1);
    // What the reader's switch did is said to screen readers.
    expect(status()).toBe('Firsthand is on again for bbc.com.');
  });

  it('says when Firsthand was hidden on the page, still lists its cards, and shows it again in one click', () => {
    const onShowOnPage = vi.fn();
    mount({ tabMatches: { ...syntheticMatches(2), hidden: true }, showOnPage: onShowOnPage });
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
    mount({ site: 'bbc.com', siteOff: onSiteOff });
    const button = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Turn off on bbc.com');
    act(() => button?.click());
    expect(onSiteOff).toHaveBeenCalledTimes(1);
    root.remove();
    // ...and offers to turn it back on instead once it is off.
    mount({ site: 'bbc.com', offSite: 'bbc.com', siteOff: onSiteOff });
    const siteButtons = [...root.querySelectorAll('button')].filter((b) => b.textContent?.includes('bbc.com'));
    expect(siteButtons.map((b) => b.textContent)).toEqual(['Turn on for bbc.com']);
  });

  it('is keyboard first: / to the box, arrows between the cards and back to the box', async () => {
    mount({ tabMatches: syntheticMatches(3) });
    const links = [...root.querySelectorAll<HTMLElement>('.fh-card__open')];
    const press = (key: string) =>
      act(() => {
        (document.activeElement ?? root).dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      });
    expect(document.activeElement).toBe(input());
    press('ArrowDown');
    expect(document.activeElement).toBe(links[0]);
    press('ArrowDown');
    expect(document.activeElement).toBe(links[1]);
    press('End');
    expect(document.activeElement).toBe(links[2]);
    press('/');
    expect(document.activeElement).toBe(input());
    press('ArrowDown');
    press('ArrowUp');
    expect(document.activeElement).toBe(input());
  });

  it('goes down from the box to what the reader searched for, past "On this page"', async () => {
    mount({ tabMatches: syntheticMatches(2), search: async () => [syntheticCard({ passageId: 'found' })] });
    const press = (key: string) =>
      act(() => {
        (document.activeElement ?? root).dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      });
    await type('famine');
    await waitForDebounce();
    const open = (id: string) => root.querySelector<HTMLElement>(`[data-passage-id="${id}"] .fh-card__open`);
    // Both sections show: "On this page" first, then the results.
    expect(passageIds()).toEqual(['synthetic-story-p1', 'synthetic-story-p2', 'found']);
    press('ArrowDown');
    expect(document.activeElement).toBe(open('found'));
    press('ArrowUp');
    expect(document.activeElement).toBe(input());
    // ↑ from a card of "On this page" still moves between the cards.
    act(() => open('synthetic-story-p2')?.focus());
    press('ArrowUp');
    expect(document.activeElement).toBe(open('synthetic-story-p1'));
  });

  describe('filters', () => {
    it('offers topic, voice and story, each labelled, once their choices are known', () => {
      mount();
      expect(root.querySelector('fieldset')).toBeNull();
      root.remove();
      mount({ facets: { ...facets, provenances: [...facets.provenances] } });
      expect(root.querySelector('legend')?.textContent).toBe('Filter');
      expect([...select('Topic').options].map((o) => o.textContent)).toEqual(['All topics', 'famine', 'markets']);
      expect([...select('Voice').options].map((o) => o.textContent)).toEqual([
        'All voices',
        'Firsthand account',
        'Report',
      ]);
      expect([...select('Story').options].map((o) => o.value)).toEqual(['', 'story-a', 'story-b']);
    });

    it('searches with the chosen filters, and browses by them with no words typed', async () => {
      const search = vi.fn(async () => [syntheticCard({ passageId: 'filtered' })]);
      mount({ search, facets: { ...facets, provenances: [...facets.provenances] } });
      await choose('Topic', 'famine');
      await waitForDebounce();
      expect(search).toHaveBeenLastCalledWith('', { topic: 'famine' });
      expect(sectionTitles()).toEqual(['Filtered testimonies']);
      expect(passageIds()).toEqual(['filtered']);
      await choose('Voice', 'report');
      await type('market');
      await waitForDebounce();
      expect(search).toHaveBeenLastCalledWith('market', { topic: 'famine', provenance: 'report' });
      expect(sectionTitles()).toEqual(['Search results']);
      await choose('Topic', '');
      await waitForDebounce();
      expect(search).toHaveBeenLastCalledWith('market', { provenance: 'report' });
    });

    it('says when the filters leave nothing, and clears them in one click', async () => {
      const search = vi.fn(async (_query: string, filters: object) =>
        Object.keys(filters).length > 0 ? [] : [syntheticCard({ passageId: 'unfiltered' })],
      );
      mount({ search, facets: { ...facets, provenances: [...facets.provenances] } });
      await choose('Story', 'story-b');
      await type('market');
      await waitForDebounce();
      expect(root.querySelector('.fh-popup__status')?.textContent).toBe(
        'No testimonies match “market” with these filters.',
      );
      await act(async () => buttonNamed('Clear the filters')?.click());
      await waitForDebounce();
      expect(select('Story').value).toBe('');
      expect(passageIds()).toEqual(['unfiltered']);
    });
  });

  it('suggests searches that find testimonies, when empty and when nothing matched', async () => {
    const search = vi.fn(async (query: string) =>
      query === 'famine' ? [syntheticCard({ passageId: 'famine-hit' })] : [],
    );
    mount({ search });
    expect(suggestedSearches().every((words) => buttonNamed(words))).toBe(true);
    await type('zzzz');
    await waitForDebounce();
    expect(root.textContent).toContain('Try a broader word');
    await act(async () => buttonNamed('famine')?.click());
    expect(input().value).toBe('famine');
    expect(document.activeElement).toBe(input());
    await waitForDebounce();
    expect(passageIds()).toEqual(['famine-hit']);
  });

  it('says when the tab’s site is not among the news sites it runs on, and adds it in one click', () => {
    const onAddSite = vi.fn(async () => null);
    mount({ site: 'example-blog.net', unlistedSite: 'example-blog.net', addSite: onAddSite });
    expect(root.textContent).toContain(
      'Firsthand runs only on the news sites in your list, and example-blog.net is not one of them.',
    );
    act(() => buttonNamed('Run on example-blog.net too')?.click());
    expect(onAddSite).toHaveBeenCalledTimes(1);
    root.remove();
    // A site switched off says that instead: one reason at a time.
    mount({ site: 'example-blog.net', unlistedSite: 'example-blog.net', offSite: 'example-blog.net' });
    expect(root.textContent).not.toContain('news sites in your list');
  });

  it('says why nothing shows on a host the news sites cannot hold, without offering to add it', () => {
    mount({ site: 'localhost', unlistedSite: 'localhost', canAddSite: false });
    expect(root.textContent).toContain('localhost is not one of them');
    expect(buttonNamed('Run on localhost too')).toBeUndefined();
  });

  it('switches private mode and opens the settings', () => {
    const onPrivateMode = vi.fn();
    const onOpenSettings = vi.fn();
    mount({ privateMode: false, setPrivateMode: onPrivateMode, openSettings: onOpenSettings });
    const toggle = root.querySelector<HTMLInputElement>('input[role="switch"]');
    expect(toggle?.closest('label')?.textContent).toContain('Private mode');
    expect(toggle?.checked).toBe(false);
    act(() => toggle?.click());
    expect(onPrivateMode).toHaveBeenCalledWith(true);
    act(() => buttonNamed('Settings')?.click());
    expect(onOpenSettings).toHaveBeenCalledTimes(1);
    root.remove();
    mount({ privateMode: true });
    expect(root.querySelector<HTMLInputElement>('input[role="switch"]')?.checked).toBe(true);
  });

  it('leaves the arrow keys to a filter’s menu, and to shortcuts with a modifier', () => {
    mount({ tabMatches: syntheticMatches(2), facets: { ...facets, provenances: [...facets.provenances] } });
    const topic = select('Topic');
    topic.focus();
    for (const key of ['ArrowDown', 'ArrowUp', 'End']) {
      const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
      act(() => {
        topic.dispatchEvent(event);
      });
      expect(document.activeElement).toBe(topic);
      expect(event.defaultPrevented).toBe(false);
    }
    const link = root.querySelector<HTMLElement>('.fh-card__open');
    link?.focus();
    act(() => {
      link?.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', altKey: true, bubbles: true }));
    });
    expect(document.activeElement).toBe(link);
  });

  it('gives focus back to the search box when a switch it used goes away', () => {
    mount({ site: 'bbc.com', offSite: null });
    const off = buttonNamed('Turn off on bbc.com');
    off?.focus();
    act(() => off?.click());
    expect(document.activeElement).toBe(input());
  });

  describe('in Korean', () => {
    afterEach(() => setUiLanguage('en'));

    it('speaks Korean: the box, the filters, the switches and what a search found', async () => {
      setUiLanguage('ko');
      mount({
        search: async () => [],
        facets: { ...facets, provenances: [...facets.provenances] },
        site: 'bbc.com',
      });
      expect(root.querySelector(`label[for="${input().id}"]`)?.textContent).toBe('증언 검색');
      expect(select('주제').options[0]?.textContent).toBe('모든 주제');
      expect(buttonNamed('bbc.com에서 끄기')).toBeDefined();
      expect(buttonNamed('설정')).toBeDefined();
      await type('xyz');
      await waitForDebounce();
      expect(root.querySelector('.fh-popup__status')?.textContent).toBe('“xyz”에 맞는 증언이 없습니다.');
    });
  });
});
