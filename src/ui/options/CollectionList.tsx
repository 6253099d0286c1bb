import { useLayoutEffect } from 'preact/hooks';
import type { StoredCollection } from '@/src/collections/collection-store';
import { i18n } from '@/src/i18n';
import { formatLocalDay } from '@/src/ui/shared/story-labels';
import { passagesText, storiesText } from './collection-texts';
import type { CollectionsState } from './collections-state';

/** An imported collection's title element, where focus goes after an import. */
export const collectionTitleId = (id: string) => `fh-collection-${id}`;

/** Where the list puts the buttons focus may move to. */
export interface CollectionListRefs {
  remove: Map<string, HTMLButtonElement>;
  cancelRemove: { current: HTMLButtonElement | null };
  /** Moves focus where the store asked, if its target is rendered now (Collections.tsx). */
  settle(): void;
}

/** The imported collections: each with its switch, Export, and Remove (asked first). */
export function CollectionList({ state, refs }: { state: CollectionsState; refs: CollectionListRefs }) {
  const collections = state.collections.value;
  if (state.listFailed.value) return <p class="fh-options__error">{i18n.t('collections.list_failed')}</p>;
  if (!collections) return <p class="fh-options__note">{i18n.t('collections.loading')}</p>;
  if (collections.length === 0) return <p class="fh-options__note">{i18n.t('collections.none')}</p>;
  return (
    <ul class="fh-collections__list">
      {collections.map((c) => (
        <CollectionItem key={c.id} collection={c} state={state} refs={refs} />
      ))}
    </ul>
  );
}

function CollectionItem({
  collection: c,
  state,
  refs,
}: {
  collection: StoredCollection;
  state: CollectionsState;
  refs: CollectionListRefs;
}) {
  // This item re-renders on its own when it asks "Remove …?": focus may go to its buttons.
  useLayoutEffect(() => refs.settle());
  return (
    <li class="fh-collection" data-collection-id={c.id} data-enabled={String(c.enabled)}>
      <div class="fh-collection__head">
        <h3 id={collectionTitleId(c.id)} class="fh-collection__title" tabIndex={-1}>
          {c.title}
        </h3>
        <label class="fh-options__switch fh-collection__enabled">
          <input
            type="checkbox"
            checked={c.enabled}
            aria-label={i18n.t('collections.enabled_label', [c.title])}
            onChange={(event) => void state.setEnabled(c, event.currentTarget.checked)}
          />
          <span>{i18n.t('collections.enabled')}</span>
        </label>
      </div>
      <p class="fh-collection__meta">{i18n.t('collections.publisher', [c.publisher])}</p>
      <p class="fh-collection__meta">
        {[
          storiesText(c.storyCount),
          passagesText(c.passageCount),
          i18n.t('collections.imported_on', [formatLocalDay(new Date(c.importedAt))]),
        ].join(' · ')}
      </p>
      {state.confirming.value === c.id ? (
        <fieldset
          class="fh-options__confirm fh-collection__confirm"
          onKeyDown={(event) => {
            if (event.key === 'Escape') state.askRemove(null);
          }}
        >
          <legend>{i18n.t('collections.remove_question', [c.title])}</legend>
          <div class="fh-options__confirm-actions">
            <button type="button" class="fh-button fh-button--strong" onClick={() => void state.remove(c)}>
              {i18n.t('collections.remove_confirm')}
            </button>
            <button
              type="button"
              class="fh-button"
              ref={(el) => {
                refs.cancelRemove.current = el;
              }}
              onClick={() => state.askRemove(null)}
            >
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
            onClick={() => void state.exportOne(c)}
          >
            {i18n.t('collections.export')}
          </button>
          <button
            type="button"
            class="fh-button"
            ref={(el) => {
              if (el) refs.remove.set(c.id, el);
              else refs.remove.delete(c.id);
            }}
            aria-label={i18n.t('collections.remove_label', [c.title])}
            onClick={() => state.askRemove(c.id)}
          >
            {i18n.t('collections.remove')}
          </button>
        </div>
      )}
    </li>
  );
}
