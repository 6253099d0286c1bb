import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import {
  type CollectionMeta,
  type CollectionPack,
  makePack,
  overCap,
  type PackStoryFile,
  readStoryFiles,
} from '@/src/corpus/collection-pack';
import { passagesOf } from '@/src/corpus/parse-story';
import type { Story } from '@/src/corpus/types';
import { ImportRefused, ImportTooLarge, isQuotaError, NotEnoughSpace, packHash } from './import-outcome';

export { ImportRefused, ImportTooLarge, isQuotaError, NotEnoughSpace } from './import-outcome';

/**
 * The collections a reader imported, in the extension's IndexedDB, which only the
 * background opens: it imports for the options page (src/background/collections-service.ts,
 * through the typed protocol) and indexes them. A collection is kept as its
 * pack's source files, so it can be indexed again by a newer Firsthand, and exported as it
 * came. Every change is one transaction: an import either lands whole or not at all. The
 * cache (the combined index, with the passages' text) only ever holds the enabled
 * collections' text: every change drops it in its own transaction, and a cache made while
 * the collections changed is not written (issue 12).
 */
export interface StoredCollection extends CollectionMeta {
  /** Shown in page matches, the popup and the reader; a disabled one is kept, not used. */
  enabled: boolean;
  /** ISO time of the import. */
  importedAt: string;
  storyCount: number;
  passageCount: number;
  /** The story ids, to refuse an import that reuses one. */
  storyIds: string[];
  /** A hash of the pack (name and source files): part of the cache's signature. Older imports have none. */
  contentHash?: string;
}

interface CollectionsDb extends DBSchema {
  collections: { key: string; value: StoredCollection };
  sources: { key: string; value: { id: string; stories: PackStoryFile[] } };
  /** Derived data the background can always rebuild (the combined search index). */
  cache: { key: string; value: { key: string; signature: string; value: unknown } };
}

export const COLLECTIONS_DB = 'firsthand-collections';

let opening: Promise<IDBPDatabase<CollectionsDb>> | undefined;
function db(): Promise<IDBPDatabase<CollectionsDb>> {
  opening ??= openDB<CollectionsDb>(COLLECTIONS_DB, 1, {
    upgrade(database) {
      database.createObjectStore('collections', { keyPath: 'id' });
      database.createObjectStore('sources', { keyPath: 'id' });
      database.createObjectStore('cache', { keyPath: 'key' });
    },
  }).catch((error) => {
    opening = undefined;
    throw error;
  });
  return opening;
}

/** Forgets the open connection (tests delete the database between cases). */
export async function closeCollectionStore(): Promise<void> {
  const open = opening;
  opening = undefined;
  if (open) (await open.catch(() => undefined))?.close();
}

export async function listCollections(): Promise<StoredCollection[]> {
  return inOrder(await (await db()).getAll('collections'));
}

const inOrder = (all: StoredCollection[]) =>
  all.sort((a, b) => a.importedAt.localeCompare(b.importedAt) || a.id.localeCompare(b.id));

/** The enabled collections, and what each holds, as one string ('' when none is enabled). */
function signatureOf(collections: readonly StoredCollection[]): string {
  return inOrder(collections.filter((c) => c.enabled))
    .map((c) => `${c.id}@${c.importedAt}#${c.contentHash ?? ''}`)
    .join('|');
}

/**
 * About what an import needs on disk: its source files as UTF-8, and about as much again
 * for the combined index the background caches beside them (npm run bench:cache: 32 MB for
 * a 35 MB pack of 50,000 passages).
 */
export function importBytes(pack: CollectionPack): number {
  const encoder = new TextEncoder();
  let bytes = 0;
  for (const { file, source } of pack.stories) bytes += encoder.encode(file).length + encoder.encode(source).length;
  return 2 * bytes;
}

/**
 * Adds a collection, in one transaction that also checks its id and its story ids against
 * what is there (`takenStoryIds`: the bundled stories'), and the caps on stories and
 * passages. Refused whole, changing nothing; a write the browser has no space for throws
 * NotEnoughSpace, and changes nothing either.
 */
export async function addCollection(
  pack: CollectionPack,
  counts: { storyIds: string[]; passageCount: number },
  takenStoryIds: ReadonlySet<string> = new Set(),
  now = new Date(),
): Promise<StoredCollection> {
  const database = await db();
  const hash = packHash(pack);
  const tx = database.transaction(['collections', 'sources', 'cache'], 'readwrite');
  const collections = tx.objectStore('collections');
  const done = tx.done;
  try {
    if (await collections.get(pack.collection.id)) throw new ImportRefused('collection-exists', pack.collection.id);
    const others = await collections.getAll();
    const taken = new Set(takenStoryIds);
    for (const other of others) for (const id of other.storyIds) taken.add(id);
    const clash = counts.storyIds.find((id) => taken.has(id));
    if (clash) throw new ImportRefused('story-exists', clash);
    const over = overCap({ storyCount: counts.storyIds.length, passageCount: counts.passageCount }, others);
    if (over) throw new ImportTooLarge(over);
    const stored: StoredCollection = {
      ...pack.collection,
      enabled: true,
      importedAt: now.toISOString(),
      storyCount: counts.storyIds.length,
      passageCount: counts.passageCount,
      storyIds: [...counts.storyIds],
      contentHash: hash,
    };
    await collections.add(stored);
    await tx.objectStore('sources').add({ id: pack.collection.id, stories: pack.stories });
    await tx.objectStore('cache').clear();
    await done;
    return stored;
  } catch (error) {
    // Aborting rolls back whatever the transaction wrote; `done` then rejects, expectedly.
    // A failed write may have aborted it already (a full disk does), and abort() then throws.
    try {
      tx.abort();
    } catch {
      // already aborted
    }
    await done.catch(() => {});
    // Chrome reports a full disk as the transaction's error, after the writes were accepted.
    if (isQuotaError(error) || isQuotaError(tx.error)) throw new NotEnoughSpace(importBytes(pack));
    throw error;
  }
}

