// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { syntheticMatches } from '../shared/synthetic-cards';
import { InPagePanel, type InPagePanelProps } from './InPagePanel';
import { inPageCss } from './in-page.css';

let host: HTMLElement;
let shadow: ShadowRoot;

/** Mounts the panel the way the content script does: inside an open shadow root. */
function mount(props: Omit<InPagePanelProps, 'host'>, { passHost = true } = {}) {
  host = document.createElement('firsthand-panel');
  document.body.append(host);
  shadow = host.attachShadow({ mode: 'open' });
  const container = document.createElement('div');
  shadow.append(container);
  act(() => render(<InPagePanel {...props} host={passHost ? host : undefined} />, container));
  return container;
}

afterEach(() => host.remove());

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
    act(() => pill().click());
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
    act(() => pill().click());
    act(() => {
      dialog()?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    });
    expect(dialog()).toBeNull();
    expect(shadow.activeElement).toBe(pill());
  });

  it('closes with the close button', () => {
    mount({ matches: syntheticMatches(2), onOpenStory: () => {} });
    act(() => pill().click());
    act(() => shadow.querySelector<HTMLButtonElement>('button[aria-label="Close"]')?.click());
    expect(dialog()).toBeNull();
    expect(shadow.activeElement).toBe(pill());
  });

  it('closes on a click outside, but not on a click inside', () => {
    mount({ matches: syntheticMatches(2), onOpenStory: () => {} });
    act(() => pill().click());
    act(() => {
      shadow
        .querySelector('article')
        ?.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    });
    expect(dialog()).not.toBeNull();
    act(() => {
      document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    });
    expect(dialog()).toBeNull();
  });

  it('tells inside from outside by its own root when not given the host', () => {
    mount({ matches: syntheticMatches(2), onOpenStory: () => {} }, { passHost: false });
    act(() => pill().click());
    act(() => {
      shadow
        .querySelector('article')
        ?.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    });
    expect(dialog()).not.toBeNull();
    act(() => {
      document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    });
    expect(dialog()).toBeNull();
  });

  it('toggles closed when the pill is clicked again', () => {
    mount({ matches: syntheticMatches(2), onOpenStory: () => {} });
    act(() => pill().click());
    act(() => pill().click());
    expect(dialog()).toBeNull();
  });

  it('opens a story from a card', () => {
    const onOpenStory = vi.fn();
    const matches = syntheticMatches(2);
    mount({ matches: matches, onOpenStory: onOpenStory });
    act(() => pill().click());
    act(() => shadow.querySelectorAll<HTMLButtonElement>('article button')[1]?.click());
    expect(onOpenStory).toHaveBeenCalledWith(matches.cards[1]);
  });

  it('is fixed in the bottom-right corner above the page, with a reset against page styles', () => {
    expect(inPageCss).toMatch(/\.fh-inpage \{\s*all: initial;/);
    expect(inPageCss).toContain('position: fixed;');
    expect(inPageCss).toContain('z-index: 2147483646;');
    expect(inPageCss).toContain('prefers-color-scheme: dark');
  });
});
