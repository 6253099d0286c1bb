// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setUiLanguage } from '@/src/testing/fake-i18n';
import { asUser, userClick, userKey, userPointerDown } from '@/src/testing/fake-user-input';
import { syntheticMatches } from '@/src/testing/synthetic-cards';
import { InPagePanel, type InPagePanelProps } from './InPagePanel';
import inPageCss from './in-page.css?inline';
import panelCss from './panel.css?inline';

let host: HTMLElement;
let shadow: ShadowRoot;

/** Mounts the panel inside a shadow root (open here, so the test can read it; closed in the extension). */
function mount(props: Omit<InPagePanelProps, 'host'>, { passHost = true } = {}) {
  host = document.createElement('firsthand-panel');
  document.body.append(host);
  shadow = host.attachShadow({ mode: 'open' });
  const container = document.createElement('div');
  shadow.append(container);
  act(() => render(<InPagePanel {...props} host={passHost ? host : undefined} />, container));
  return container;
}

afterEach(() => {
  host.remove();
  setUiLanguage('en');
});

function pill(): HTMLButtonElement {
  const element = shadow.querySelector<HTMLButtonElement>('[data-firsthand="pill"]');
  if (!element) throw new Error('no pill');
  return element;
}

const dialog = () => shadow.querySelector('[role="dialog"]');

