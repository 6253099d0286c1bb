import { useSignal } from '@preact/signals';
import { Fragment } from 'preact';
import { useRef } from 'preact/hooks';
import { i18n } from '@/src/i18n';
import { addSite, type SiteRefusal } from '@/src/settings/where-it-runs';
import { useUniqueId } from '../shared/unique-id';
import { useFocusAfterRemove } from './focus-after-remove';
import type { Announce } from './use-status';

export interface NewsSitesProps {
  sites: readonly string[];
  onChange(sites: string[]): void;
  onRestoreDefaults(): void;
  /** Says what happened, in the page’s status line. */
  announce: Announce;
}

/** Why a site was not added, as the reader reads it. */
function refusal(refused: SiteRefusal, input: string): string {
  switch (refused.reason) {
    case 'empty':
      return i18n.t('options.site_empty');
    case 'invalid':
      return i18n.t('options.site_invalid', [input.trim()]);
    case 'listed':
      return i18n.t('options.site_listed', [refused.site]);
    case 'covered':
      return i18n.t('options.site_covered', [refused.site, refused.by]);
  }
}

/**
 * The reader's list of news sites: add one by its name or an article's address (made a
 * site name), remove any, or go back to the default list.
 */
export function NewsSites({ sites, onChange, onRestoreDefaults, announce }: NewsSitesProps) {
  const headingId = useUniqueId();
  const inputId = useUniqueId();
  const errorId = useUniqueId();
  const input = useSignal('');
  const error = useSignal('');
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  /** Where focus goes once a removed site has left the list (its button goes with it). */
  const focusAfterRemove = useFocusAfterRemove(sites, listRef, inputRef);

  const add = (event: Event) => {
    event.preventDefault();
    const result = addSite(sites, input.value);
    if ('sites' in result) {
      const added = result.sites.find((site) => !sites.includes(site)) ?? '';
      onChange(result.sites);
      input.value = '';
      error.value = '';
      announce(i18n.t('options.site_added', [added]));
    } else {
      error.value = refusal(result, input.value);
      // The refusal is said beside the field; an earlier "Saved." must not stand beside it.
      announce('');
      inputRef.current?.focus();
    }
  };

  const remove = (site: string, index: number) => {
    focusAfterRemove(index);
    onChange(sites.filter((s) => s !== site));
    announce(i18n.t('options.site_removed', [site]));
  };

  return (
    <div class="fh-options__news">
      <h3 id={headingId}>
        {i18n.t('options.news_sites_heading')}{' '}
        <span class="fh-options__count">{i18n.t('options.news_sites_count', sites.length)}</span>
      </h3>
      <p class="fh-options__note">{i18n.t('options.news_sites_subdomains')}</p>
      <form class="fh-options__add" onSubmit={add} noValidate>
        <label for={inputId}>{i18n.t('options.add_site_label')}</label>
        <div class="fh-options__add-row">
          <input
            id={inputId}
            ref={inputRef}
            class="fh-options__input"
            type="text"
            inputMode="url"
            autoComplete="off"
            spellcheck={false}
            placeholder={i18n.t('options.add_site_placeholder')}
            value={input.value}
            aria-invalid={error.value !== ''}
            aria-describedby={error.value ? errorId : undefined}
            onInput={(event) => {
              input.value = event.currentTarget.value;
              if (error.value) error.value = '';
            }}
          />
          <button type="submit" class="fh-button">
            {i18n.t('options.add_site')}
          </button>
        </div>
        <p id={errorId} class="fh-options__error" role="alert">
          {error.value}
        </p>
      </form>
      {sites.length === 0 ? (
        <p class="fh-options__note">{i18n.t('options.news_sites_empty', [i18n.t('options.runs_on_news_sites')])}</p>
      ) : (
        <ul class="fh-options__site-grid" ref={listRef}>
          {sites.map((site, index) => (
            <li key={site}>
              <SiteName site={site} />
              <button
                type="button"
                class="fh-link-button fh-options__remove"
                aria-label={i18n.t('options.remove_site', [site])}
                onClick={() => remove(site, index)}
              >
                {i18n.t('options.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <button
        type="button"
        class="fh-link-button"
        onClick={() => {
          onRestoreDefaults();
          error.value = '';
          announce(i18n.t('options.news_sites_restored'));
        }}
      >
        {i18n.t('options.restore_news_sites')}
      </button>
    </div>
  );
}

/** A site's name, which a narrow column may break after a dot, never inside a word. */
function SiteName({ site }: { site: string }) {
  const parts = site.split('.');
  return (
    <span class="fh-options__site">
      {parts.map((part, i) => (
        <Fragment key={i}>
          {part}
          {i < parts.length - 1 && (
            <>
              .<wbr />
            </>
          )}
        </Fragment>
      ))}
    </span>
  );
}
