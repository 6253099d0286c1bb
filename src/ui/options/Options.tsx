import { i18n, uiLanguage } from '@/src/i18n';
import type { DisplayMode } from '@/src/settings/display-mode';
import type { Corner } from '@/src/settings/page-settings';
import { RESULT_COUNTS, type ResultCount, resultCount as resultCountSetting } from '@/src/settings/result-count';
import type { RunsOn } from '@/src/settings/sites';
import { useUniqueId } from '../shared/unique-id';
import { Collections, type CollectionsProps } from './Collections';
import { ResetSettings } from './ResetSettings';
import { useStatus } from './use-status';
import { WhereItRuns } from './WhereItRuns';

export interface OptionsProps {
  mode: DisplayMode;
  onModeChange(mode: DisplayMode): void;
  /** Underline the detected terms in the article. */
  markTerms?: boolean;
  onMarkTermsChange?(on: boolean): void;
  /** Where the in-page pill sits. */
  corner?: Corner;
  onCornerChange?(corner: Corner): void;
  /** On every site, or only on the news sites in `newsSites`. */
  runsOn?: RunsOn;
  onRunsOnChange?(runsOn: RunsOn): void;
  newsSites?: readonly string[];
  onNewsSitesChange?(sites: string[]): void;
  onRestoreNewsSites?(): void;
  /** Sites where Firsthand is switched off. */
  offSites?: string[];
  onSiteOn?(site: string): void;
  /** How many excerpts a page shows at most. */
  resultCount?: ResultCount;
  onResultCountChange?(count: ResultCount): void;
  /** Restores every setting to its default. */
  onReset?(): Promise<void> | void;
  /** The imported collections: the store and the background, for the Collections section. */
  collections?: Omit<CollectionsProps, 'announce'>;
}

/** The corners' names, as the in-page panel's own corner menu says them. */
const CORNER_LABELS: Record<Corner, () => string> = {
  'bottom-right': () => i18n.t('panel.corner_bottom_right'),
  'bottom-left': () => i18n.t('panel.corner_bottom_left'),
  'top-right': () => i18n.t('panel.corner_top_right'),
  'top-left': () => i18n.t('panel.corner_top_left'),
};

/** The options page. Settings apply at once, to open tabs too. */
export function Options({
  mode,
  onModeChange,
  markTerms = true,
  onMarkTermsChange,
  corner = 'bottom-right',
  onCornerChange,
  runsOn = 'all',
  onRunsOnChange,
  newsSites = [],
  onNewsSitesChange,
  onRestoreNewsSites,
  offSites = [],
  onSiteOn,
  resultCount = 6,
  onResultCountChange,
  onReset,
  collections,
}: OptionsProps) {
  const hintId = useUniqueId();
  const marksHintId = useUniqueId();
  const cornerId = useUniqueId();
  const resultsHeadingId = useUniqueId();
  const resultsHintId = useUniqueId();
  const resultsName = useUniqueId('fh-result-count');
  // One status line for the whole page (role="status": screen readers announce it), kept
  // in view at the foot of the window whichever section changed.
  const [status, announce] = useStatus(5000);

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
              onModeChange(event.currentTarget.checked ? 'private' : 'standard');
              announce(i18n.t('options.saved'));
            }}
          />
          <span>{i18n.t('options.private_mode')}</span>
        </label>
        <p id={hintId} class="fh-options__hint">
          {i18n.t('options.private_hint')}
        </p>
        {onMarkTermsChange && (
          <>
            <label class="fh-options__switch">
              <input
                type="checkbox"
                checked={markTerms}
                disabled={mode === 'private'}
                aria-describedby={marksHintId}
                onChange={(event) => {
                  onMarkTermsChange(event.currentTarget.checked);
                  announce(i18n.t('options.saved'));
                }}
              />
              <span>{i18n.t('options.mark_terms')}</span>
            </label>
            <p id={marksHintId} class="fh-options__hint">
              {i18n.t('options.mark_terms_hint')}
            </p>
          </>
        )}
        {onCornerChange && (
          <div class="fh-options__field">
            <label for={cornerId}>{i18n.t('options.corner')}</label>
            <select
              id={cornerId}
              class="fh-options__select"
              value={corner}
              disabled={mode === 'private'}
              onChange={(event) => {
                onCornerChange(event.currentTarget.value as Corner);
                announce(i18n.t('options.saved'));
              }}
            >
              {(Object.keys(CORNER_LABELS) as Corner[]).map((place) => (
                <option key={place} value={place}>
                  {CORNER_LABELS[place]()}
                </option>
              ))}
            </select>
          </div>
        )}
      </section>

      {onRunsOnChange && onNewsSitesChange && onRestoreNewsSites && (
        <WhereItRuns
          runsOn={runsOn}
          onRunsOnChange={onRunsOnChange}
          newsSites={newsSites}
          onNewsSitesChange={onNewsSitesChange}
          onRestoreNewsSites={onRestoreNewsSites}
          announce={announce}
        />
      )}

      {onSiteOn && (
        <section aria-labelledby="fh-off-sites">
          <h2 id="fh-off-sites">{i18n.t('options.off_heading')}</h2>
          {offSites.length === 0 ? (
            <p class="fh-options__note">{i18n.t('options.off_none')}</p>
          ) : (
            <ul class="fh-options__sites">
              {offSites.map((site) => (
                <li key={site}>
                  <span class="fh-options__site">{site}</span>{' '}
                  <button
                    type="button"
                    class="fh-button"
                    onClick={() => {
                      onSiteOn(site);
                      announce(i18n.t('options.site_on_again', [site]));
                    }}
                  >
                    {i18n.t('popup.site_on', [site])}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      {onResultCountChange && (
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
                    onResultCountChange(count);
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
      )}

      {collections && <Collections {...collections} announce={announce} />}

      {onReset && <ResetSettings onReset={onReset} announce={announce} />}
      <div class="fh-options__status-bar">
        <p class="fh-options__status" role="status">
          {status}
        </p>
      </div>
    </main>
  );
}
