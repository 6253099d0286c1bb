import { i18n, uiLanguage } from '@/src/i18n';
import type { Corner } from '@/src/settings/corners';
import { byUser } from './user-input';

/** "2 testimonies relate to this article", in the UI's language. */
export function pillText(count: number): string {
  return i18n.t('panel.pill', count);
}

/** The pill's accessible name: what it is, and what it opens. */
export function pillLabel(count: number): string {
  return i18n.t('panel.pill_label', [pillText(count)]);
}

/**
 * How long after its live region exists the pill's message is set: a region that appears
 * with its text already in it is not announced.
 */
export const ANNOUNCE_AFTER_MS = 250;

export type Pill = ReturnType<typeof createPill>;

/**
 * The pill alone, in plain DOM: what a page with testimonies shows first, at the cost of a
 * few elements. The panel's code (Preact, the cards: panel-code.ts) is loaded only when the
 * reader opens it, and from then on draws this same pill itself (InPagePanel.tsx), so the
 * two must stay alike: the same classes, attributes and words, which InPagePanel.test.tsx
 * checks.
 */
export function createPill(container: HTMLElement, onOpen: () => void) {
  const doc = container.ownerDocument;
  const root = doc.createElement('div');
  root.lang = uiLanguage();
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
  root.append(status, button);
  container.replaceChildren(root);

  let said = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    draw(count: number, corner: Corner): void {
      root.className = `fh-inpage fh-theme fh-inpage--${corner}`;
      const label = pillLabel(count);
      button.textContent = pillText(count);
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
