import { browser } from 'wxt/browser';

type Handler = (event: Event) => void;

/**
 * The context of the scripts the background injects (the detector, the in-page UI, the
 * panel's code): what they use of WXT's `ContentScriptContext`, without what a page could
 * see. WXT's context announces itself to the page — a
 * `<extension id>:firsthand:wxt:content-script-started` event on `document` when it starts,
 * a `...:wxt:locationchange` event on `window` at every navigation — and an extension's id
 * is public, so any page could tell Firsthand is installed, private mode or not. This one
 * dispatches nothing: invalidation is read from the runtime, and address changes are
 * watched inside the isolated world. wxt.config.ts puts it in place of WXT's for their
 * builds.
 */
export class ContentScriptContext {
  readonly #abort = new AbortController();
  #watchingLocation = false;
  readonly #locationHandlers: Handler[] = [];

  get signal(): AbortSignal {
    return this.#abort.signal;
  }

  /** An extension that was updated or removed leaves its old scripts running, orphaned. */
  get isInvalid(): boolean {
    if (browser.runtime?.id == null) this.notifyInvalidated();
    return this.signal.aborted;
  }

  get isValid(): boolean {
    return !this.isInvalid;
  }

  onInvalidated(callback: () => void): () => void {
    this.signal.addEventListener('abort', callback);
    return () => this.signal.removeEventListener('abort', callback);
  }

  setTimeout(handler: () => void, timeout?: number): number {
    const id = window.setTimeout(() => {
      if (this.isValid) handler();
    }, timeout);
    this.onInvalidated(() => clearTimeout(id));
    return id;
  }

  /**
   * Like `target.addEventListener`, removed when the context is invalidated.
   * `wxt:locationchange` is watched here and never dispatched to the page.
   */
  addEventListener(target: EventTarget, type: string, handler: Handler, options?: AddEventListenerOptions): void {
    if (type === 'wxt:locationchange') {
      this.#locationHandlers.push(handler);
      this.#watchLocation();
      return;
    }
    target.addEventListener(type, handler, { ...options, signal: this.signal });
  }

  notifyInvalidated(): void {
    this.#abort.abort('Content script context invalidated');
  }

  /** The Navigation API where the browser has it, else a look at the address every second. */
  #watchLocation(): void {
    if (this.#watchingLocation) return;
    this.#watchingLocation = true;
    let last = location.href;
    const changed = (href: string) => {
      if (href === last) return;
      last = href;
      // Shaped like WXT's event: the new address as `newUrl`.
      const event = Object.assign(new Event('locationchange'), { newUrl: new URL(href) });
      for (const handler of this.#locationHandlers) handler(event);
    };
    const navigation = (globalThis as { navigation?: EventTarget }).navigation;
    if (navigation && typeof navigation.addEventListener === 'function') {
      navigation.addEventListener(
        'navigate',
        (event) => changed((event as Event & { destination: { url: string } }).destination.url),
        { signal: this.signal },
      );
    } else {
      const id = window.setInterval(() => this.isValid && changed(location.href), 1000);
      this.onInvalidated(() => clearInterval(id));
    }
  }
}
