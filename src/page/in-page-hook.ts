import type { PageMatches } from '@/src/messaging/protocol';

/**
 * How the two content scripts of a page meet. The detection script (`firsthand.content`,
 * on every page) carries no UI; the in-page UI (`firsthand-ui.content`) is injected by the
 * background only into a page with something to show, outside private mode, and registers
 * itself here. Both run in the extension's isolated world, which the page cannot see.
 */
export interface InPageHook {
  /** Shows a page's matches (none: the UI goes away). */
  show(matches: PageMatches): void;
  /** Whether a node belongs to the UI (its own mutations are not page changes). */
  contains(node: Node): boolean;
}

const KEY = Symbol.for('firsthand.in-page-ui');
type HookHolder = { [KEY]?: InPageHook };

export const inPageHook = (): InPageHook | undefined => (globalThis as HookHolder)[KEY];

export function setInPageHook(hook: InPageHook | undefined): void {
  (globalThis as HookHolder)[KEY] = hook;
}
