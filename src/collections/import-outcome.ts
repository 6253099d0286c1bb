import type { CollectionPack, OverCap } from '@/src/corpus/collection-pack';
import { contentHash } from '@/src/corpus/content-hash';
import type { StoredCollection } from './collection-store';

/**
 * How an import ended, as the background answers the options page (`importCollection` in
 * src/messaging/protocol.ts): a plain, typed object, where the store throws. Either the
 * collection was stored whole, or nothing was.
 */
export type ImportOutcome =
  | { stored: StoredCollection }
  | { refused: { reason: 'collection-exists' | 'story-exists'; id: string } }
  | { tooLarge: OverCap }
  | { noSpace: { bytesNeeded: number } }
  | { failed: string };

/** Why an import was refused: it would change or shadow what is already there. */
export class ImportRefused extends Error {
  constructor(
    readonly reason: 'collection-exists' | 'story-exists',
    readonly id: string,
  ) {
    super(
      reason === 'collection-exists'
        ? `a collection "${id}" is already imported`
        : `a story "${id}" is already in Firsthand`,
    );
    this.name = 'ImportRefused';
  }
}

/** Why an import was refused: it would go over a cap on stories or passages (collection-pack.ts CAPS). */
export class ImportTooLarge extends Error {
  constructor(readonly over: OverCap) {
    super(
      `${over.count} ${over.what} ${over.scope === 'total' ? 'imported in all' : 'in one collection'}: at most ${over.max}`,
    );
    this.name = 'ImportTooLarge';
  }
}

/** The browser refused to store an import: not enough space (QuotaExceededError). Nothing was stored. */
export class NotEnoughSpace extends Error {
  constructor(readonly bytesNeeded: number) {
    super(`not enough space: about ${Math.ceil(bytesNeeded / 1024 / 1024)} MB needed`);
    this.name = 'NotEnoughSpace';
  }
}

/** IndexedDB says a write went over the quota as the request's or the transaction's error. */
export function isQuotaError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'name' in error && error.name === 'QuotaExceededError';
}

/** What the store's error (addCollection) says, as an outcome to send. */
export function outcomeOfError(error: unknown): ImportOutcome {
  if (error instanceof ImportRefused) return { refused: { reason: error.reason, id: error.id } };
  if (error instanceof ImportTooLarge) return { tooLarge: error.over };
  if (error instanceof NotEnoughSpace) return { noSpace: { bytesNeeded: error.bytesNeeded } };
  return { failed: error instanceof Error ? error.message : String(error) };
}

/** The stored collection, or the store's error again, as the page shows it. */
export function storedOrThrow(outcome: ImportOutcome): StoredCollection {
  if ('stored' in outcome) return outcome.stored;
  if ('refused' in outcome) throw new ImportRefused(outcome.refused.reason, outcome.refused.id);
  if ('tooLarge' in outcome) throw new ImportTooLarge(outcome.tooLarge);
  if ('noSpace' in outcome) throw new NotEnoughSpace(outcome.noSpace.bytesNeeded);
  throw new Error(outcome.failed);
}

/**
 * A pack's content hash (name and source files), stored with it as `contentHash`: tells
 * this import of a pack from another collection under the same id.
 */
export const packHash = (pack: CollectionPack) =>
  contentHash([JSON.stringify(pack.collection), ...pack.stories.flatMap(({ file, source }) => [file, source])]);
