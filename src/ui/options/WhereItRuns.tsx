import { i18n } from '@/src/i18n';
import type { RunsOn } from '@/src/settings/sites';
import { useUniqueId } from '../shared/unique-id';
import { NewsSites } from './NewsSites';
import type { Announce } from './use-status';

export interface WhereItRunsProps {
  runsOn: RunsOn;
  onRunsOnChange(runsOn: RunsOn): void;
  newsSites: readonly string[];
  onNewsSitesChange(sites: string[]): void;
  onRestoreNewsSites(): void;
  /** Says what happened, in the page's status line. */
  announce: Announce;
}

/** On every site, or only on the reader's news sites: the choice and the list. */
export function WhereItRuns({
  runsOn,
  onRunsOnChange,
  newsSites,
  onNewsSitesChange,
  onRestoreNewsSites,
  announce,
}: WhereItRunsProps) {
  const headingId = useUniqueId();
  const name = useUniqueId('fh-runs-on');
  const hints = { all: useUniqueId(), 'news-sites': useUniqueId() };

  const choice = (value: RunsOn, label: string, hint: string) => (
    <>
      <label class="fh-options__switch">
        <input
          type="radio"
          name={name}
          value={value}
          checked={runsOn === value}
          aria-describedby={hints[value]}
          onChange={() => {
            onRunsOnChange(value);
            announce(i18n.t('options.saved'));
          }}
        />
        <span>{label}</span>
      </label>
      <p id={hints[value]} class="fh-options__hint">
        {hint}
      </p>
    </>
  );

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{i18n.t('options.where_heading')}</h2>
      <div role="radiogroup" aria-labelledby={headingId} class="fh-options__choices">
        {choice('all', i18n.t('options.runs_on_all'), i18n.t('options.runs_on_all_hint'))}
        {choice('news-sites', i18n.t('options.runs_on_news_sites'), i18n.t('options.runs_on_news_sites_hint'))}
      </div>
      <NewsSites
        sites={newsSites}
        onChange={onNewsSitesChange}
        onRestoreDefaults={onRestoreNewsSites}
        announce={announce}
      />
    </section>
  );
}
