import { type NamingField, namingProblems } from '@/src/collections/import-flow';
import { i18n } from '@/src/i18n';
import { useUniqueId } from '../shared/unique-id';
import type { CollectionsState } from './collections-state';

/** The element id of a naming field's input, where focus goes when it needs correcting. */
export type NamingFieldIds = Record<NamingField, string>;

const LABELS: Record<NamingField, () => string> = {
  title: () => i18n.t('collections.title_label'),
  publisher: () => i18n.t('collections.publisher_label'),
  id: () => i18n.t('collections.id_label'),
};

const ERRORS: Record<NamingField, () => string> = {
  title: () => i18n.t('collections.title_missing'),
  publisher: () => i18n.t('collections.publisher_missing'),
  id: () => i18n.t('collections.id_invalid'),
};

/** The name the reader gives a collection of story files: title, publisher, and its id. */
export function CollectionNaming({ state, fieldIds }: { state: CollectionsState; fieldIds: NamingFieldIds }) {
  const idHintId = useUniqueId();
  const errorIds = { title: useUniqueId(), publisher: useUniqueId(), id: useUniqueId() };
  const naming = state.naming.value;
  const invalid = naming.checked ? namingProblems(naming) : [];

  const field = (name: NamingField) => {
    const error = invalid.includes(name) ? ERRORS[name]() : '';
    const described = [name === 'id' ? idHintId : '', error ? errorIds[name] : ''].filter(Boolean);
    return (
      <div class="fh-collections__field">
        <label for={fieldIds[name]}>{LABELS[name]()}</label>
        <input
          id={fieldIds[name]}
          class="fh-options__input"
          type="text"
          value={naming[name]}
          spellcheck={name !== 'id'}
          autocomplete="off"
          aria-invalid={error !== ''}
          aria-describedby={described.length > 0 ? described.join(' ') : undefined}
          onInput={(event) => state.type(name, event.currentTarget.value)}
        />
        {name === 'id' && (
          <p id={idHintId} class="fh-options__hint fh-collections__field-hint">
            {i18n.t('collections.id_hint')}
          </p>
        )}
        {error && (
          <p id={errorIds[name]} class="fh-options__error">
            {error}
          </p>
        )}
      </div>
    );
  };

  return (
    <div class="fh-collections__naming">
      <p class="fh-options__note">{i18n.t('collections.naming_hint')}</p>
      {field('title')}
      {field('publisher')}
      {field('id')}
    </div>
  );
}
