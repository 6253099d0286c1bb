import { useEffect, useRef, useState } from 'preact/hooks';
import type {
  ImportRefused,
  ImportTooLarge,
  NotEnoughSpace,
  StoredCollection,
} from '@/src/collections/collection-store';
import {
  type CollectionMeta,
  type CollectionPack,
  MAX_PACK_BYTES,
  makePack,
  type OverCap,
  overCap,
} from '@/src/corpus/collection-pack';
import { i18n, uiLanguage } from '@/src/i18n';
import { useUniqueId } from '../shared/unique-id';
import { translatedProblemText } from './problem-text';
import {
  type Clash,
  classifyFiles,
  type FileRefusal,
  findClashes,
  type ImportCandidate,
  idFromTitle,
  isCollectionId,
  packFileName,
  packText,
  readMarkdownFiles,
  readPackFile,
} from './read-import';

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

export interface CollectionsProps {
  store: CollectionsStore;
  /** The ids of the stories Firsthand ships with (the background's): an import may not reuse one. */
  bundledStoryIds(): Promise<string[]>;
  /**
   * Tells the background the collections changed; resolves once it has indexed them again,
   * with about how many bytes its cache needs when the disk had no room for it.
   */
  collectionsChanged(): Promise<{ passages: number; stories: number; cacheBytesShort?: number }>;
  /** Says what happened, in the page's status line. */
  announce(message: string): void;
  /** Saves a file for the reader (default: a Blob URL and an `<a download>`). */
  download?(fileName: string, text: string): void;
}

/** How many problems and story titles a preview lists; the rest are counted. */
const PROBLEMS_SHOWN = 20;
const TITLES_SHOWN = 5;

type Stage =
  | { step: 'idle' }
  | { step: 'reading'; done: number; total: number }
  | { step: 'preview' | 'saving'; preview: Preview };

interface Preview {
  candidate: ImportCandidate;
  /** The stories Firsthand ships with; undefined when the background could not say. */
  bundled?: ReadonlySet<string>;
  imported: readonly StoredCollection[];
}

/** The name the reader gives a collection of Markdown files. */
interface Naming {
  title: string;
  publisher: string;
  id: string;
  /** The reader typed the id: it no longer follows the title. */
  idEdited: boolean;
  /** Field errors show once the reader tried to import. */
  checked: boolean;
}

const NO_NAMING: Naming = { title: '', publisher: '', id: '', idEdited: false, checked: false };

/** An imported collection's title element, where focus goes after an import. */
const titleId = (id: string) => `fh-collection-${id}`;

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const number = (n: number) => n.toLocaleString(uiLanguage());
const storiesText = (n: number) => i18n.t('collections.stories', n, [number(n)]);
const passagesText = (n: number) => i18n.t('collections.passages', n, [number(n)]);

function refusalText(refused: Exclude<FileRefusal, { reason: 'none' }>): string {
  switch (refused.reason) {
    case 'wrong-type':
      return i18n.t('collections.wrong_type', [refused.file]);
    case 'mixed':
      return i18n.t('collections.mixed');
    case 'too-large':
      return i18n.t('collections.too_large', [megabytes(refused.bytes), megabytes(MAX_PACK_BYTES)]);
  }
}

function clashText(clash: Clash): string {
  switch (clash.kind) {
    case 'bundled':
      return i18n.t('collections.clash_bundled', [clash.file, clash.storyId]);
    case 'imported':
      return i18n.t('collections.clash_imported', [clash.file, clash.storyId, clash.collection]);
    case 'collection':
      return i18n.t('collections.clash_collection', [clash.id, clash.title]);
  }
}

function isImportRefused(error: unknown): error is ImportRefused {
  return error instanceof Error && error.name === 'ImportRefused' && 'reason' in error && 'id' in error;
}

function isTooLarge(error: unknown): error is ImportTooLarge {
  return error instanceof Error && error.name === 'ImportTooLarge' && 'over' in error;
}

function isNotEnoughSpace(error: unknown): error is NotEnoughSpace {
  return error instanceof Error && error.name === 'NotEnoughSpace' && 'bytesNeeded' in error;
}

/** Megabytes a reader is told are needed: rounded up, at least 1. */
const neededMb = (bytes: number) => number(Math.max(1, Math.ceil(bytes / 1024 / 1024)));

/**
 * A cap an import would go over (collection-pack.ts CAPS), in the reader's words;
 * `imported`: what the collections already there count.
 */
