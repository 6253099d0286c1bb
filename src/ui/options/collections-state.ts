import { batch, signal } from '@preact/signals';
import type { StoredCollection } from '@/src/collections/collection-store';
import {
  type ImportPreview,
  type ImportStage,
  importFailure,
  importProblems,
  type Naming,
  type NamingField,
  NO_NAMING,
  namingFor,
  neighbourOf,
  packToStore,
  previewCollectionId,
  readChosenFiles,
  withTyped,
} from '@/src/collections/import-flow';
import { packFileName, packText } from '@/src/collections/read-import';
import type { CollectionPack } from '@/src/corpus/collection-pack';
import { i18n } from '@/src/i18n';
import { failureText, neededMb, number, passagesText, problemText, refusalText, storiesText } from './collection-texts';
import type { Announce } from './use-status';

/** The collection store, through the background (collections-client.ts); passed in so tests need none. */
export interface CollectionsStore {
  list(): Promise<StoredCollection[]>;
  /**
   * Stores a collection whole, or throws (ImportRefused when an id is taken, by another
   * collection or a story Firsthand ships with) and changes nothing.
   */
  add(pack: CollectionPack, counts: { storyIds: string[]; passageCount: number }): Promise<StoredCollection>;
  setEnabled(id: string, enabled: boolean): Promise<void>;
  remove(id: string): Promise<void>;
  exportPack(id: string): Promise<CollectionPack | undefined>;
}

export interface CollectionsDeps {
  store: CollectionsStore;
  /** The ids of the stories Firsthand ships with (the background's): an import may not reuse one. */
  bundledStoryIds(): Promise<string[]>;
  /**
   * Tells the background the collections changed; resolves once it has indexed them again,
   * with about how many bytes its cache needs when the disk had no room for it.
   */
  collectionsChanged(): Promise<{ passages: number; stories: number; cacheBytesShort?: number }>;
  /** Says what happened, in the page's status line. */
  announce: Announce;
  /** Saves a file for the reader (a Blob URL and an `<a download>` in the page). */
  download(fileName: string, text: string): void;
}

/** Where focus goes once the list or the import area has re-rendered. */
export type FocusTarget =
  | { to: 'collection'; id: string }
  | { to: 'choose' }
  | { to: 'preview' }
  | { to: 'remove'; id: string }
  | { to: 'cancel-remove' }
  | { to: 'naming'; field: NamingField };

/**
 * The Collections section's store (issue 13: signals, one way to hold UI state): the list
 * as the background has it, the import's stage (import-flow.ts), the naming, and what
 * focus should do next. Every change goes through the background and is said in the
 * page's status line.
 */
