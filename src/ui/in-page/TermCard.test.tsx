// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setUiLanguage } from '@/src/testing/fake-i18n';
import { asUser, userClick, userKey, userPointerDown } from '@/src/testing/fake-user-input';
import { syntheticMatches } from '@/src/testing/synthetic-cards';
import { TermCard } from './TermCard';

// happy-dom lays nothing out and has no elementsFromPoint: the page has nothing fixed at
// any point, as a browser would say of a page without bars.
document.elementsFromPoint ??= () => [];

/** A link in the page, as the one a card was entered from. */
function linkInPage(): HTMLAnchorElement {
  const link = document.createElement('a');
  link.href = '/famine';
  document.body.append(link);
  return link;
}

let root: HTMLElement;
afterEach(() => {
  // Unmounted, so that no earlier card's listeners answer a later test's keys.
  act(() => render(null, root));
  root.remove();
  setUiLanguage('en');
});

function mount(onClose = vi.fn(), takeFocus = true, returnTo?: Element) {
  root = document.createElement('div');
  document.body.append(root);
  const anchor = () => new DOMRect(100, 100, 60, 20);
  const cards = syntheticMatches(2).cards;
  act(() =>
    render(
      <TermCard
        term="famine"
        cards={cards}
        anchor={anchor}
        takeFocus={takeFocus}
        returnTo={returnTo}
        onClose={onClose}
        onOpenStory={() => {}}
      />,
      root,
    ),
  );
  return onClose;
}

const card = () => root.querySelector<HTMLElement>('[data-firsthand="term-card"]');

