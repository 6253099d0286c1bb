import { vi } from 'vitest';

/**
 * Faults injected into fake-indexeddb (unit tests only), as Chromium shows them to a script.
 * Each returns the spy; `restoreMocks` (vitest.config.ts) undoes it after the test.
 */

type Store = IDBObjectStore & {
  transaction: IDBTransaction & {
    _execRequestAsync(request: { operation: () => unknown; source: unknown }): IDBRequest;
  };
};

/**
 * Writes to `store` fail for want of space: the request is accepted, then fails with a
 * QuotaExceededError, and the transaction aborts with it (Chromium's way when the disk or
 * the origin's quota is full).
 */
export function quotaExceededOn(store: string) {
  const fail = (original: IDBObjectStore['put']) =>
    function (this: Store, ...args: Parameters<IDBObjectStore['put']>): IDBRequest {
      if (this.name !== store) return original.apply(this, args);
      return this.transaction._execRequestAsync({
        operation: () => {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        },
        source: this,
      });
    };
  const { put, add } = IDBObjectStore.prototype;
  return [
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(fail(put)),
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(fail(add)),
  ];
}

/** Opening any database throws, as a profile whose IndexedDB is damaged or forbidden does. */
export function openThrows() {
  return vi.spyOn(indexedDB, 'open').mockImplementation(() => {
    throw new DOMException('Internal error opening backing store for indexedDB.open.', 'UnknownError');
  });
}

/**
 * Everything a database holds, store by store, as text: strings as they are, byte arrays
 * decoded as UTF-8 (the cache keeps passages' text so). What a search for a trace reads.
 */
export async function everyStoreAsText(name: string): Promise<Record<string, string>> {
  const database = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const decoder = new TextDecoder();
  const text = (value: unknown): string => {
    if (value instanceof Uint8Array) return decoder.decode(value);
    if (ArrayBuffer.isView(value)) return '';
    if (typeof value === 'string') return value;
    if (Array.isArray(value)) return value.map(text).join('\n');
    if (typeof value === 'object' && value !== null) {
      return Object.entries(value)
        .map(([key, v]) => `${key}\n${text(v)}`)
        .join('\n');
    }
    return String(value);
  };
  const stores: Record<string, string> = {};
  for (const store of Array.from(database.objectStoreNames)) {
    stores[store] = await new Promise<string>((resolve, reject) => {
      // Keys too: a collection's id or a word could be a key.
      const objects = database.transaction(store).objectStore(store);
      const keys = objects.getAllKeys();
      const all = objects.getAll();
      all.onsuccess = () => resolve([text(keys.result), text(all.result)].filter(Boolean).join('\n'));
      all.onerror = () => reject(all.error);
    });
  }
  database.close();
  return stores;
}
