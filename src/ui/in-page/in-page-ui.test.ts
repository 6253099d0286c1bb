// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { pillWords } from '@/src/i18n/pill-words';
import { syntheticMatches } from '@/src/testing/synthetic-cards';
import { createInPageUi } from './in-page-ui';
import { type PanelCode, type PanelState, setPanelCode } from './panel-code';
import type { PickedTerm } from './term-marks';

/** What the UI uses of a content-script context. */
const context = () => {
  const abort = new AbortController();
  const ctx = {
    onInvalidated: (callback: () => void) => abort.signal.addEventListener('abort', callback),
  } as unknown as ContentScriptContext;
  return { ctx, invalidate: () => abort.abort() };
};

afterEach(() => {
  setPanelCode(undefined);
  for (const host of document.querySelectorAll('firsthand-panel')) host.remove();
});

describe('the in-page UI, before and after the panel’s code is loaded', () => {
  const view = (count: number) => ({
    matches: syntheticMatches(count),
    corner: 'top-left' as const,
    pill: pillWords(count),
    picked: null,
  });

  it('draws the plain pill until the panel’s code is there, then hands it the whole state', () => {
    const { ctx } = context();
    const ui = createInPageUi(ctx, { open: () => {}, cancel: () => {}, closeTermCard: () => {} });
    expect(ui.show(view(2), false)).toBe('pill');
    const host = document.querySelector('firsthand-panel');
    expect(host?.isConnected).toBe(true);
    // Closed: the page's scripts (and this test) cannot read it.
    expect(host?.shadowRoot).toBeNull();

    const drawn: [HTMLElement, PanelState][] = [];
    const code: PanelCode = { draw: (container, state) => drawn.push([container, state]), clear: vi.fn() };
    setPanelCode(code);
    expect(ui.show(view(2), true)).toBe('panel');
    const [container, state] = drawn[0] ?? [];
    expect(state).toMatchObject({ corner: 'top-left', open: true, host, picked: null });
    expect(state?.matches.cards).toHaveLength(2);
    // Into the shadow root, never the page.
    expect(container && host?.contains(container)).toBe(false);
    expect(container?.getRootNode()).not.toBe(document);
  });

  it('takes everything away when no card is left, or the extension goes', () => {
    const { ctx, invalidate } = context();
    const code: PanelCode = { draw: vi.fn(), clear: vi.fn() };
    setPanelCode(code);
    const ui = createInPageUi(ctx, { open: () => {}, cancel: () => {}, closeTermCard: () => {} });
    ui.show(view(2), false);
    expect(document.querySelectorAll('firsthand-panel')).toHaveLength(1);
    expect(ui.show(view(0), false)).toBe('nothing');
    expect(document.querySelectorAll('firsthand-panel')).toHaveLength(0);
    expect(code.clear).toHaveBeenCalledTimes(1);
    ui.show(view(1), false);
    expect(document.querySelectorAll('firsthand-panel')).toHaveLength(1);
    invalidate();
    expect(document.querySelectorAll('firsthand-panel')).toHaveLength(0);
  });

  describe("a term picked with the mouse before the panel's code came", () => {
    /** A pick of a term in the article, as term-marks.ts makes it for a click. */
    const pick = (): PickedTerm => {
      const text = document.body.appendChild(document.createElement('p'));
      text.textContent = 'famine';
      const range = document.createRange();
      range.selectNodeContents(text);
      return { mark: { term: 'famine', range }, line: 0, byKeyboard: false };
    };
    const codeDraws = () => {
      const drawn: PanelState[] = [];
      setPanelCode({ draw: (_, state) => drawn.push(state), clear: vi.fn() });
      return drawn;
    };

    it.each([
      ['takes the focus when the reader is still where the pick left them', false, true],
      ['leaves the focus where the reader took it meanwhile', true, false],
    ])('%s', (_, typedElsewhere, takesFocus) => {
      const { ctx } = context();
      const ui = createInPageUi(ctx, { open: () => {}, cancel: () => {}, closeTermCard: () => {} });
      const picked = pick();
      // The pick asks for the code; the plain pill shows until it comes.
      expect(ui.show({ ...view(2), picked }, false)).toBe('pill');
      const field = document.body.appendChild(document.createElement('input'));
      if (typedElsewhere) field.focus();
      const drawn = codeDraws();
      ui.show({ ...view(2), picked }, false);
      expect(drawn.at(-1)).toMatchObject({ picked, cardTakesFocus: takesFocus });
      // Decided once: a later view (the reader's focus in the card now) does not change it.
      ui.show({ ...view(2), picked }, false);
      expect(drawn.at(-1)?.cardTakesFocus).toBe(takesFocus);
      field.remove();
    });

    it('takes the focus wherever it is when the code was already there, and never from the keyboard', () => {
      const { ctx } = context();
      const drawn = codeDraws();
      const ui = createInPageUi(ctx, { open: () => {}, cancel: () => {}, closeTermCard: () => {} });
      const field = document.body.appendChild(document.createElement('input'));
      field.focus();
      ui.show({ ...view(2), picked: pick() }, false);
      expect(drawn.at(-1)?.cardTakesFocus).toBe(true);
      ui.show({ ...view(2), picked: { ...pick(), byKeyboard: true } }, false);
      expect(drawn.at(-1)?.cardTakesFocus).toBe(false);
      field.remove();
    });
  });
});
