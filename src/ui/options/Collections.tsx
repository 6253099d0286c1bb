import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '@/src/i18n';
import { useUniqueId } from '../shared/unique-id';
import { CollectionList, type CollectionListRefs, collectionTitleId } from './CollectionList';
import { number } from './collection-texts';
import { type CollectionsDeps, type CollectionsState, createCollectionsState } from './collections-state';
import { DropZone } from './DropZone';
import { ImportPreview } from './ImportPreview';

export type { CollectionsStore } from './collections-state';

export interface CollectionsProps extends Omit<CollectionsDeps, 'download'> {
  /** Saves a file for the reader (default: a Blob URL and an `<a download>`). */
  download?: CollectionsDeps['download'];
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
 * picker or dropped, previewed with every problem before anything is stored. The state is
 * collections-state.ts's; the steps are src/collections/import-flow.ts's.
 */
export function Collections({ download = downloadText, ...deps }: CollectionsProps) {
  const headingId = useUniqueId();
  const fieldIds = { title: useUniqueId(), publisher: useUniqueId(), id: useUniqueId() };
  // The section's store, made once per section (its state is signals, not this hook's).
  const [state] = useState<CollectionsState>(() => createCollectionsState({ ...deps, download }));
  const chooseRef = useRef<HTMLButtonElement | null>(null);
  const previewHeadingRef = useRef<HTMLHeadingElement | null>(null);
  const listRefs = useRef<CollectionListRefs>({
    remove: new Map(),
    cancelRemove: { current: null },
    settle: () => {},
  }).current;

  useEffect(() => {
    void state.refresh();
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
  }, [state]);

  /**
   * Moves focus where the store asked, once what it goes to is rendered (a target not there
   * yet stays asked for). Run after every commit of the section and of the list's items, in
   * the same commit (a layout effect): signals re-render a component on its own, so the
   * item that shows "Cancel" may commit after the section does.
   */
  listRefs.settle = () => {
    const next = state.focus.peek();
    if (!next) return;
    const target =
      next.to === 'collection'
        ? document.getElementById(collectionTitleId(next.id))
        : next.to === 'remove'
          ? listRefs.remove.get(next.id)
          : next.to === 'cancel-remove'
            ? listRefs.cancelRemove.current
            : next.to === 'naming'
              ? document.getElementById(fieldIds[next.field])
              : next.to === 'preview'
                ? previewHeadingRef.current
                : chooseRef.current;
    if (!target) return;
    state.focus.value = null;
    target.focus();
  };
  // Read so that a request alone renders the section, and settles it.
  state.focus.value;
  useLayoutEffect(() => listRefs.settle());

  const stage = state.stage.value;
  const busy = stage.step === 'reading' || stage.step === 'saving';

  return (
    <section aria-labelledby={headingId} class="fh-collections">
      <h2 id={headingId}>{i18n.t('collections.heading')}</h2>
      <p class="fh-options__note">{i18n.t('collections.intro')}</p>
      <CollectionList state={state} refs={listRefs} />

      <h3 class="fh-collections__import-heading">{i18n.t('collections.import_heading')}</h3>
      <DropZone
        busy={busy}
        error={state.fileError.value}
        onFiles={(files) => void state.choose(files)}
        chooseRef={chooseRef}
      />
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
      {state.indexing.value > 0 && (
        <div class="fh-collections__progress">
          <progress aria-label={i18n.t('collections.indexing_label')} />
          <span>{i18n.t('collections.indexing')}</span>
        </div>
      )}
      {(stage.step === 'preview' || stage.step === 'saving') && (
        <ImportPreview
          state={state}
          preview={stage.preview}
          saving={stage.step === 'saving'}
          headingRef={previewHeadingRef}
          fieldIds={fieldIds}
        />
      )}
    </section>
  );
}
