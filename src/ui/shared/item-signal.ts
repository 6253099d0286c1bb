import { type ReadonlySignal, signal } from '@preact/signals';
import type { WxtStorageItem } from 'wxt/utils/storage';

/** A typed storage item, followed as a signal. */
export interface ItemSignal<T> {
  /** The stored value; `undefined` until it has been read once (a UI waits rather than flash a default). */
  value: ReadonlySignal<T | undefined>;
  /** Stops following the item. */
  stop(): void;
}

/**
 * The one way a Firsthand page holds a setting (issue 13): a typed storage item
 * (src/settings) as a @preact/signals signal, read once and then kept up to date with
 * every change, from this page or any other. Components that read `.value` re-render on
 * their own; writes go through the item (`item.setValue`), never through the signal.
 */
export function itemSignal<T>(item: WxtStorageItem<T, Record<string, unknown>>): ItemSignal<T> {
  const value = signal<T | undefined>(undefined);
  let changed = false;
  const unwatch = item.watch((next) => {
    changed = true;
    value.value = next;
  });
  // A change seen before the first read finished is newer than what that read returns.
  void item.getValue().then(
    (first) => {
      if (!changed) value.value = first;
    },
    () => {
      if (!changed) value.value = item.fallback;
    },
  );
  return { value, stop: unwatch };
}