export function createCollectionsState(deps: CollectionsDeps) {
  const { store, announce } = deps;
  const collections = signal<StoredCollection[] | undefined>(undefined);
  const listFailed = signal(false);
  const stage = signal<ImportStage>({ step: 'idle' });
  const naming = signal<Naming>(NO_NAMING);
  const fileError = signal('');
  /** How many re-indexings are under way. */
  const indexing = signal(0);
  /** The collection whose removal is being asked about. */
  const confirming = signal<string | null>(null);
  /** Read (and cleared) by the section once it has rendered. */
  const focus = signal<FocusTarget | null>(null);

  const refresh = async (): Promise<StoredCollection[] | undefined> => {
    try {
      const list = await store.list();
      batch(() => {
        collections.value = list;
        listFailed.value = false;
      });
      return list;
    } catch {
      listFailed.value = true;
      return undefined;
    }
  };

  /** Tells the background, then says `done` (or that the search could not follow yet). */
  const reindex = async (done: string) => {
    indexing.value++;
    try {
      // A worker the browser stopped while it indexed never answers: asked again, a new
      // one indexes what the store holds (issue 12).
      const indexed = await deps.collectionsChanged().catch(() => deps.collectionsChanged());
      announce(
        indexed.cacheBytesShort === undefined
          ? done
          : `${done} ${i18n.t('collections.cache_no_space', [neededMb(indexed.cacheBytesShort)])}`,
      );
    } catch {
      announce(`${done} ${i18n.t('collections.index_failed')}`, 'failed');
    } finally {
      indexing.value--;
    }
  };

  /** The problems a preview shows now, in the reader's words. */
  const problemsOf = (preview: ImportPreview) =>
    importProblems(preview, previewCollectionId(preview, naming.value)).map(problemText);

  const choose = async (files: File[]) => {
    if (stage.value.step === 'reading' || stage.value.step === 'saving') return;
    let read: Awaited<ReturnType<typeof readChosenFiles>>;
    try {
      read = await readChosenFiles(files, (done, total) => {
        batch(() => {
          fileError.value = '';
          confirming.value = null;
          stage.value = { step: 'reading', done, total };
        });
      });
    } catch (error) {
      batch(() => {
        stage.value = { step: 'idle' };
        fileError.value = i18n.t('collections.read_failed', [error instanceof Error ? error.message : String(error)]);
      });
      return;
    }
    if (!read) return;
    if ('refused' in read) {
      fileError.value = refusalText(read.refused);
      return;
    }
    const { candidate } = read;
    // What is there now, to find the clashes the store would refuse before the reader accepts.
    const [bundled, imported] = await Promise.all([
      deps.bundledStoryIds().then(
        (ids) => new Set(ids),
        () => undefined,
      ),
      refresh(),
    ]);
    const preview: ImportPreview = {
      candidate,
      ...(bundled ? { bundled } : {}),
      imported: imported ?? collections.value ?? [],
    };
    batch(() => {
      fileError.value = '';
      naming.value = namingFor(candidate);
      stage.value = { step: 'preview', preview };
      focus.value = { to: 'preview' };
    });
    const blocking = problemsOf(preview);
    // The problems are listed in the preview, which takes focus: said again to screen readers only.
    if (blocking.length > 0)
      announce(i18n.t('collections.problems', blocking.length, [number(blocking.length)]), 'beside');
    else
      announce(
        i18n.t('collections.checked', [
          candidate.collection?.title ?? candidate.files.join(', '),
          storiesText(candidate.stories.length),
          passagesText(candidate.passageCount),
        ]),
      );
  };

  const cancel = () => {
    batch(() => {
      stage.value = { step: 'idle' };
      naming.value = NO_NAMING;
      focus.value = { to: 'choose' };
    });
  };

  const accept = async (preview: ImportPreview) => {
    const toStore = packToStore(preview.candidate, naming.value);
    if (toStore && 'invalid' in toStore) {
      const [first] = toStore.invalid;
      batch(() => {
        naming.value = { ...naming.value, checked: true };
        if (first) focus.value = { to: 'naming', field: first };
      });
      return;
    }
    if (!toStore || !preview.bundled) return;
    stage.value = { step: 'saving', preview };
    let stored: StoredCollection;
    try {
      stored = await store.add(toStore.pack, toStore.counts);
    } catch (error) {
      // Refused or failed: the store changed nothing, and the preview stays for another try.
      const imported = (await refresh()) ?? preview.imported;
      stage.value = { step: 'preview', preview: { ...preview, imported } };
      announce(failureText(importFailure(error, preview.candidate)), 'failed');
      return;
    }
    batch(() => {
      stage.value = { step: 'idle' };
      naming.value = NO_NAMING;
      focus.value = { to: 'collection', id: stored.id };
    });
    await refresh();
    await reindex(
      i18n.t('collections.imported', [stored.title, storiesText(stored.storyCount), passagesText(stored.passageCount)]),
    );
  };

  const setEnabled = async (collection: StoredCollection, enabled: boolean) => {
    collections.value = collections.value?.map((c) => (c.id === collection.id ? { ...c, enabled } : c));
    try {
      await store.setEnabled(collection.id, enabled);
    } catch {
      await refresh();
      announce(i18n.t('collections.change_failed', [collection.title]), 'failed');
      return;
    }
    await refresh();
    await reindex(
      enabled
        ? i18n.t('collections.enabled_done', [collection.title])
        : i18n.t('collections.disabled_done', [collection.title]),
    );
  };

  const remove = async (collection: StoredCollection) => {
    const next = neighbourOf(collections.value ?? [], collection.id);
    try {
      await store.remove(collection.id);
    } catch {
      announce(i18n.t('collections.remove_failed', [collection.title]), 'failed');
      return;
    }
    batch(() => {
      confirming.value = null;
      // Focus to the collection that takes its place, else the one before, else the file picker.
      focus.value = next ? { to: 'collection', id: next } : { to: 'choose' };
    });
    await refresh();
    await reindex(i18n.t('collections.removed', [collection.title]));
  };

  const exportOne = async (collection: StoredCollection) => {
    const pack = await store.exportPack(collection.id).catch(() => undefined);
    if (!pack) {
      announce(i18n.t('collections.export_failed', [collection.title]), 'failed');
      return;
    }
    const name = packFileName(collection.id);
    deps.download(name, packText(pack));
    announce(i18n.t('collections.exported', [collection.title, name]));
  };

  /** Opens the question "Remove …?" for a collection, or closes it (focus back to its button). */
  const askRemove = (id: string | null) => {
    const closing = confirming.value;
    batch(() => {
      confirming.value = id;
      if (id !== null) focus.value = { to: 'cancel-remove' };
      else if (closing) focus.value = { to: 'remove', id: closing };
    });
  };

  return {
    collections,
    listFailed,
    stage,
    naming,
    fileError,
    indexing,
    confirming,
    focus,
    refresh,
    choose,
    cancel,
    accept,
    setEnabled,
    remove,
    exportOne,
    askRemove,
    problemsOf,
    type: (field: NamingField, value: string) => {
      naming.value = withTyped(naming.value, field, value);
    },
  };
}

export type CollectionsState = ReturnType<typeof createCollectionsState>;
