/**
 * The in-page UI lives in a closed shadow root (PRODUCT.md's stable contract): neither the
 * page's scripts nor Playwright's locators can reach into it. Tests reach it as DevTools
 * does, through CDP: the pierced DOM finds the root, reads run in an isolated world of the
 * test's own (the page sees none of it), and every click and key is trusted input from
 * `page.mouse` and `page.keyboard`, as a reader's would be.
 */
import type { CDPSession, Page } from 'playwright-core';

/** The in-page UI's shadow host, a child of <html>. */
export const IN_PAGE_HOST = 'firsthand-panel';
/** The in-page pill inside the extension's shadow root. */
export const PILL = '[data-firsthand="pill"]';
/** The panel of cards the pill opens. */
export const PANEL = '.fh-panel[role="dialog"]';
/** The card a marked term opens. */
export const TERM_CARD = '[data-firsthand="term-card"]';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The world the tests read the UI in: neither the page's nor the extension's. */
const WORLD = 'firsthand-e2e';

interface Session {
  cdp: CDPSession;
  /** The isolated world's context, for the page's current document. */
  world: number | null;
}
const sessions = new WeakMap<Page, Promise<Session>>();

function sessionOf(page: Page): Promise<Session> {
  let session = sessions.get(page);
  if (!session) {
    session = page
      .context()
      .newCDPSession(page)
      .then((cdp) => ({ cdp, world: null }));
    sessions.set(page, session);
  }
  return session;
}

async function worldOf(session: Session): Promise<number> {
  if (session.world === null) {
    const { frameTree } = await session.cdp.send('Page.getFrameTree');
    const { executionContextId } = await session.cdp.send('Page.createIsolatedWorld', {
      frameId: frameTree.frame.id,
      worldName: WORLD,
    });
    session.world = executionContextId;
  }
  return session.world;
}

/**
 * A function sent into the page is sent as its source. Run by tsx (npm start, the benches)
 * rather than Vitest, that source calls esbuild's `__name` helper, which the page's world
 * does not have: this defines it there, as the identity it amounts to.
 */
const NAME_SHIM = 'var __name = (f) => f;';

/**
 * Runs `fn` in the test's isolated world with `this` bound to the object `find` returns
 * (a remote object id), `arg` as its argument; the result comes back by value. A world
 * that went with its document (a navigation) is made again once.
 */