/** Disables (its text leaves the cache at once; its sources are kept) or enables a collection. */
export async function setCollectionEnabled(id: string, enabled: boolean): Promise<void> {
  const database = await db();
  const tx = database.transaction(['collections', 'cache'], 'readwrite');
  const collections = tx.objectStore('collections');
  const stored = await collections.get(id);
  if (stored) await Promise.all([collections.put({ ...stored, enabled }), tx.objectStore('cache').clear()]);
  await tx.done;
}

/** Removes a collection, its source files and the cache that holds its text, in one transaction. */
export async function removeCollection(id: string): Promise<void> {
  const database = await db();
  const tx = database.transaction(['collections', 'sources', 'cache'], 'readwrite');
  await Promise.all([
    tx.objectStore('collections').delete(id),
    tx.objectStore('sources').delete(id),
    tx.objectStore('cache').clear(),
    tx.done,
  ]);
}

/** A collection as a pack again, as it was imported (its source files unchanged). */
export async function exportCollection(id: string): Promise<CollectionPack | undefined> {
  const database = await db();
  const [stored, sources] = await Promise.all([database.get('collections', id), database.get('sources', id)]);
  if (!stored || !sources) return undefined;
  const { id: collectionId, title, publisher, description } = stored;
  return makePack({ id: collectionId, title, publisher, ...(description ? { description } : {}) }, sources.stories);
}

/**
 * The source files of every enabled collection, with the collection they come from, and
 * their signature: read in one transaction, so an index made of them is cached under the
 * signature of what it holds.
 */
export async function enabledSources(): Promise<{
  signature: string;
  sources: { collection: StoredCollection; stories: PackStoryFile[] }[];
}> {
  const tx = (await db()).transaction(['collections', 'sources']);
  const enabled = inOrder(await tx.objectStore('collections').getAll()).filter((c) => c.enabled);
  const sources = await Promise.all(enabled.map((c) => tx.objectStore('sources').get(c.id)));
  await tx.done;
  return {
    signature: signatureOf(enabled),
    sources: enabled.map((collection, i) => ({ collection, stories: sources[i]?.stories ?? [] })),
  };
}

/**
 * An enabled collection's story, read from its source file as the reader opens it: the
 * search index keeps only the passages' text, not the stories' headings, captions and notes.
 */
export async function enabledStory(storyId: string): Promise<Story | undefined> {
  const holder = (await listCollections()).find((c) => c.enabled && c.storyIds.includes(storyId));
  if (!holder) return undefined;
  const sources = await (await db()).get('sources', holder.id);
  const file = sources?.stories.find((f) => f.file.replace(/^.*[\\/]/, '') === `${storyId}.md`);
  const story = file ? readStoryFiles([file]).stories.find((s) => s.id === storyId) : undefined;
  // Its blocks carry their passages' ids, as the reader highlights and cites them.
  if (story) passagesOf(story);
  return story;
}

/** What the enabled collections are, as one string: the combined index is rebuilt when it changes. */
export async function collectionsSignature(): Promise<string> {
  return signatureOf(await (await db()).getAll('collections'));
}

export async function readCache<T>(key: string, signature: string): Promise<T | undefined> {
  const entry = await (await db()).get('cache', key);
  return entry && entry.signature === signature ? (entry.value as T) : undefined;
}

/**
 * Replaces everything cached with these entries, in one transaction, if the enabled
 * collections are still those of `collections` (their signature): a cache made while a
 * collection was being removed or disabled would bring its text back. Says whether it wrote.
 */
export async function writeCache(
  signature: string,
  entries: [key: string, value: unknown][],
  collections: string,
): Promise<boolean> {
  const tx = (await db()).transaction(['collections', 'cache'], 'readwrite');
  const cache = tx.objectStore('cache');
  const current = signatureOf(await tx.objectStore('collections').getAll());
  if (current !== collections) {
    await tx.done;
    return false;
  }
  await Promise.all([cache.clear(), ...entries.map(([key, value]) => cache.put({ key, signature, value })), tx.done]);
  return true;
}

/** Drops everything cached (with no collection enabled, nothing of theirs is to be kept). */
export async function clearCache(): Promise<void> {
  const tx = (await db()).transaction('cache', 'readwrite');
  if ((await tx.store.count()) > 0) await tx.store.clear();
  await tx.done;
}
