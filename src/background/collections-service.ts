import { browser } from 'wxt/browser';
import {
  addCollection,
  exportCollection,
  listCollections,
  removeCollection,
  setCollectionEnabled,
} from '@/src/collections/collection-store';
import { type ImportOutcome, outcomeOfError } from '@/src/collections/import-outcome';
import type { CollectionPack } from '@/src/corpus/collection-pack';
import { onMessage } from '@/src/messaging/protocol';

export interface CollectionsServiceOptions {
  /** The ids of the stories Firsthand ships with: an import may not reuse one. */
  bundledStoryIds(): Promise<string[]>;
}

/**
 * The imported collections' store, owned by the background (issue 13): the options page
 * asks through the typed protocol and never opens IndexedDB itself. Every change is one
 * transaction of collection-store.ts, so an import lands whole or not at all, even when
 * the page is closed or the worker stopped in the middle.
 */
export function createCollectionsService({ bundledStoryIds }: CollectionsServiceOptions) {
  return {
    list: listCollections,

    async importCollection(pack: CollectionPack, storyIds: string[], passageCount: number): Promise<ImportOutcome> {
      try {
        const bundled = new Set(await bundledStoryIds());
        return { stored: await addCollection(pack, { storyIds, passageCount }, bundled) };
      } catch (error) {
        return outcomeOfError(error);
      }
    },

    setEnabled: setCollectionEnabled,
    remove: removeCollection,
    export: async (id: string): Promise<CollectionPack | null> => (await exportCollection(id)) ?? null,
  };
}

export type CollectionsService = ReturnType<typeof createCollectionsService>;

/** Whether a message comes from one of the extension's own pages (not a content script). */
export function fromExtensionPage(sender: { tab?: unknown; url?: string }): boolean {
  return sender.url?.startsWith(browser.runtime.getURL('/')) === true;
}

/**
 * Answers the options page's collection messages. Only the extension's own pages may change
 * or read the collections: a content script runs beside pages that are not ours.
 */
export function registerCollectionsService(options: CollectionsServiceOptions): void {
  const service = createCollectionsService(options);
  const mine = <T>(sender: { url?: string }, answer: () => Promise<T>): Promise<T> =>
    fromExtensionPage(sender) ? answer() : Promise.reject(new Error('not an extension page'));
  onMessage('listCollections', ({ sender }) => mine(sender, () => service.list()));
  onMessage('importCollection', ({ sender, data }) =>
    mine(sender, () => service.importCollection(data.pack, data.storyIds, data.passageCount)),
  );
  onMessage('setCollectionEnabled', ({ sender, data }) =>
    mine(sender, () => service.setEnabled(data.id, data.enabled)),
  );
  onMessage('removeCollection', ({ sender, data }) => mine(sender, () => service.remove(data.id)));
  onMessage('exportCollection', ({ sender, data }) => mine(sender, () => service.export(data.id)));
}