describe('InPagePanel', () => {
  it('says how many testimonies relate to the article, in the plural', () => {
    mount({ matches: syntheticMatches(2), onOpenStory: () => {} });
    expect(pill().textContent).toBe('2 testimonies relate to this article');
    expect(pill().getAttribute('aria-expanded')).toBe('false');
    expect(dialog()).toBeNull();
  });

  it('says "1 testimony relates" for a single card', () => {
    mount({ matches: syntheticMatches(1), onOpenStory: () => {} });
    expect(pill().textContent).toBe('1 testimony relates to this article');
  });

  it('renders nothing when there are no cards', () => {
    const container = mount({ matches: syntheticMatches(0), onOpenStory: () => {} });
    expect(container.childElementCount).toBe(0);
  });

  it('opens a labelled dialog with the cards when the pill is clicked', () => {
    mount({ matches: syntheticMatches(2), onOpenStory: () => {} });
    act(() => userClick(pill()));
    expect(dialog()?.getAttribute('aria-label')).toBe('Firsthand: testimonies related to this article');
    expect(pill().getAttribute('aria-expanded')).toBe('true');
    expect([...shadow.querySelectorAll('article')].map((card) => card.dataset.passageId)).toEqual([
      'synthetic-story-p1',
      'synthetic-story-p2',
    ]);
    expect(shadow.activeElement).toBe(dialog());
  });

  it('closes on Esc and gives focus back to the pill', () => {
    mount({ matches: syntheticMatches(2), onOpenStory: () => {} });
    act(() => userClick(pill()));
    act(() => {
      userKey(dialog() as Element, 'Escape');
    });
    expect(dialog()).toBeNull();
    expect(shadow.activeElement).toBe(pill());
  });

  it('closes with the close button', () => {
    mount({ matches: syntheticMatches(2), onOpenStory: () => {} });
    act(() => userClick(pill()));
    act(() => userClick(shadow.querySelector('button[aria-label="Close"]') as Element));
    expect(dialog()).toBeNull();
    expect(shadow.activeElement).toBe(pill());
  });

  it('closes on a click outside, but not on a click inside', () => {
    mount({ matches: syntheticMatches(2), onOpenStory: () => {} });
    act(() => userClick(pill()));
    act(() => {
      userPointerDown(shadow.querySelector('article') as Element);
    });
    expect(dialog()).not.toBeNull();
    act(() => {
      userPointerDown(document.body);
    });
    expect(dialog()).toBeNull();
  });

  it('closes when the reader tabs out of it into the page, not when a page script moves focus', () => {
    mount({ matches: syntheticMatches(2), onOpenStory: () => {} });
    const link = document.createElement('a');
    link.href = '/elsewhere';
    document.body.append(link);
    const focusIn = (target: EventTarget) =>
      act(() => {
        target.dispatchEvent(asUser(new FocusEvent('focusin', { bubbles: true, composed: true })));
      });
    const key = (target: EventTarget, name: string) =>
      act(() => {
        target.dispatchEvent(asUser(new KeyboardEvent('keydown', { key: name, bubbles: true, composed: true })));
      });
    try {
      act(() => userClick(pill()));
      const inside = shadow.querySelector('article') as Element;
      // Tab inside the panel: it stays open. (Focus moving within the shadow root does not
      // reach the document: the event stays inside, as the browser keeps it.)
      key(inside, 'Tab');
      act(() => {
        inside.dispatchEvent(asUser(new FocusEvent('focusin', { bubbles: true, composed: false })));
      });
      expect(dialog()).not.toBeNull();
      // Another key inside (an arrow) and a page's script focusing its own link: it stays open.
      key(inside, 'ArrowDown');
      focusIn(link);
      expect(dialog()).not.toBeNull();
      // A Tab pressed in the page, not in the panel, and focus moving there: it stays open.
      key(document.body, 'Tab');
      focusIn(link);
      expect(dialog()).not.toBeNull();
      // The reader's Tab from inside, and focus landing in the page (even later, after the
      // browser's own toolbar): it closes.
      key(inside, 'Tab');
      focusIn(link);
      expect(dialog()).toBeNull();
    } finally {
      link.remove();
    }
  });

  it('tells inside from outside by its own root when not given the host', () => {
    mount({ matches: syntheticMatches(2), onOpenStory: () => {} }, { passHost: false });
    act(() => userClick(pill()));
    act(() => {
      userPointerDown(shadow.querySelector('article') as Element);
    });
    expect(dialog()).not.toBeNull();
    act(() => {
      userPointerDown(document.body);
    });
    expect(dialog()).toBeNull();
  });

  it('toggles closed when the pill is clicked again', () => {
    mount({ matches: syntheticMatches(2), onOpenStory: () => {} });
    act(() => userClick(pill()));
    act(() => userClick(pill()));
    expect(dialog()).toBeNull();
  });

  it('opens a story from a card', () => {
    const onOpenStory = vi.fn();
    const matches = syntheticMatches(2);
    mount({ matches: matches, onOpenStory: onOpenStory });
    act(() => userClick(pill()));
    act(() => userClick(shadow.querySelectorAll('article button')[1] as Element));
    expect(onOpenStory).toHaveBeenCalledWith(matches.cards[1]);
  });

  it("acts on none of the page's scripted clicks, keys and changes, only on the reader's", () => {
    const onOpenStory = vi.fn();
    const onMove = vi.fn();
    const onHide = vi.fn();
    const onSiteOff = vi.fn();
    const onOpenSettings = vi.fn();
    mount({ matches: syntheticMatches(3), onOpenStory, site: 'bbc.com', onMove, onHide, onSiteOff, onOpenSettings });
    // A script's click on the pill (element.click() and a dispatched event) opens nothing.
    act(() => pill().click());
    act(() => {
      pill().dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    });
    expect(dialog()).toBeNull();
    // The reader's click does: the same checks can see it open.
    act(() => userClick(pill()));
    expect(dialog()).not.toBeNull();
    const buttons = [...shadow.querySelectorAll<HTMLButtonElement>('button')];
    for (const button of buttons.filter((b) => b !== pill())) act(() => button.click());
    const select = shadow.querySelector('select') as HTMLSelectElement;
    act(() => {
      select.value = 'top-left';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    const cardButtons = [...shadow.querySelectorAll<HTMLButtonElement>('.fh-card__open')];
    cardButtons[0]?.focus();
    act(() => {
      shadow.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
      document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    });
    expect([onOpenStory, onMove, onHide, onSiteOff, onOpenSettings].map((f) => f.mock.calls.length)).toEqual([
      0, 0, 0, 0, 0,
    ]);
    expect(shadow.activeElement).toBe(cardButtons[0]);
    expect(dialog()).not.toBeNull();
    // The reader's own keys and clicks do all of it.
    act(() => {
      userKey(shadow.activeElement as Element, 'End');
    });
    expect(shadow.activeElement).toBe(cardButtons[2]);
    act(() => userClick(cardButtons[0] as Element));
    expect(onOpenStory).toHaveBeenCalledTimes(1);
    act(() => {
      userKey(document, 'Escape');
    });
    expect(dialog()).toBeNull();
  });

  it('is fixed in the bottom-right corner above the page, with a reset against page styles', () => {
    expect(inPageCss).toMatch(/:where\(\.fh-inpage\) \{\s*all: initial;/);
    expect(inPageCss).toContain('position: fixed;');
    expect(inPageCss).toContain('z-index: 2147483646;');
    expect(inPageCss).toContain('prefers-color-scheme: dark');
  });

  it('carries the shared theme in its own sheets: no @import for the page to resolve or refuse', () => {
    // The pill's sheet: the tokens and the pill, not the cards, which come with the panel's code.
    expect(inPageCss).toContain('--fh-accent:');
    expect(inPageCss).toContain('.fh-pill {');
    expect(inPageCss).not.toContain('.fh-card__text {');
    expect(inPageCss).not.toContain('.fh-panel {');
    expect(panelCss).toContain('.fh-card__text {');
    expect(panelCss).toContain('.fh-panel {');
    expect(panelCss).toContain('.fh-termcard {');
    for (const css of [inPageCss, panelCss]) expect(css).not.toContain('@import');
  });

  it('moves between the cards with the arrow keys, Home and End', () => {
    mount({ matches: syntheticMatches(3), onOpenStory: () => {} });
    act(() => userClick(pill()));
    const buttons = [...shadow.querySelectorAll<HTMLButtonElement>('.fh-card__open')];
    expect(buttons).toHaveLength(3);
    const list = shadow.querySelector('.fh-panel__cards') as HTMLElement;
    const press = (key: string) =>
      act(() => {
        userKey(shadow.activeElement ?? list, key);
      });
    buttons[0]?.focus();
    press('ArrowDown');
    expect(shadow.activeElement).toBe(buttons[1]);
    press('ArrowDown');
    press('ArrowDown');
    expect(shadow.activeElement).toBe(buttons[2]);
    press('ArrowUp');
    expect(shadow.activeElement).toBe(buttons[1]);
    press('Home');
    expect(shadow.activeElement).toBe(buttons[0]);
    press('End');
    expect(shadow.activeElement).toBe(buttons[2]);
  });

  it('takes the arrow keys into the cards as soon as it opens, not to the page', () => {
    mount({ matches: syntheticMatches(3), onOpenStory: () => {} });
    act(() => userClick(pill()));
    const panel = shadow.querySelector('.fh-panel') as HTMLElement;
    expect(shadow.activeElement).toBe(panel);
    const buttons = [...shadow.querySelectorAll<HTMLButtonElement>('.fh-card__open')];
    let scrolled = true;
    act(() => {
      scrolled = userKey(panel, 'ArrowDown');
    });
    expect(scrolled).toBe(false);
    expect(shadow.activeElement).toBe(buttons[0]);
    panel.focus();
    act(() => {
      userKey(panel, 'End');
    });
    expect(shadow.activeElement).toBe(buttons[2]);
  });

  it('announces the count once, politely, a moment after it appears', () => {
    vi.useFakeTimers();
    try {
      const container = mount({ matches: syntheticMatches(2), onOpenStory: () => {} });
      const status = shadow.querySelector('[role="status"]');
      expect(status?.textContent).toBe('');
      act(() => {
        vi.advanceTimersByTime(300);
      });
      expect(status?.textContent).toBe('Firsthand: 2 testimonies relate to this article');
      // The same answer again (late content) says nothing new.
      act(() => render(<InPagePanel matches={syntheticMatches(2)} onOpenStory={() => {}} host={host} />, container));
      act(() => {
        vi.advanceTimersByTime(300);
      });
      expect(shadow.querySelectorAll('[role="status"]')).toHaveLength(1);
      expect(status?.textContent).toBe('Firsthand: 2 testimonies relate to this article');
    } finally {
      vi.useRealTimers();
    }
  });

  it('opens at once, focused, when the reader opened the plain pill before its code was loaded', () => {
    mount({ matches: syntheticMatches(2), onOpenStory: () => {}, initiallyOpen: true });
    expect(dialog()).not.toBeNull();
    expect(pill().getAttribute('aria-expanded')).toBe('true');
    expect(shadow.activeElement).toBe(dialog());
  });

  it('does not say again what the plain pill already said', () => {
    vi.useFakeTimers();
    try {
      const said = 'Firsthand: 2 testimonies relate to this article';
      mount({ matches: syntheticMatches(2), onOpenStory: () => {}, announced: said });
      // Already in the region when it appears: a screen reader does not say it again.
      expect(shadow.querySelector('[role="status"]')?.textContent).toBe(said);
    } finally {
      vi.useRealTimers();
    }
  });

  it('offers to move to another corner, hide on this page, turn off on this site, and the settings', () => {
    const onMove = vi.fn();
    const onHide = vi.fn();
    const onSiteOff = vi.fn();
    const onOpenSettings = vi.fn();
    mount({
      matches: syntheticMatches(2),
      onOpenStory: () => {},
      corner: 'top-left',
      site: 'bbc.com',
      onMove,
      onHide,
      onSiteOff,
      onOpenSettings,
    });
    expect(shadow.querySelector('.fh-inpage')?.classList.contains('fh-inpage--top-left')).toBe(true);
    act(() => userClick(pill()));
    const select = shadow.querySelector('select') as HTMLSelectElement;
    expect(select.labels?.[0]?.textContent).toBe('Corner');
    expect(select.value).toBe('top-left');
    act(() => {
      select.value = 'bottom-left';
      select.dispatchEvent(asUser(new Event('change', { bubbles: true })));
    });
    expect(onMove).toHaveBeenCalledWith('bottom-left');
    const button = (name: string) =>
      [...shadow.querySelectorAll('button')].find((b) => b.textContent === name) as HTMLButtonElement;
    act(() => userClick(button('Hide on this page')));
    act(() => userClick(button('Turn off on bbc.com')));
    act(() => userClick(button('Settings')));
    expect([onHide, onSiteOff, onOpenSettings].map((f) => f.mock.calls.length)).toEqual([1, 1, 1]);
  });

  it('speaks the UI language, and says so, while the testimonies keep their own', () => {
    setUiLanguage('ko');
    mount({
      matches: syntheticMatches(2),
      onOpenStory: () => {},
      site: 'bbc.com',
      onMove: () => {},
      onHide: () => {},
      onSiteOff: () => {},
      onOpenSettings: () => {},
    });
    expect(pill().textContent).toBe('이 기사와 관련된 증언 2건');
    expect(pill().getAttribute('aria-label')).toBe('Firsthand: 이 기사와 관련된 증언 2건');
    expect(shadow.querySelector('.fh-inpage')?.getAttribute('lang')).toBe('ko');
    act(() => userClick(pill()));
    expect(dialog()?.getAttribute('aria-label')).toBe('Firsthand: 이 기사와 관련된 증언');
    expect(shadow.querySelector('button[aria-label="닫기"]')).not.toBeNull();
    expect(shadow.querySelector('select')?.labels?.[0]?.textContent).toBe('위치');
    expect([...shadow.querySelectorAll('option')].map((o) => o.textContent)).toContain('오른쪽 아래');
    const buttons = [...shadow.querySelectorAll('button')].map((b) => b.textContent);
    expect(buttons).toEqual(expect.arrayContaining(['이 페이지에서 숨기기', 'bbc.com에서 끄기', '설정', '전문 읽기']));
    const card = shadow.querySelector('article') as HTMLElement;
    expect(card.lang).toBe('en');
    expect(card.querySelector('.fh-provenance')?.getAttribute('lang')).toBe('ko');
  });
});