function overCapText({ scope, what, count, max }: OverCap, imported: number): string {
  const [n, m, i] = [number(count), number(max), number(imported)];
  if (scope === 'collection') {
    return what === 'stories'
      ? i18n.t('collections.cap_collection_stories', [n, m])
      : i18n.t('collections.cap_collection_passages', [n, m]);
  }
  return what === 'stories'
    ? i18n.t('collections.cap_total_stories', [i, n, m])
    : i18n.t('collections.cap_total_passages', [i, n, m]);
}

function downloadText(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: revoking at once can cancel the download before the browser reads it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * The collections a reader imported, and importing one: a pack or story files, from the file
 * picker or dropped, previewed with every problem before anything is stored.
 */
export function Collections({
  store,
  bundledStoryIds,
  collectionsChanged,
  announce,
  download = downloadText,
}: CollectionsProps) {
  const headingId = useUniqueId();
  const dropHintId = useUniqueId();
  const errorId = useUniqueId();
  const previewHeadingId = useUniqueId();
  const problemsId = useUniqueId();
  const fieldIds = { title: useUniqueId(), publisher: useUniqueId(), id: useUniqueId(), idHint: useUniqueId() };
  const fieldErrorIds = { title: useUniqueId(), publisher: useUniqueId(), id: useUniqueId() };

  const [collections, setCollections] = useState<StoredCollection[] | undefined>(undefined);
  const [listFailed, setListFailed] = useState(false);
  const [stage, setStage] = useState<Stage>({ step: 'idle' });
  const [naming, setNaming] = useState<Naming>(NO_NAMING);
  const [fileError, setFileError] = useState('');
  const [indexing, setIndexing] = useState(0);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [dropping, setDropping] = useState(false);

  const inputRef = useRef<HTMLInputElement>(null);
  const chooseRef = useRef<HTMLButtonElement>(null);
  const previewHeadingRef = useRef<HTMLHeadingElement>(null);
  const removeRefs = useRef(new Map<string, HTMLButtonElement>());
  const cancelRemoveRef = useRef<HTMLButtonElement>(null);
  /** Where focus goes once the list or the import area has re-rendered. */
  const focusNext = useRef<
    { to: 'collection'; id: string } | { to: 'choose' } | { to: 'preview' } | { to: 'remove'; id: string } | null
  >(null);
  const confirmMoved = useRef(false);

  const refresh = async (): Promise<StoredCollection[] | undefined> => {
    try {
      const list = await store.list();
      setCollections(list);
      setListFailed(false);
      return list;
    } catch {
      setListFailed(true);
      return undefined;
    }
  };

  useEffect(() => {
    void refresh();
    // A file dropped beside the drop zone would make the browser leave this page to show it.
    const keepPage = (event: DragEvent) => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    };
    document.addEventListener('dragover', keepPage);
    document.addEventListener('drop', keepPage);
    return () => {
      document.removeEventListener('dragover', keepPage);
      document.removeEventListener('drop', keepPage);
    };
  }, []);

  useEffect(() => {
    const next = focusNext.current;
    if (!next) return;
    const target =
      next.to === 'collection'
        ? document.getElementById(titleId(next.id))
        : next.to === 'remove'
          ? removeRefs.current.get(next.id)
          : next.to === 'preview'
            ? previewHeadingRef.current
            : chooseRef.current;
    // Not there yet (the list is being read again): the next render moves it.
    if (!target) return;
    focusNext.current = null;
    target.focus();
  });

  useEffect(() => {
    if (!confirmMoved.current) return;
    confirmMoved.current = false;
    if (confirming) cancelRemoveRef.current?.focus();
  }, [confirming]);

  /** Tells the background, then says `done` (or that the search could not follow yet). */
  const reindex = async (done: string) => {
    setIndexing((n) => n + 1);
    try {
      // A worker the browser stopped while it indexed never answers: asked again, a new
      // one indexes what the store holds (issue 12).
      const indexed = await collectionsChanged().catch(() => collectionsChanged());
      announce(
        indexed.cacheBytesShort === undefined
          ? done
          : `${done} ${i18n.t('collections.cache_no_space', [neededMb(indexed.cacheBytesShort)])}`,
      );
    } catch {
      announce(`${done} ${i18n.t('collections.index_failed')}`);
    } finally {
      setIndexing((n) => n - 1);
    }
  };

  const choose = async (files: File[]) => {
    if (stage.step === 'reading' || stage.step === 'saving') return;
    const kind = classifyFiles(files);
    if ('reason' in kind) {
      if (kind.reason !== 'none') setFileError(refusalText(kind));
      return;
    }
    setFileError('');
    setConfirming(null);
    setStage({ step: 'reading', done: 0, total: 0 });
    const progress = (done: number, total: number) => setStage({ step: 'reading', done, total });
    let candidate: ImportCandidate;
    try {
      const read = await Promise.all(
        files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
      );
      const [first] = read;
      candidate =
        kind.kind === 'pack' && first
          ? await readPackFile(first.name, first.bytes, progress)
          : await readMarkdownFiles(read, progress);
    } catch (error) {
      setStage({ step: 'idle' });
      setFileError(i18n.t('collections.read_failed', [error instanceof Error ? error.message : String(error)]));
      return;
    }
    // What is there now, to find the clashes the store would refuse before the reader accepts.
    const [bundled, imported] = await Promise.all([
      bundledStoryIds().then(
        (ids) => new Set(ids),
        () => undefined,
      ),
      refresh(),
    ]);
    const preview: Preview = { candidate, ...(bundled ? { bundled } : {}), imported: imported ?? collections ?? [] };
    // Stories that all name one publisher name the collection's too, until the reader says otherwise.
    const publishers = new Set(candidate.stories.map((s) => s.publisher));
    setNaming({ ...NO_NAMING, publisher: publishers.size === 1 ? ([...publishers][0] ?? '') : '' });
    setStage({ step: 'preview', preview });
    focusNext.current = { to: 'preview' };
    const blocking = blockingProblems(preview, candidate.collection?.id);
    announce(
      blocking.length > 0
        ? i18n.t('collections.problems', blocking.length, [number(blocking.length)])
        : i18n.t('collections.checked', [
            candidate.collection?.title ?? candidate.files.join(', '),
            storiesText(candidate.stories.length),
            passagesText(candidate.passageCount),
          ]),
    );
  };

  /** Every problem the preview shows: the files', then what the store would refuse. */
  const blockingProblems = (preview: Preview, collectionId: string | undefined): string[] => {
    const { candidate, bundled, imported } = preview;
    const texts = candidate.problems.map(translatedProblemText);
    if (candidate.stories.length > 0) {
      texts.push(...findClashes(candidate, collectionId, bundled ?? new Set(), imported).map(clashText));
      if (!bundled) texts.push(i18n.t('collections.bundled_unknown'));
      const adding = { storyCount: candidate.stories.length, passageCount: candidate.passageCount };
      const over = overCap(adding, imported);
      if (over)
        texts.push(overCapText(over, over.count - adding[over.what === 'stories' ? 'storyCount' : 'passageCount']));
    }
    return texts;
  };

  const cancel = () => {
    setStage({ step: 'idle' });
    setNaming(NO_NAMING);
    focusNext.current = { to: 'choose' };
  };

  const namingErrors = (n: Naming) => ({
    title: n.title.trim() === '' ? i18n.t('collections.title_missing') : '',
    publisher: n.publisher.trim() === '' ? i18n.t('collections.publisher_missing') : '',
    id: isCollectionId(n.id) ? '' : i18n.t('collections.id_invalid'),
  });

  const accept = async (preview: Preview) => {
    const { candidate } = preview;
    let meta: CollectionMeta | undefined = candidate.collection;
    if (candidate.kind === 'markdown') {
      const errors = namingErrors(naming);
      if (errors.title || errors.publisher || errors.id) {
        setNaming({ ...naming, checked: true });
        const first = (['title', 'publisher', 'id'] as const).find((field) => errors[field]);
        if (first) document.getElementById(fieldIds[first])?.focus();
        return;
      }
      meta = { id: naming.id, title: naming.title.trim(), publisher: naming.publisher.trim() };
    }
    if (!meta || !preview.bundled) return;
    setStage({ step: 'saving', preview });
    const pack = makePack(meta, candidate.sources);
    /** What this import adds to a cap's count. */
    const counted = (over: OverCap) => (over.what === 'stories' ? candidate.stories.length : candidate.passageCount);
    let stored: StoredCollection;
    try {
      stored = await store.add(pack, {
        storyIds: candidate.stories.map((s) => s.id),
        passageCount: candidate.passageCount,
      });
    } catch (error) {
      // Refused or failed: the store changed nothing, and the preview stays for another try.
      setStage({ step: 'preview', preview: { ...preview, imported: (await refresh()) ?? preview.imported } });
      announce(
        isImportRefused(error)
          ? error.reason === 'collection-exists'
            ? i18n.t('collections.refused_collection', [error.id])
            : i18n.t('collections.refused_story', [error.id])
          : isTooLarge(error)
            ? i18n.t('collections.refused_cap', [overCapText(error.over, error.over.count - counted(error.over))])
            : isNotEnoughSpace(error)
              ? i18n.t('collections.no_space', [neededMb(error.bytesNeeded)])
              : i18n.t('collections.import_failed', [error instanceof Error ? error.message : String(error)]),
      );
      return;
    }
    setStage({ step: 'idle' });
    setNaming(NO_NAMING);
    focusNext.current = { to: 'collection', id: stored.id };
    await refresh();
    await reindex(
      i18n.t('collections.imported', [stored.title, storiesText(stored.storyCount), passagesText(stored.passageCount)]),
    );
  };

  const setEnabled = async (collection: StoredCollection, enabled: boolean) => {
    setCollections((list) => list?.map((c) => (c.id === collection.id ? { ...c, enabled } : c)));
    try {
      await store.setEnabled(collection.id, enabled);
    } catch {
      await refresh();
      announce(i18n.t('collections.change_failed', [collection.title]));
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
    const list = collections ?? [];
    const at = list.findIndex((c) => c.id === collection.id);
    try {
      await store.remove(collection.id);
    } catch {
      announce(i18n.t('collections.remove_failed', [collection.title]));
      return;
    }
    setConfirming(null);
    // Focus to the collection that takes its place, else the one before, else the file picker.
    const next = list[at + 1] ?? list[at - 1];
    focusNext.current = next ? { to: 'collection', id: next.id } : { to: 'choose' };
    await refresh();
    await reindex(i18n.t('collections.removed', [collection.title]));
  };

  const exportOne = async (collection: StoredCollection) => {
    let pack: CollectionPack | undefined;
    try {
      pack = await store.exportPack(collection.id);
    } catch {
      pack = undefined;
    }
    if (!pack) {
      announce(i18n.t('collections.export_failed', [collection.title]));
      return;
    }
    const name = packFileName(collection.id);
    download(name, packText(pack));
    announce(i18n.t('collections.exported', [collection.title, name]));
  };

  const askRemove = (id: string | null) => {
    const closing = confirming;
    confirmMoved.current = true;
    setConfirming(id);
    if (id === null && closing) focusNext.current = { to: 'remove', id: closing };
  };

  const dateFormat = new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium' });

  const renderList = () => {
    if (listFailed) return <p class="fh-options__error">{i18n.t('collections.list_failed')}</p>;
    if (!collections) return <p class="fh-options__note">{i18n.t('collections.loading')}</p>;
    if (collections.length === 0) return <p class="fh-options__note">{i18n.t('collections.none')}</p>;
    return (
      <ul class="fh-collections__list">
        {collections.map((c) => (
          <li key={c.id} class="fh-collection" data-collection-id={c.id} data-enabled={String(c.enabled)}>
            <div class="fh-collection__head">
              <h3 id={titleId(c.id)} class="fh-collection__title" tabIndex={-1}>
                {c.title}
              </h3>
              <label class="fh-options__switch fh-collection__enabled">
                <input
                  type="checkbox"
                  checked={c.enabled}
                  aria-label={i18n.t('collections.enabled_label', [c.title])}
                  onChange={(event) => void setEnabled(c, event.currentTarget.checked)}
                />
                <span>{i18n.t('collections.enabled')}</span>
              </label>
            </div>
            <p class="fh-collection__meta">{i18n.t('collections.publisher', [c.publisher])}</p>
            <p class="fh-collection__meta">
              {[
                storiesText(c.storyCount),
                passagesText(c.passageCount),
                i18n.t('collections.imported_on', [dateFormat.format(new Date(c.importedAt))]),
              ].join(' · ')}
            </p>
            {confirming === c.id ? (
              <fieldset
                class="fh-options__confirm fh-collection__confirm"
                onKeyDown={(event) => {
                  if (event.key === 'Escape') askRemove(null);
                }}
              >
                <legend>{i18n.t('collections.remove_question', [c.title])}</legend>
                <div class="fh-options__confirm-actions">
                  <button type="button" class="fh-button fh-button--strong" onClick={() => void remove(c)}>
                    {i18n.t('collections.remove_confirm')}
                  </button>
                  <button type="button" class="fh-button" ref={cancelRemoveRef} onClick={() => askRemove(null)}>
                    {i18n.t('collections.cancel')}
                  </button>
                </div>
              </fieldset>
            ) : (
              <div class="fh-collection__actions">
                <button
                  type="button"
                  class="fh-button"
                  aria-label={i18n.t('collections.export_label', [c.title])}
                  onClick={() => void exportOne(c)}
                >
                  {i18n.t('collections.export')}
                </button>
                <button
                  type="button"
                  class="fh-button"
                  ref={(el) => {
                    if (el) removeRefs.current.set(c.id, el);
                    else removeRefs.current.delete(c.id);
                  }}
                  aria-label={i18n.t('collections.remove_label', [c.title])}
                  onClick={() => askRemove(c.id)}
                >
                  {i18n.t('collections.remove')}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
    );
  };

  const renderField = (
    field: 'title' | 'publisher' | 'id',
    label: string,
    value: string,
    onInput: (v: string) => void,
  ) => {
    const error = naming.checked ? namingErrors(naming)[field] : '';
    const described = [field === 'id' ? fieldIds.idHint : '', error ? fieldErrorIds[field] : ''].filter(Boolean);
    return (
      <div class="fh-collections__field">
        <label for={fieldIds[field]}>{label}</label>
        <input
          id={fieldIds[field]}
          class="fh-options__input"
          type="text"
          value={value}
          spellcheck={field !== 'id'}
          autocomplete="off"
          aria-invalid={error !== ''}
          aria-describedby={described.length > 0 ? described.join(' ') : undefined}
          onInput={(event) => onInput(event.currentTarget.value)}
        />
        {field === 'id' && (
          <p id={fieldIds.idHint} class="fh-options__hint fh-collections__field-hint">
            {i18n.t('collections.id_hint')}
          </p>
        )}
        {error && (
          <p id={fieldErrorIds[field]} class="fh-options__error">
            {error}
          </p>
        )}
      </div>
    );
  };

  const renderPreview = (preview: Preview, saving: boolean) => {
    const { candidate } = preview;
    const markdown = candidate.kind === 'markdown';
    const collectionId = markdown ? naming.id : candidate.collection?.id;
    const problems = blockingProblems(preview, collectionId);
    const readable = candidate.stories.length > 0 || candidate.collection !== undefined;
    const label =
      candidate.files.length === 1
        ? (candidate.files[0] ?? '')
        : i18n.t('collections.story_files', candidate.files.length, [number(candidate.files.length)]);
    const titles = candidate.stories.slice(0, TITLES_SHOWN);
    return (
      <section class="fh-collections__preview" aria-labelledby={previewHeadingId} aria-busy={saving}>
        <h3 id={previewHeadingId} ref={previewHeadingRef} tabIndex={-1}>
          {i18n.t('collections.preview_heading', [label])}
        </h3>
        {markdown && candidate.stories.length > 0 && (
          <div class="fh-collections__naming">
            <p class="fh-options__note">{i18n.t('collections.naming_hint')}</p>
            {renderField('title', i18n.t('collections.title_label'), naming.title, (title) =>
              setNaming((n) => ({ ...n, title, id: n.idEdited ? n.id : idFromTitle(title) })),
            )}
            {renderField('publisher', i18n.t('collections.publisher_label'), naming.publisher, (publisher) =>
              setNaming((n) => ({ ...n, publisher })),
            )}
            {renderField('id', i18n.t('collections.id_label'), naming.id, (id) =>
              setNaming((n) => ({ ...n, id: id.trim(), idEdited: true })),
            )}
          </div>
        )}
        {readable && (
          <dl class="fh-collections__facts">
            {!markdown && candidate.collection && (
              <>
                <dt>{i18n.t('collections.fact_collection')}</dt>
                <dd>{candidate.collection.title}</dd>
                <dt>{i18n.t('collections.publisher_label')}</dt>
                <dd>{candidate.collection.publisher}</dd>
              </>
            )}
            <dt>{i18n.t('collections.fact_stories')}</dt>
            <dd>{number(candidate.stories.length)}</dd>
            <dt>{i18n.t('collections.fact_passages')}</dt>
            <dd>{number(candidate.passageCount)}</dd>
          </dl>
        )}
        {titles.length > 0 && (
          <>
            <h4>{i18n.t('collections.first_stories')}</h4>
            <ul class="fh-collections__titles">
              {titles.map((story) => (
                <li key={story.id} lang={story.lang}>
                  {story.title}
                  <span class="fh-collections__byline"> — {story.narrator}</span>
                </li>
              ))}
            </ul>
            {candidate.stories.length > TITLES_SHOWN && (
              <p class="fh-options__note">
                {i18n.t('collections.more', candidate.stories.length - TITLES_SHOWN, [
                  number(candidate.stories.length - TITLES_SHOWN),
                ])}
              </p>
            )}
          </>
        )}
        {problems.length > 0 ? (
          <div class="fh-collections__problems">
            <h4 id={problemsId}>{i18n.t('collections.problems', problems.length, [number(problems.length)])}</h4>
            <ul>
              {problems.slice(0, PROBLEMS_SHOWN).map((text, i) => (
                // The same problem may be reported twice, so its place is its key.
                <li key={i}>{text}</li>
              ))}
            </ul>
            {problems.length > PROBLEMS_SHOWN && (
              <p class="fh-options__note">
                {i18n.t('collections.more', problems.length - PROBLEMS_SHOWN, [
                  number(problems.length - PROBLEMS_SHOWN),
                ])}
              </p>
            )}
          </div>
        ) : (
          <p class="fh-collections__ok">{i18n.t('collections.no_problems')}</p>
        )}
        <div class="fh-options__confirm-actions">
          {readable && (
            <button
              type="button"
              class="fh-button fh-button--strong"
              disabled={problems.length > 0 || saving}
              aria-describedby={problems.length > 0 ? problemsId : undefined}
              onClick={() => void accept(preview)}
            >
              {i18n.t('collections.import')}
            </button>
          )}
          <button type="button" class="fh-button" disabled={saving} onClick={cancel}>
            {i18n.t('collections.cancel')}
          </button>
        </div>
      </section>
    );
  };

  const busy = stage.step === 'reading' || stage.step === 'saving';

  return (
    <section aria-labelledby={headingId} class="fh-collections">
      <h2 id={headingId}>{i18n.t('collections.heading')}</h2>
      <p class="fh-options__note">{i18n.t('collections.intro')}</p>
      {renderList()}

      <h3 class="fh-collections__import-heading">{i18n.t('collections.import_heading')}</h3>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: dropping files is a pointer shortcut; the button inside is the way for everyone else (WCAG 2.1.1) */}
      <div
        class="fh-collections__drop"
        data-dropping={String(dropping)}
        onDragEnter={(event) => {
          if (!event.dataTransfer?.types.includes('Files')) return;
          event.preventDefault();
          setDropping(true);
        }}
        onDragOver={(event) => {
          if (!event.dataTransfer?.types.includes('Files')) return;
          event.preventDefault();
          event.dataTransfer.dropEffect = 'copy';
          setDropping(true);
        }}
        onDragLeave={(event) => {
          const to = event.relatedTarget;
          if (!(to instanceof Node && event.currentTarget.contains(to))) setDropping(false);
        }}
        onDrop={(event) => {
          event.preventDefault();
          setDropping(false);
          void choose([...(event.dataTransfer?.files ?? [])]);
        }}
      >
        <p id={dropHintId}>{i18n.t('collections.drop_hint')}</p>
        <button
          type="button"
          class="fh-button fh-button--strong"
          ref={chooseRef}
          disabled={busy}
          aria-describedby={`${dropHintId}${fileError ? ` ${errorId}` : ''}`}
          onClick={() => inputRef.current?.click()}
        >
          {i18n.t('collections.choose')}
        </button>
        <input
          ref={inputRef}
          type="file"
          accept=".json,.md"
          multiple
          hidden
          onChange={(event) => {
            const files = [...(event.currentTarget.files ?? [])];
            // Cleared, so choosing the same file again (after fixing it) reads it again.
            event.currentTarget.value = '';
            void choose(files);
          }}
        />
      </div>
      {fileError && (
        <p id={errorId} class="fh-options__error" role="alert">
          {fileError}
        </p>
      )}
      {stage.step === 'reading' && (
        <div class="fh-collections__progress">
          {stage.total > 0 ? (
            <>
              <progress max={stage.total} value={stage.done} aria-label={i18n.t('collections.checking_label')} />
              <span>{i18n.t('collections.checking', [number(stage.done), number(stage.total)])}</span>
            </>
          ) : (
            <>
              <progress aria-label={i18n.t('collections.checking_label')} />
              <span>{i18n.t('collections.opening')}</span>
            </>
          )}
        </div>
      )}
      {indexing > 0 && (
        <div class="fh-collections__progress">
          <progress aria-label={i18n.t('collections.indexing_label')} />
          <span>{i18n.t('collections.indexing')}</span>
        </div>
      )}
      {(stage.step === 'preview' || stage.step === 'saving') && renderPreview(stage.preview, stage.step === 'saving')}
    </section>
  );
}
