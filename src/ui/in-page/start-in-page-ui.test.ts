// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { pillWords } from '@/src/i18n/pill-words';
import { onMessage } from '@/src/messaging/protocol';
import { type InPageViewModel, inPageView } from '@/src/page/in-page-view';
import { userClick, userKey } from '@/src/testing/fake-user-input';
import { syntheticMatches } from '@/src/testing/synthetic-cards';
import { startInPageUi } from './in-page-ui';
import { type PanelCode, type PanelState, setPanelCode } from './panel-code';

/** The shadow roots the UI made: closed in the extension, open here so the test can click. */
let roots: ShadowRoot[];
let invalidate: () => void;
/** What the fake panel's code was asked to draw. */
let drawn: PanelState[];
/** The background's answer to `openPanel`, when the test lets it answer. */
let answer: (given: boolean) => void;
let asked: number;
let stopListening: () => void;

/** A stand-in for the panel's code: draws a pill of its own, and records the state. */
const fakeCode: PanelCode = {
  draw(container, state) {
    drawn.push(state);
    if (!container.querySelector('[data-firsthand="pill"]')) {
      const pill = document.createElement('button');
      pill.dataset.firsthand = 'pill';
      container.replaceChildren(pill);
    }
  },
  clear: (container) => container.replaceChildren(),
};

const view = (count: number): InPageViewModel => ({
  cards: syntheticMatches(count).cards,
  corner: 'bottom-right',
  terms: [],
  pill: pillWords(count),
});
const show = (count: number) => inPageView()?.render(view(count));
const pill = () => roots.at(-1)?.querySelector<HTMLButtonElement>('[data-firsthand="pill"]') ?? null;
/** Two cards shown, the plain pill clicked, and the panel's code asked for (not given yet). */
const clickPill = async () => {
  show(2);
  userClick(pill() as HTMLButtonElement);
  await vi.waitFor(() => expect(asked).toBe(1));
};

beforeEach(() => {
  fakeBrowser.reset();
  roots = [];
  drawn = [];
  asked = 0;
  const attach = HTMLElement.prototype.attachShadow;
  vi.spyOn(HTMLElement.prototype, 'attachShadow').mockImplementation(function (this: HTMLElement, init) {
    const root = attach.call(this, { ...init, mode: 'open' });
    roots.push(root);
    return root;
  });
  // The background: it answers `openPanel` when the test says, putting the code in first.
  stopListening = onMessage('openPanel', () => {
    asked += 1;
    return new Promise<boolean>((resolve) => {
      answer = (given) => {
        if (given) setPanelCode(fakeCode);
        resolve(given);
      };
    });
  });
  const abort = new AbortController();
  invalidate = () => abort.abort();
  const ctx = {
    onInvalidated: (callback: () => void) => abort.signal.addEventListener('abort', callback),
    get isValid() {
      return !abort.signal.aborted;
    },
  } as unknown as ContentScriptContext;
  startInPageUi(ctx);
});

afterEach(() => {
  stopListening();
  invalidate();
  setPanelCode(undefined);
});

describe('the in-page UI, as the reader opens the plain pill', () => {
  it('opens the panel once its code is there (the control for the cases below)', async () => {
    await clickPill();
    expect(pill()?.getAttribute('aria-busy')).toBe('true');
    answer(true);
    await vi.waitFor(() => expect(drawn.at(-1)?.open).toBe(true));
  });

  it('asks again after the background gave nothing (the cards went meanwhile)', async () => {
    await clickPill();
    answer(false);
    // Answered: the plain pill is no longer waiting, and a click asks again.
    await vi.waitFor(() => expect(pill()?.hasAttribute('aria-busy')).toBe(false));
    userClick(pill() as HTMLButtonElement);
    await vi.waitFor(() => expect(asked).toBe(2));
    answer(true);
    await vi.waitFor(() => expect(drawn.at(-1)?.open).toBe(true));
  });

  it('does not open a later article by itself when the clicked one went before its code came', async () => {
    await clickPill();
    show(0); // the app moved on: no cards
    answer(true);
    await vi.waitFor(() => expect(roots.at(-1)?.host.isConnected ?? false).toBe(false));
    show(3);
    expect(drawn.at(-1)).toMatchObject({ open: false });
    expect(drawn.at(-1)?.matches.cards).toHaveLength(3);
  });

  it.each([
    ['a second click', (button: HTMLButtonElement) => userClick(button)],
    ['Escape', (button: HTMLButtonElement) => userKey(button, 'Escape')],
  ])('changes its mind on %s while the code is on its way', async (_, takeBack) => {
    await clickPill();
    takeBack(pill() as HTMLButtonElement);
    expect(pill()?.hasAttribute('aria-busy')).toBe(false);
    answer(true);
    await vi.waitFor(() => expect(drawn.length).toBeGreaterThan(0));
    expect(drawn.at(-1)?.open).toBe(false);
  });

  it("hands the keyboard's focus from the plain pill to the one the panel's code draws", () => {
    show(2);
    const plain = pill() as HTMLButtonElement;
    plain.focus();
    expect(roots.at(-1)?.activeElement).toBe(plain);
    setPanelCode(fakeCode); // loaded by an earlier term card's pick, say
    show(2);
    const drawnPill = pill();
    expect(drawnPill).not.toBe(plain);
    expect(roots.at(-1)?.activeElement).toBe(drawnPill);
  });
});
