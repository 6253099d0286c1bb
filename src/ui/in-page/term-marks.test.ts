// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { asUser, userKey } from '@/src/testing/fake-user-input';
import { createTermMarks, HIGHLIGHT_NAME, highlightsSupported } from './term-marks';

describe('createTermMarks without the Custom Highlight API', () => {
  it('marks nothing, listens to nothing and breaks nothing', () => {
    expect(highlightsSupported()).toBe(false); // happy-dom has no CSS.highlights
    const listen = vi.spyOn(document, 'addEventListener');
    document.body.innerHTML = '<p>The famine.</p>';
    const range = document.createRange();
    range.selectNodeContents(document.querySelector('p') as Element);
    const marks = createTermMarks(document, () => {});
    expect(() => marks.set([{ term: 'famine', range }])).not.toThrow();
    expect(listen).not.toHaveBeenCalled();
    expect(document.adoptedStyleSheets ?? []).toHaveLength(0);
    expect(() => marks.clear()).not.toThrow();
    listen.mockRestore();
  });
});

describe('createTermMarks with the Custom Highlight API', () => {
  it('opens a term’s card from the keyboard (Tab onto a link holding it) and closes it when focus moves on', () => {
    const registry = new Map<string, unknown>();
    vi.stubGlobal('CSS', { highlights: registry });
    vi.stubGlobal(
      'Highlight',
      class {
        ranges: Range[];
        constructor(...ranges: Range[]) {
          this.ranges = ranges;
        }
      },
    );
    try {
      document.body.innerHTML = '<p><a href="/famine">The famine</a> and <a href="/weather">the weather</a>.</p>';
      const [termLink, otherLink] = [...document.querySelectorAll('a')];
      const range = document.createRange();
      range.selectNodeContents(termLink as Element);
      const picks: (string | null)[] = [];
      const marks = createTermMarks(document, (pick) => picks.push(pick ? pick.mark.term : null));
      marks.set([{ term: 'famine', range }]);
      expect(registry.has('firsthand-term')).toBe(true);
      // A page's script dispatching the same event opens nothing; nor does focus that no
      // key of the reader's moved (a script's focus(), which browsers call trusted).
      termLink?.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
      termLink?.dispatchEvent(asUser(new FocusEvent('focusin', { bubbles: true })));
      expect(picks).toEqual([]);
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true }));
      termLink?.dispatchEvent(asUser(new FocusEvent('focusin', { bubbles: true })));
      expect(picks).toEqual([]);
      userKey(document, 'Tab');
      termLink?.dispatchEvent(asUser(new FocusEvent('focusin', { bubbles: true })));
      expect(picks).toEqual(['famine']);
      // The focus coming back to the link without a Tab (its tab in front again) keeps it.
      userKey(document, 'a');
      termLink?.dispatchEvent(asUser(new FocusEvent('focusin', { bubbles: true })));
      expect(picks).toEqual(['famine']);
      otherLink?.dispatchEvent(asUser(new FocusEvent('focusin', { bubbles: true })));
      expect(picks).toEqual(['famine', null]);
      // Focus moving into our own UI (its host; the root is closed) keeps the card.
      const host = document.createElement('firsthand-panel');
      host.tabIndex = 0;
      document.body.append(host);
      const withHost = createTermMarks(
        document,
        (pick) => picks.push(pick ? pick.mark.term : null),
        undefined,
        (e) => e === host,
      );
      marks.clear();
      withHost.set([{ term: 'famine', range }]);
      userKey(document, 'Tab');
      termLink?.dispatchEvent(asUser(new FocusEvent('focusin', { bubbles: true })));
      host.dispatchEvent(asUser(new FocusEvent('focusin', { bubbles: true })));
      expect(picks).toEqual(['famine', null, 'famine']);
      // While something is fullscreen, a term there opens nothing: no card can show over it.
      let fullscreen: Element | null = termLink?.parentElement ?? null;
      // happy-dom has no Fullscreen API: the document says what a browser would.
      Object.defineProperty(document, 'fullscreenElement', { configurable: true, get: () => fullscreen });
      // (Focus moving there still closes the card that was open, even focus coming back to
      // the link that opened it.)
      userKey(document, 'a');
      termLink?.dispatchEvent(asUser(new FocusEvent('focusin', { bubbles: true })));
      expect(picks).toEqual(['famine', null, 'famine', null]);
      fullscreen = null;
      userKey(document, 'Tab');
      termLink?.dispatchEvent(asUser(new FocusEvent('focusin', { bubbles: true })));
      expect(picks).toEqual(['famine', null, 'famine', null, 'famine']);
      Reflect.deleteProperty(document, 'fullscreenElement');
      withHost.clear();
      host.remove();
      marks.set([{ term: 'famine', range }]);
      marks.clear();
      expect(registry.has('firsthand-term')).toBe(false);
      // A page too big to restyle at once is not marked.
      const tooBig = createTermMarks(document, () => {}, document.getElementsByTagName('*').length - 1);
      tooBig.set([{ term: 'famine', range }]);
      expect(registry.has('firsthand-term')).toBe(false);
      // Unmarked, nothing is listened to any more.
      termLink?.dispatchEvent(asUser(new FocusEvent('focusin', { bubbles: true })));
      expect(picks).toEqual(['famine', null, 'famine', null, 'famine']);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('enters the card with the next Tab from the link that opened it, and only then', () => {
    vi.stubGlobal('CSS', { highlights: new Map() });
    vi.stubGlobal('Highlight', class {});
    let marks: ReturnType<typeof createTermMarks> | undefined;
    try {
      document.body.innerHTML = '<p><a href="/famine">The famine</a> and <a href="/weather">the weather</a>.</p>';
      const [termLink, otherLink] = [...document.querySelectorAll('a')] as HTMLElement[];
      const range = document.createRange();
      range.selectNodeContents(termLink as Element);
      const picks: { term: string; trigger?: Element }[] = [];
      let cardThere = true;
      const enter = vi.fn(() => cardThere);
      marks = createTermMarks(
        document,
        (pick) => {
          if (pick) picks.push({ term: pick.mark.term, ...(pick.trigger ? { trigger: pick.trigger } : {}) });
        },
        undefined,
        () => false,
        enter,
      );
      marks.set([{ term: 'famine', range }]);
      const focusByTab = (target: EventTarget) => {
        userKey(document, 'Tab');
        target.dispatchEvent(asUser(new FocusEvent('focusin', { bubbles: true })));
      };
      // A Tab from the link before any card opened goes on as usual.
      expect(userKey(termLink as Element, 'Tab')).toBe(true);
      expect(enter).not.toHaveBeenCalled();
      focusByTab(termLink as Element);
      expect(picks).toEqual([{ term: 'famine', trigger: termLink }]);
      // Shift+Tab, or a Tab with another key held or in an IME's composition, goes back or
      // elsewhere: not into the card.
      for (const held of [
        { shiftKey: true },
        { ctrlKey: true },
        { altKey: true },
        { metaKey: true },
        { isComposing: true },
      ]) {
        const tab = asUser(new KeyboardEvent('keydown', { key: 'Tab', ...held, bubbles: true, cancelable: true }));
        expect(termLink?.dispatchEvent(tab)).toBe(true);
      }
      expect(enter).not.toHaveBeenCalled();
      // Nor a Tab the page has already handled (its own listener, before ours).
      const handled = asUser(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true }));
      handled.preventDefault();
      termLink?.dispatchEvent(handled);
      expect(enter).not.toHaveBeenCalled();
      // A page's own Tab event is not the reader's.
      termLink?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true }));
      expect(enter).not.toHaveBeenCalled();
      // The reader's Tab from the link enters the card, and the browser's own move is cancelled.
      expect(userKey(termLink as Element, 'Tab')).toBe(false);
      expect(enter).toHaveBeenCalledTimes(1);
      expect(enter).toHaveBeenCalledWith(termLink);
      // No card to enter (closed with Escape, say): the Tab goes on.
      cardThere = false;
      expect(userKey(termLink as Element, 'Tab')).toBe(true);
      expect(enter).toHaveBeenCalledTimes(2);
      // From another element, a Tab never enters it.
      cardThere = true;
      expect(userKey(otherLink as Element, 'Tab')).toBe(true);
      expect(enter).toHaveBeenCalledTimes(2);
      // After Escape, focus given back to the link (not by Tab) opens nothing again.
      userKey(document, 'Escape');
      termLink?.dispatchEvent(asUser(new FocusEvent('focusin', { bubbles: true })));
      expect(picks).toHaveLength(1);
      // Focus moving on by Tab closes it: the link no longer opens a way into a card.
      focusByTab(otherLink as Element);
      expect(userKey(termLink as Element, 'Tab')).toBe(true);
      expect(enter).toHaveBeenCalledTimes(2);
      // A click's card: Tab from the link that opened an earlier one does not enter it.
      focusByTab(termLink as Element);
      expect(picks).toHaveLength(2);
      range.getClientRects = () => [new DOMRect(0, 0, 100, 20)] as unknown as DOMRectList;
      const positioned = document as unknown as { caretPositionFromPoint?: () => object };
      positioned.caretPositionFromPoint = () => ({ offsetNode: termLink?.firstChild, offset: 2 });
      try {
        termLink?.parentElement?.dispatchEvent(
          asUser(new MouseEvent('click', { bubbles: true, clientX: 10, clientY: 10, button: 0 })),
        );
      } finally {
        Reflect.deleteProperty(positioned, 'caretPositionFromPoint');
      }
      expect(picks).toHaveLength(3);
      expect(userKey(termLink as Element, 'Tab')).toBe(true);
      expect(enter).toHaveBeenCalledTimes(2);
      // Inside the page's own modal dialog, its focus trap decides: the Tab goes on.
      document.body.innerHTML = '<div aria-modal="true" role="dialog"><p><a href="/famine">The famine</a></p></div>';
      const inModal = document.querySelector('a') as HTMLElement;
      const modalRange = document.createRange();
      modalRange.selectNodeContents(inModal);
      marks.set([{ term: 'famine', range: modalRange }]);
      focusByTab(inModal);
      expect(picks).toHaveLength(4);
      expect(userKey(inModal, 'Tab')).toBe(true);
      expect(enter).toHaveBeenCalledTimes(2);
    } finally {
      marks?.clear();
      vi.unstubAllGlobals();
    }
  });

  it('opens a term’s card on the reader’s click on the term, never on a page’s click there', () => {
    vi.stubGlobal('CSS', { highlights: new Map() });
    vi.stubGlobal('Highlight', class {});
    // happy-dom lays nothing out: the caret and the term's box are where a browser would put them.
    const positioned = document as unknown as { caretPositionFromPoint?: (x: number) => object };
    let marks: ReturnType<typeof createTermMarks> | undefined;
    try {
      document.body.innerHTML = '<p>The famine spread.</p>';
      const text = document.querySelector('p')?.firstChild as Text;
      const range = document.createRange();
      range.setStart(text, 4);
      range.setEnd(text, 10);
      range.getClientRects = () => [new DOMRect(40, 100, 60, 20)] as unknown as DOMRectList;
      positioned.caretPositionFromPoint = (x: number) => ({ offsetNode: text, offset: x < 40 ? 1 : 6 });
      const picks: (string | null)[] = [];
      marks = createTermMarks(document, (pick) => picks.push(pick ? pick.mark.term : null));
      marks.set([{ term: 'famine', range }]);
      const clickAt = (x: number, y: number) => new MouseEvent('click', { bubbles: true, clientX: x, clientY: y });
      const paragraph = document.querySelector('p') as Element;
      // The page's own click on the term opens nothing.
      paragraph.dispatchEvent(clickAt(70, 110));
      expect(picks).toEqual([]);
      // The reader's click beside it opens nothing either; on it, its card.
      paragraph.dispatchEvent(asUser(clickAt(10, 110)));
      expect(picks).toEqual([]);
      paragraph.dispatchEvent(asUser(clickAt(70, 110)));
      expect(picks).toEqual(['famine']);
    } finally {
      marks?.clear();
      Reflect.deleteProperty(positioned, 'caretPositionFromPoint');
      vi.unstubAllGlobals();
    }
  });

  it('underlines the terms it marks, in a sheet of its own that styles its highlight, gone when unmarked', () => {
    vi.stubGlobal('CSS', { highlights: new Map<string, unknown>() });
    vi.stubGlobal('Highlight', class {});
    // happy-dom drops the ::highlight() rule it cannot parse, so read what the sheet is given.
    const replaceSync = vi.spyOn(CSSStyleSheet.prototype, 'replaceSync');
    try {
      document.body.innerHTML = '<p>The famine.</p>';
      const range = document.createRange();
      range.selectNodeContents(document.querySelector('p') as Element);
      const marks = createTermMarks(document, () => {});
      marks.set([{ term: 'famine', range }]);
      expect(document.adoptedStyleSheets).toHaveLength(1);
      expect(replaceSync).toHaveBeenCalledTimes(1);
      const text = String(replaceSync.mock.calls[0]?.[0]);
      expect(text).toMatch(new RegExp(`::highlight\\(${HIGHLIGHT_NAME}\\) \\{[^}]*text-decoration-line: underline;`));
      // Not under a fullscreen element, where no card can show (seen in hostile-video-fullscreen.png).
      expect(text).toMatch(
        new RegExp(`:fullscreen ::highlight\\(${HIGHLIGHT_NAME}\\) \\{[^}]*text-decoration-line: none;`),
      );
      marks.clear();
      expect(document.adoptedStyleSheets).toHaveLength(0);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
