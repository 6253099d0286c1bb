import type { ImportPreview as Preview } from '@/src/collections/import-flow';
import { i18n } from '@/src/i18n';
import { useUniqueId } from '../shared/unique-id';
import { CollectionNaming, type NamingFieldIds } from './CollectionNaming';
import { number } from './collection-texts';
import type { CollectionsState } from './collections-state';

/** How many problems and story titles a preview lists; the rest are counted. */
const PROBLEMS_SHOWN = 20;
const TITLES_SHOWN = 5;

export interface ImportPreviewProps {
  state: CollectionsState;
  preview: Preview;
  /** Storing: nothing can be changed until it is done. */
  saving: boolean;
  headingRef: { current: HTMLHeadingElement | null };
  fieldIds: NamingFieldIds;
}

/** What the chosen files hold, every problem found, and Import (only when there are none) or Cancel. */
export function ImportPreview({ state, preview, saving, headingRef, fieldIds }: ImportPreviewProps) {
  const headingId = useUniqueId();
  const problemsId = useUniqueId();
  const { candidate } = preview;
  const markdown = candidate.kind === 'markdown';
  // Reads the naming too: the id the reader types is checked as it changes.
  const problems = state.problemsOf(preview);
  const readable = candidate.stories.length > 0 || candidate.collection !== undefined;
  const label =
    candidate.files.length === 1
      ? (candidate.files[0] ?? '')
      : i18n.t('collections.story_files', candidate.files.length, [number(candidate.files.length)]);
  const titles = candidate.stories.slice(0, TITLES_SHOWN);
  return (
    <section class="fh-collections__preview" aria-labelledby={headingId} aria-busy={saving}>
      <h3
        id={headingId}
        ref={(el) => {
          headingRef.current = el;
        }}
        tabIndex={-1}
      >
        {i18n.t('collections.preview_heading', [label])}
      </h3>
      {markdown && candidate.stories.length > 0 && <CollectionNaming state={state} fieldIds={fieldIds} />}
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
              {i18n.t('collections.more', problems.length - PROBLEMS_SHOWN, [number(problems.length - PROBLEMS_SHOWN)])}
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
            onClick={() => void state.accept(preview)}
          >
            {i18n.t('collections.import')}
          </button>
        )}
        <button type="button" class="fh-button" disabled={saving} onClick={state.cancel}>
          {i18n.t('collections.cancel')}
        </button>
      </div>
    </section>
  );
}
