// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setUiLanguage } from '@/src/testing/fake-i18n';
import { asUser, userClick, userKey, userPointerDown } from '@/src/testing/fake-user-input';
import { syntheticMatches } from '@/src/testing/synthetic-cards';
import { TermCard } from './TermCard';

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
    const link = document.createElement('a');
    link.href = '/elsewhere';
    document.body.append(link);
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
    const link = document.createElement('a');
    link.href = '/famine';
    document.body.append(link);
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
      // browser's own Tab goes on from it.
      const last = stops[stops.length - 1] as HTMLElement;
      act(() => last.focus());
      expect(tab(last)).toBe(true);
      expect(document.activeElement).toBe(link);
      // Putting it there is not the reader leaving for the page: the card is not closed by it.
      act(() => {
        link.dispatchEvent(asUser(new FocusEvent('focusin', { bubbles: true, composed: true })));
      });
      expect(onClose).not.toHaveBeenCalled();
      // Escape from inside closes it and gives the focus back to the link.
      act(() => last.focus());
      act(() => {
        userKey(last, 'Escape');
      });
      expect(onClose).toHaveBeenCalledTimes(1);
      expect(document.activeElement).toBe(link);
    } finally {
      link.remove();
    }
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
