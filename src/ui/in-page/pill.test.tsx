// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pillWords } from '@/src/i18n/pill-words';
import { setUiLanguage } from '@/src/testing/fake-i18n';
import { userClick } from '@/src/testing/fake-user-input';
import { syntheticMatches } from '@/src/testing/synthetic-cards';
import { InPagePanel } from './InPagePanel';
import { createPill } from './pill';

let host: HTMLElement;
let container: HTMLElement;
beforeEach(() => {
  host = document.createElement('firsthand-panel');
  document.body.append(host);
  container = document.createElement('div');
  host.attachShadow({ mode: 'open' }).append(container);
});
afterEach(() => {
  host.remove();
  setUiLanguage('en');
  vi.useRealTimers();
});

/** An element as markup means it: its name, its attributes in any order, its children. */
type Shape = string | { tag: string; attributes: [string, string][]; children: Shape[] };
function shape(node: Node): Shape {
  if (!(node instanceof Element)) return node.textContent ?? '';
  return {
    tag: node.localName,
    attributes: [...node.attributes].map((a): [string, string] => [a.name, a.value]).sort(),
    // An empty text node draws nothing (Preact leaves one where a live region's words go).
    children: [...node.childNodes].filter((child) => child instanceof Element || child.textContent).map(shape),
  };
}

const pillIn = (root: ParentNode) => root.querySelector<HTMLButtonElement>('[data-firsthand="pill"]');

describe('the plain pill (drawn before the panel’s code is loaded)', () => {
  it('is the pill the panel draws: the same element, classes, attributes and words', () => {
    for (const [count, corner] of [
      [1, 'bottom-right'],
      [3, 'top-left'],
    ] as const) {
      createPill(
        container,
        () => {},
        () => {},
      ).draw(pillWords(count), corner);
      const other = document.createElement('div');
      act(() =>
        render(<InPagePanel matches={syntheticMatches(count)} corner={corner} onOpenStory={() => {}} />, other),
      );
      // The live region is said a moment later in both: compare what they are, not what they said yet.
      expect([...container.childNodes].map(shape)).toEqual([...other.childNodes].map(shape));
      expect(pillIn(container)?.textContent).toMatch(count === 1 ? /^1 testimony relates/ : /^3 testimonies relate/);
      act(() => render(null, other));
    }
  });

  it('asks for the panel when the reader clicks it, never when a script does', () => {
    const onOpen = vi.fn();
    createPill(container, onOpen, () => {}).draw(pillWords(2), 'bottom-right');
    const pill = pillIn(container) as HTMLButtonElement;
    pill.click(); // a script's click: isTrusted is false
    expect(onOpen).not.toHaveBeenCalled();
    userClick(pill);
    expect(onOpen).toHaveBeenCalledTimes(1);
  });

  it('announces its count once, a moment after it appears, and says what it said', () => {
    vi.useFakeTimers();
    const pill = createPill(
      container,
      () => {},
      () => {},
    );
    pill.draw(pillWords(2), 'bottom-right');
    const status = container.querySelector('[role="status"]');
    expect(status?.textContent).toBe('');
    expect(pill.announced()).toBe('');
    vi.advanceTimersByTime(300);
    expect(status?.textContent).toBe('Firsthand: 2 testimonies relate to this article');
    expect(pill.announced()).toBe('Firsthand: 2 testimonies relate to this article');
    // Another corner, the same count: nothing new to say; another count is said.
    pill.draw(pillWords(2), 'top-right');
    expect(container.querySelector('.fh-inpage--top-right')).not.toBeNull();
    pill.draw(pillWords(4), 'top-right');
    vi.advanceTimersByTime(300);
    expect(pill.announced()).toBe('Firsthand: 4 testimonies relate to this article');
  });

  it('speaks Korean in a Korean browser', () => {
    setUiLanguage('ko');
    createPill(
      container,
      () => {},
      () => {},
    ).draw(pillWords(2), 'bottom-right');
    expect(pillIn(container)?.closest('[lang]')?.getAttribute('lang')).toBe('ko');
    expect(pillIn(container)?.textContent).toMatch(/[\uac00-\ud7af]/);
  });
});