async function callIn<R>(
  page: Page,
  find: (session: Session, world: number) => Promise<string | null>,
  fn: string,
  arg: unknown,
): Promise<R | null> {
  const session = await sessionOf(page);
  for (let attempt = 0; ; attempt++) {
    try {
      const world = await worldOf(session);
      const objectId = await find(session, world);
      if (objectId === null) return null;
      const { result, exceptionDetails } = await session.cdp.send('Runtime.callFunctionOn', {
        objectId,
        functionDeclaration: fn,
        arguments: [{ value: arg }],
        returnByValue: true,
        awaitPromise: true,
      });
      if (exceptionDetails) {
        throw new Error(`in the in-page UI: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
      }
      return result.value as R;
    } catch (error) {
      const stale = /context|Cannot find|No node|Could not find/i.test(String(error));
      if (!stale || attempt > 0) throw error;
      session.world = null;
    }
  }
}

/** The UI's shadow root as a remote object in the test's world, through the pierced DOM. */
async function findRoot({ cdp }: Session, world: number): Promise<string | null> {
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: IN_PAGE_HOST });
  if (!nodeId) return null;
  const { node } = await cdp.send('DOM.describeNode', { nodeId, depth: 1, pierce: true });
  const shadow = node.shadowRoots?.[0];
  if (!shadow) return null;
  const { object } = await cdp.send('DOM.resolveNode', {
    backendNodeId: shadow.backendNodeId,
    executionContextId: world,
  });
  return object.objectId ?? null;
}

/** The page's document in the test's world. */
async function findDocument({ cdp }: Session, world: number): Promise<string | null> {
  const { result } = await cdp.send('Runtime.evaluate', { expression: 'document', contextId: world });
  return result.objectId ?? null;
}

/**
 * Runs `fn(root, arg)` on the in-page UI's shadow root in the test's isolated world; null
 * when the page has no in-page UI. `fn` is sent as source: it cannot close over anything.
 */
export function inPageEvaluate<R, A = undefined>(
  page: Page,
  fn: (root: ShadowRoot, arg: A) => R | Promise<R>,
  arg?: A,
): Promise<Awaited<R> | null> {
  return callIn(page, findRoot, `function (arg) { ${NAME_SHIM} return (${fn})(this, arg); }`, arg);
}

/** Runs `fn(arg)` on the page's document in the test's isolated world. */
export async function isolatedEvaluate<R, A = undefined>(
  page: Page,
  fn: (document: Document, arg: A) => R | Promise<R>,
  arg?: A,
): Promise<Awaited<R>> {
  return (await callIn(
    page,
    findDocument,
    `function (arg) { ${NAME_SHIM} return (${fn})(this, arg); }`,
    arg,
  )) as Awaited<R>;
}

/**
 * Runs a script's source in the test's isolated world (a library such as axe-core, which
 * the page must not see); skipped when `present` already names a global there.
 */
export async function loadIntoIsolatedWorld(page: Page, present: string, source: () => string): Promise<void> {
  await callIn(page, findDocument, 'function () { return 0; }', undefined);
  const session = await sessionOf(page);
  const contextId = await worldOf(session);
  const { result } = await session.cdp.send('Runtime.evaluate', { expression: `typeof ${present}`, contextId });
  if (result.value !== 'undefined') return;
  const { exceptionDetails } = await session.cdp.send('Runtime.evaluate', { expression: source(), contextId });
  if (exceptionDetails) throw new Error(`loading into the isolated world: ${exceptionDetails.text}`);
}

/** Polls `probe` until it gives a value (not null, not false), or throws after `timeout`. */
export async function until<T>(what: string, probe: () => Promise<T | null | false>, timeout = 15_000): Promise<T> {
  const end = Date.now() + timeout;
  for (let delay = 50; ; delay = Math.min(delay * 2, 250)) {
    const value = await probe();
    if (value !== null && value !== false) return value;
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

/** The in-page UI of a page, reached as DevTools reaches it; a locator's worth of reading and trusted input. */
export function inPage(page: Page) {
  const ui = {
    evaluate: <R, A = undefined>(fn: (root: ShadowRoot, arg: A) => R | Promise<R>, arg?: A) =>
      inPageEvaluate(page, fn, arg),
    /** How many elements match in the UI (0 when there is no UI). */
    async count(selector: string): Promise<number> {
      return (await inPageEvaluate(page, (root, s) => root.querySelectorAll(s).length, selector)) ?? 0;
    },
    /** The text of the first match, or null. */
    text: (selector: string) =>
      inPageEvaluate(page, (root, s) => root.querySelector(s)?.textContent ?? null, selector).then((t) => t ?? null),
    /** An attribute of the first match, or null. */
    attribute: (selector: string, name: string) =>
      inPageEvaluate(page, (root, [s, n]) => root.querySelector(s)?.getAttribute(n) ?? null, [
        selector,
        name,
      ] as const).then((a) => a ?? null),
    /** An attribute of every match, in order. */
    attributes: (selector: string, name: string) =>
      inPageEvaluate(page, (root, [s, n]) => [...root.querySelectorAll(s)].map((e) => e.getAttribute(n) ?? ''), [
        selector,
        name,
      ] as const).then((a) => a ?? []),
    /** The box of the first match as drawn in the viewport, or null when there is none or it is not drawn. */
    box: (selector: string) =>
      inPageEvaluate(
        page,
        (root, s) => {
          const element = root.querySelector(s);
          if (!element?.checkVisibility({ visibilityProperty: true })) return null;
          const { x, y, width, height } = element.getBoundingClientRect();
          return width > 0 && height > 0 ? { x, y, width, height } : null;
        },
        selector,
      ).then((b) => b ?? null),
    /** Whether the first match is drawn. */
    isVisible: async (selector: string) => (await ui.box(selector)) !== null,
    /** Waits until a match is drawn (or, `detached`, until none is left). */
    async waitFor(selector: string, { state = 'visible', timeout = 15_000 } = {}): Promise<void> {
      if (state === 'detached') {
        await until(`no ${selector} in the in-page UI`, async () => (await ui.count(selector)) === 0, timeout);
      } else {
        await until(`${selector} in the in-page UI`, () => ui.box(selector), timeout);
      }
    },
    /**
     * A trusted click, with the page's mouse, at the centre of the first match: once it is
     * in view, still for a frame, and the topmost thing at that point (what a reader sees).
     */
    async click(selector: string, { hasText, timeout = 15_000 }: { hasText?: string; timeout?: number } = {}) {
      const point = await until(
        `${selector}${hasText ? ` "${hasText}"` : ''} to click in the in-page UI`,
        () =>
          inPageEvaluate(
            page,
            async (root, [s, text]) => {
              const element = [...root.querySelectorAll(s)].find((e) => !text || e.textContent?.trim() === text);
              if (!element?.checkVisibility({ visibilityProperty: true })) return null;
              element.scrollIntoView({ block: 'nearest', inline: 'nearest' });
              const centre = () => {
                const r = element.getBoundingClientRect();
                return { x: r.x + r.width / 2, y: r.y + r.height / 2, empty: r.width === 0 || r.height === 0 };
              };
              const before = centre();
              await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
              const after = centre();
              if (after.empty || after.x !== before.x || after.y !== before.y) return null;
              const hit = root.elementFromPoint(after.x, after.y);
              return hit && (hit === element || element.contains(hit)) ? { x: after.x, y: after.y } : null;
            },
            [selector, hasText] as const,
          ),
        timeout,
      );
      await page.mouse.click(point.x, point.y);
      return point;
    },
    /** Moves focus to the first match (a step of a test, not input the UI acts on). */
    async focus(selector: string): Promise<void> {
      const found = await inPageEvaluate(
        page,
        (root, s) => {
          const element = root.querySelector<HTMLElement>(s);
          element?.focus();
          return element !== null && root.activeElement === element;
        },
        selector,
      );
      if (!found) throw new Error(`could not focus ${selector} in the in-page UI`);
    },
    /** An attribute of the element that holds focus in the UI (or of its closest `within`). */
    focused: (name: string, within?: string) =>
      inPageEvaluate(
        page,
        (root, [n, w]) => {
          const active = root.activeElement;
          return (w ? active?.closest(w) : active)?.getAttribute(n) ?? null;
        },
        [name, within] as const,
      ).then((a) => a ?? null),
  };
  return ui;
}

export type InPage = ReturnType<typeof inPage>;

/**
 * Clicks the pill exactly as PRODUCT.md's stable contract tells a test outside the project
 * to: the whole document from CDP's pierced DOM (`DOM.getDocument`, `pierce: true`), the
 * pill found in the shadow root there, its box from `DOM.getBoxModel`, and a trusted click
 * at the box's centre. Returns false when the pierced DOM holds no pill.
 */
export async function clickPillThroughPiercedDom(page: Page): Promise<boolean> {
  const { cdp } = await sessionOf(page);
  const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  type Node = (typeof root)['children'] extends (infer N)[] | undefined ? N : never;
  const shadowRoots: Node[] = [];
  const walk = (node: Node) => {
    for (const shadow of node.shadowRoots ?? []) {
      shadowRoots.push(shadow);
      walk(shadow);
    }
    for (const child of node.children ?? []) walk(child);
  };
  walk(root);
  for (const shadow of shadowRoots) {
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: shadow.nodeId, selector: PILL });
    if (!nodeId) continue;
    const { model } = await cdp.send('DOM.getBoxModel', { nodeId });
    const [x1, y1, , , x3, y3] = model.content;
    await page.mouse.click(((x1 ?? 0) + (x3 ?? 0)) / 2, ((y1 ?? 0) + (y3 ?? 0)) / 2);
    return true;
  }
  return false;
}
