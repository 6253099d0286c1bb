import { useRef } from 'preact/hooks';
import { i18n } from '@/src/i18n';
import { useFocusAfterRemove } from './focus-after-remove';
import type { Announce } from './use-status';

interface OffSitesProps {
  sites: readonly string[];
  onSiteOn(site: string): void;
  announce: Announce;
}

/**
 * The sites where the reader turned Firsthand off, each with "Turn on". The button a reader
 * presses leaves with its site: focus goes to the next one, or to the section's heading
 * when none is left, never to the page's body.
 */
export function OffSites({ sites, onSiteOn, announce }: OffSitesProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const focusAfterOn = useFocusAfterRemove(sites, listRef, headingRef);

  return (
    <section aria-labelledby="fh-off-sites">
      <h2 id="fh-off-sites" ref={headingRef} tabIndex={-1}>
        {i18n.t('options.off_heading')}
      </h2>
      {sites.length === 0 ? (
        <p class="fh-options__note">{i18n.t('options.off_none')}</p>
      ) : (
        <ul class="fh-options__sites" ref={listRef}>
          {sites.map((site, index) => (
            <li key={site}>
              <span class="fh-options__site">{site}</span>{' '}
              <button
                type="button"
                class="fh-button"
                onClick={() => {
                  focusAfterOn(index);
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
  );
}
