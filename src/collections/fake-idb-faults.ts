/**
 * Faults injected into fake-indexeddb (unit tests only), as Chromium shows them to a script,
 * and what a test reads back. A fault returns its spy; `restoreMocks` (vitest.config.ts)
 * undoes it after the test.
 */

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
    if (typeof value === 'object' && value !== null) return Object.values(value).map(text).join('\n');
    return String(value);
  };
  const stores: Record<string, string> = {};
  for (const store of Array.from(database.objectStoreNames)) {
    stores[store] = await new Promise<string>((resolve, reject) => {
      const all = database.transaction(store).objectStore(store).getAll();
      all.onsuccess = () => resolve(text(all.result));
      all.onerror = () => reject(all.error);
    });
  }
  database.close();
  return stores;
}
