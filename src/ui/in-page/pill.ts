import type { PillWords } from '@/src/i18n/pill-words';
import type { Corner } from '@/src/settings/corners';
import { byUser } from './user-input';

/**
 * How long after its live region exists the pill's message is set: a region that appears
 * with its text already in it is not announced.
 */
export const ANNOUNCE_AFTER_MS = 250;

export type Pill = ReturnType<typeof createPill>;

/** The pill, as the plain pill and the panel's code both draw it (PRODUCT.md's stable contract). */
export const PILL_SELECTOR = '[data-firsthand="pill"]';

/**
 * The pill alone, in plain DOM: what a page with testimonies shows first, at the cost of a
 * few elements, in the words the background sent with the page's view (pill-words.ts: no
 * i18n call on the page). The panel's code (Preact, the cards: panel-code.ts) is loaded
 * only when the reader opens it, and from then on draws this same pill itself
 * (InPagePanel.tsx), so the two must stay alike: the same classes, attributes and words,
 * which pill.test.tsx checks. While the code is on its way the pill says so (aria-busy),
 * and a second click or Escape takes the request back.
 */
export function createPill(container: HTMLElement, onOpen: () => void, onCancel: () => void) {
  const doc = container.ownerDocument;
  const root = doc.createElement('div');
  root.dir = 'ltr';
  const status = doc.createElement('p');
  status.className = 'fh-visually-hidden';
  status.setAttribute('role', 'status');
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = 'fh-pill';
  button.dataset.firsthand = 'pill';
  button.setAttribute('aria-expanded', 'false');
  button.addEventListener('click', byUser(onOpen));
  // Escape while the panel is on its way: the reader no longer wants it.
  button.addEventListener(
    'keydown',
    byUser((event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.isComposing && waiting) onCancel();
    }),
  );
  root.append(status, button);
  container.replaceChildren(root);

  let said = '';
  /** The panel is on its way. */
  let waiting = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    /** Draws it for these words, in this corner; `busy` while the panel's code is on its way. */
    draw({ lang, text, label }: PillWords, corner: Corner, busy = false): void {
      waiting = busy;
      if (busy) button.setAttribute('aria-busy', 'true');
      else button.removeAttribute('aria-busy');
      root.className = `fh-inpage fh-theme fh-inpage--${corner}`;
      root.lang = lang;
      button.textContent = text;
      if (button.getAttribute('aria-label') === label) return;
      button.setAttribute('aria-label', label);
      clearTimeout(timer);
      timer = setTimeout(() => {
        said = label;
        status.textContent = label;
      }, ANNOUNCE_AFTER_MS);
    },
    /** What its live region has said. */
    announced: (): string => said,
    /** Whether it holds the keyboard's focus. */
    focused: (): boolean => (container.getRootNode() as Document | ShadowRoot).activeElement === button,
    remove(): void {
      clearTimeout(timer);
      root.remove();
    },
  };
}