describe('TermCard', () => {
  it('is a labelled dialog with the term, how many testimonies, and their excerpts', () => {
    mount();
    expect(card()?.getAttribute('role')).toBe('dialog');
    expect(card()?.getAttribute('aria-label')).toBe('Firsthand: testimonies that speak of famine');
    expect(root.querySelector('.fh-termcard__term')?.textContent).toBe('famine2 testimonies');
    expect(root.querySelectorAll('article')).toHaveLength(2);
    // Whole excerpts: the term picked may stand at the end of one, past a panel card's clamp.
    expect(root.querySelectorAll('article.fh-card--compact')).toHaveLength(0);
  });

  it('speaks the UI language around the term, which stays as the lexicon writes it', () => {
    setUiLanguage('ko');
    mount();
    expect(card()?.getAttribute('aria-label')).toBe('Firsthand: ‘famine’ 관련 증언');
    expect(root.querySelector('.fh-termcard__term')?.textContent).toBe('famine증언 2건');
    expect(root.querySelector('button[aria-label="닫기"]')).not.toBeNull();
  });

  it('takes focus when opened by a click, and not when reached from the keyboard', () => {
    mount();
    expect(document.activeElement).toBe(card());
    act(() => render(null, root));
    root.remove();
    mount(vi.fn(), false);
    expect(document.activeElement).not.toBe(card());
  });

  it('closes with Escape and with a click elsewhere, not with a click inside', () => {
    const onClose = mount();
    act(() => userPointerDown(card() as Element));
    expect(onClose).not.toHaveBeenCalled();
    act(() => userPointerDown(document.body));
    expect(onClose).toHaveBeenCalledTimes(1);
    act(() => {
      userKey(document, 'Escape');
    });
    expect(onClose).toHaveBeenCalledTimes(2);
  });

  it('closes when the reader tabs out of it into the page, not on a key or focus of the page’s', () => {
    const onClose = mount();
    const link = linkInPage();
    const inside = card()?.querySelector('button') as Element;
    const key = (target: EventTarget) =>
      act(() => {
        target.dispatchEvent(asUser(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, composed: true })));
      });
    const focusIn = (target: EventTarget) =>
      act(() => {
        target.dispatchEvent(asUser(new FocusEvent('focusin', { bubbles: true, composed: true })));
      });
    try {
      // A Tab within the card: it stays.
      key(inside);
      focusIn(inside);
      // A Tab in the page and a page's focus: it stays.
      key(document.body);
      focusIn(link);
      expect(onClose).not.toHaveBeenCalled();
      // The reader's Tab from the card into the page: it closes.
      key(inside);
      focusIn(link);
      expect(onClose).toHaveBeenCalledTimes(1);
    } finally {
      link.remove();
    }
  });

  it('follows the link it was entered from in the Tab order, and gives the focus back to it', () => {
    const link = linkInPage();
    // As in a browser, focusing it fires the reader's focusin at once, inside focus().
    const focusLink = link.focus.bind(link);
    link.focus = (options?: FocusOptions) => {
      focusLink(options);
      link.dispatchEvent(asUser(new FocusEvent('focusin', { bubbles: true, composed: true })));
    };
    try {
      const onClose = mount(vi.fn(), false, link);
      const section = card() as HTMLElement;
      const stops = [...section.querySelectorAll('button')];
      const tab = (target: Element, shiftKey = false) => {
        let allowed = true;
        act(() => {
          allowed = target.dispatchEvent(
            asUser(
              new KeyboardEvent('keydown', { key: 'Tab', shiftKey, bubbles: true, cancelable: true, composed: true }),
            ),
          );
        });
        return allowed;
      };
      // Entered (term-marks.ts focuses the card): Shift+Tab goes back to the link, in place
      // of the browser's move, and the card stays for it.
      act(() => section.focus());
      expect(tab(section, true)).toBe(false);
      expect(document.activeElement).toBe(link);
      expect(onClose).not.toHaveBeenCalled();
      // From a stop in the middle, Tab and Shift+Tab stay in the card: the browser moves.
      expect(stops.length).toBeGreaterThanOrEqual(3);
      act(() => (stops[1] as HTMLElement).focus());
      expect(tab(stops[1] as Element)).toBe(true);
      expect(tab(stops[1] as Element, true)).toBe(true);
      expect(document.activeElement).toBe(stops[1]);
      // Shift+Tab from the first stop goes back to the link too.
      act(() => (stops[0] as HTMLElement).focus());
      expect(tab(stops[0] as Element, true)).toBe(false);
      expect(document.activeElement).toBe(link);
      // From its last stop, Tab goes on from the link: the focus is put there and the
      // browser's own Tab goes on from it. The reader has left the card: it closes.
      const last = stops[stops.length - 1] as HTMLElement;
      act(() => last.focus());
      expect(tab(last)).toBe(true);
      expect(document.activeElement).toBe(link);
      expect(onClose).toHaveBeenCalledTimes(1);
    } finally {
      link.remove();
    }
  });

  it('closes with Escape and gives the focus back to the link it was entered from; left on the link, the focus stays', () => {
    const link = linkInPage();
    try {
      const onClose = mount(vi.fn(), false, link);
      const last = [...(card() as HTMLElement).querySelectorAll('button')].pop() as HTMLElement;
      act(() => last.focus());
      act(() => {
        userKey(last, 'Escape');
      });
      expect(onClose).toHaveBeenCalledTimes(1);
      expect(document.activeElement).toBe(link);
      // Not entered (the focus on the link all along): Escape closes it, the focus stays.
      act(() => render(null, root));
      root.remove();
      const closed = mount(vi.fn(), false, link);
      const focus = vi.spyOn(link, 'focus');
      act(() => {
        userKey(link, 'Escape');
      });
      expect(closed).toHaveBeenCalledTimes(1);
      expect(focus).not.toHaveBeenCalled();
      expect(document.activeElement).toBe(link);
    } finally {
      link.remove();
    }
  });

  it('leaves the Tab to the browser when its link no longer takes the focus', () => {
    const link = linkInPage();
    // As a browser does for a link made hidden or inert meanwhile (happy-dom has no such rules).
    link.focus = () => {};
    try {
      const onClose = mount(vi.fn(), false, link);
      const section = card() as HTMLElement;
      act(() => section.focus());
      const allowed = userKey(section, 'Tab');
      expect(document.activeElement).not.toBe(link);
      expect(allowed).toBe(true);
      expect(onClose).not.toHaveBeenCalled();
      // Shift+Tab is not swallowed either.
      let back = true;
      act(() => {
        back = section.dispatchEvent(
          asUser(
            new KeyboardEvent('keydown', {
              key: 'Tab',
              shiftKey: true,
              bubbles: true,
              cancelable: true,
              composed: true,
            }),
          ),
        );
      });
      expect(back).toBe(true);
    } finally {
      link.remove();
    }
  });

  it('tells screen readers, a moment after it opens from the keyboard, how to read it or leave it', async () => {
    const link = linkInPage();
    try {
      mount(vi.fn(), false, link);
      const status = () => (card() as HTMLElement).querySelector('[role="status"]')?.textContent;
      // Empty as the region appears (a region that appears with its text is not read out)...
      expect(status()).toBe('');
      await vi.waitFor(() => expect(status()).toBe('famine, 2 testimonies: press Tab to read them, Escape to close.'));
    } finally {
      link.remove();
    }
    // Opened by a click, it has the focus: nothing to say.
    act(() => render(null, root));
    root.remove();
    mount(vi.fn(), true);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((card() as HTMLElement).querySelector('[role="status"]')?.textContent).toBe('');
  });

  it('without a link to go back to, Tab from its last stop goes where the browser takes it', () => {
    mount(vi.fn(), true);
    const stops = [...(card() as HTMLElement).querySelectorAll('button')];
    const last = stops[stops.length - 1] as HTMLElement;
    act(() => last.focus());
    const allowed = userKey(last, 'Tab');
    expect(allowed).toBe(true);
    expect(document.activeElement).toBe(last);
  });

  it("ignores the page's scripted keys and clicks: Escape, a click elsewhere, its buttons", () => {
    const onClose = mount();
    act(() => {
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
      document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
      for (const button of root.querySelectorAll('button')) button.click();
    });
    expect(onClose).not.toHaveBeenCalled();
    // The reader's click on the close button does close it: the check above can fail.
    act(() => userClick(root.querySelector('button[aria-label="Close"]') as Element));
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
