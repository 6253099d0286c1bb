import { i18n, uiLanguage } from '@/src/i18n';
import { cornerLabel } from '@/src/settings/corner-labels';
import { CORNERS, type Corner } from '@/src/settings/page-settings';
import { RESULT_COUNTS, resultCount as resultCountSetting } from '@/src/settings/result-count';
import { useUniqueId } from '../shared/unique-id';
import { Collections, type CollectionsProps } from './Collections';
import { OffSites } from './OffSites';
import type { OptionsState } from './options-state';
import { ResetSettings } from './ResetSettings';
import { useStatus } from './use-status';
import { WhereItRuns } from './WhereItRuns';

export interface OptionsProps {
  /** Every setting, and the changes the page makes (options-state.ts). */
  state: OptionsState;
  /** The imported collections' section; none without. */
  collections?: Omit<CollectionsProps, 'announce'>;
}

/** The options page. Settings apply at once, to open tabs too. */
export function Options({ state, collections }: OptionsProps) {
  const hintId = useUniqueId();
  const marksHintId = useUniqueId();
  const inPrivateId = useUniqueId();
  const cornerId = useUniqueId();
  const resultsHeadingId = useUniqueId();
  const resultsHintId = useUniqueId();
  const resultsName = useUniqueId('fh-result-count');
  // One status line for the whole page (role="status": screen readers announce it), kept
  // in view at the foot of the window whichever section changed.
  const [status, announce] = useStatus(5000);
  const values = state.values.value;
  // Shown once every setting is read, so no control shows a default it does not have.
  if (!values) return null;
  const { mode, markTerms, corner, runsOn, newsSites, offSites, resultCount } = values;

  return (
    <main class="fh-options" lang={uiLanguage()}>
      <h1>{i18n.t('options.title')}</h1>
      <p class="fh-options__lede">{i18n.t('options.lede')}</p>

      <section aria-labelledby="fh-display">
        <h2 id="fh-display">{i18n.t('options.display_heading')}</h2>
        <label class="fh-options__switch">
          <input
            type="checkbox"
            checked={mode === 'private'}
            aria-describedby={hintId}
            onChange={(event) => {
              state.change('mode', event.currentTarget.checked ? 'private' : 'standard');
              announce(i18n.t('options.saved'));
            }}
          />
          <span>{i18n.t('options.private_mode')}</span>
        </label>
        <p id={hintId} class="fh-options__hint">
          {i18n.t('options.private_hint')}
        </p>
        {mode === 'private' && (
          <p id={inPrivateId} class="fh-options__hint fh-options__in-private">
            {i18n.t('options.in_private')}
          </p>
        )}
        <label class="fh-options__switch">
          <input
            type="checkbox"
            checked={markTerms}
            disabled={mode === 'private'}
            aria-describedby={mode === 'private' ? `${marksHintId} ${inPrivateId}` : marksHintId}
            onChange={(event) => {
              state.change('markTerms', event.currentTarget.checked);
              announce(i18n.t('options.saved'));
            }}
          />
          <span>{i18n.t('options.mark_terms')}</span>
        </label>
        <p id={marksHintId} class="fh-options__hint">
          {i18n.t('options.mark_terms_hint')}
        </p>
        <div class="fh-options__field">
          <label for={cornerId}>{i18n.t('options.corner')}</label>
          <select
            id={cornerId}
            class="fh-options__select"
            value={corner}
            disabled={mode === 'private'}
            aria-describedby={mode === 'private' ? inPrivateId : undefined}
            onChange={(event) => {
              state.change('corner', event.currentTarget.value as Corner);
              announce(i18n.t('options.saved'));
            }}
          >
            {CORNERS.map((place) => (
              <option key={place} value={place}>
                {cornerLabel(place)}
              </option>
            ))}
          </select>
        </div>
      </section>

      <WhereItRuns
        runsOn={runsOn}
        onRunsOnChange={(where) => state.change('runsOn', where)}
        newsSites={newsSites}
        onNewsSitesChange={(sites) => state.change('newsSites', sites)}
        onRestoreNewsSites={state.restoreNewsSites}
        announce={announce}
      />

      <OffSites sites={offSites} onSiteOn={(site) => void state.siteOn(site)} announce={announce} />

      <section aria-labelledby={resultsHeadingId}>
        <h2 id={resultsHeadingId}>{i18n.t('options.results_heading')}</h2>
        <p id={resultsHintId} class="fh-options__note">
          {i18n.t('options.results_hint')}
        </p>
        <div
          role="radiogroup"
          aria-labelledby={resultsHeadingId}
          aria-describedby={resultsHintId}
          class="fh-options__choices fh-options__choices--row"
        >
          {RESULT_COUNTS.map((count) => (
            <label key={count} class="fh-options__switch">
              <input
                type="radio"
                name={resultsName}
                value={count}
                checked={resultCount === count}
                onChange={() => {
                  state.change('resultCount', count);
                  announce(i18n.t('options.saved'));
                }}
              />
              <span>
                {count === resultCountSetting.fallback
                  ? i18n.t('options.up_to_default', count)
                  : i18n.t('options.up_to', count)}
              </span>
            </label>
          ))}
        </div>
      </section>

      {collections && <Collections {...collections} announce={announce} />}

      <ResetSettings onReset={state.reset} announce={announce} />
      <div class="fh-options__status-bar">
        <p
          class={`fh-options__status${status.tone === 'beside' ? ' fh-visually-hidden' : ''}`}
          data-tone={status.tone}
          role="status"
        >
          {status.message}
        </p>
      </div>
    </main>
  );
}
