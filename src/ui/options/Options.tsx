import { useEffect, useState } from 'preact/hooks';
import type { DisplayMode } from '@/src/settings/display-mode';
import { useUniqueId } from '../shared/unique-id';

export interface OptionsProps {
  mode: DisplayMode;
  onModeChange(mode: DisplayMode): void;
  /** Underline the detected terms in the article. */
  markTerms?: boolean;
  onMarkTermsChange?(on: boolean): void;
  /** Sites where Firsthand is switched off. */
  offSites?: string[];
  onSiteOn?(site: string): void;
}

/** The options page. Settings apply at once, to open tabs too. */
export function Options({
  mode,
  onModeChange,
  markTerms = true,
  onMarkTermsChange,
  offSites = [],
  onSiteOn,
}: OptionsProps) {
  const hintId = useUniqueId();
  const marksHintId = useUniqueId();
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (!saved) return;
    const timer = setTimeout(() => setSaved(false), 2000);
    return () => clearTimeout(timer);
  }, [saved]);

  return (
    <main class="fh-options">
      <h1>Firsthand settings</h1>
      <p class="fh-options__lede">
        Firsthand matches the article you read against testimonies stored in the extension. Nothing about the pages you
        read leaves your browser.
      </p>
      <section aria-labelledby="fh-display">
        <h2 id="fh-display">On the pages you read</h2>
        <label class="fh-options__switch">
          <input
            type="checkbox"
            checked={mode === 'private'}
            aria-describedby={hintId}
            onChange={(event) => {
              onModeChange(event.currentTarget.checked ? 'private' : 'standard');
              setSaved(true);
            }}
          />
          <span>Private mode: never add anything to the pages I read</span>
        </label>
        <p id={hintId} class="fh-options__hint">
          In private mode Firsthand puts no pill, panel or highlight on any page, so a page’s own scripts cannot tell
          that it is installed. Related testimonies still show as a number on the toolbar icon and in its popup. Use it
          if reading about North Korea could put you at risk.
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
                  setSaved(true);
                }}
              />
              <span>Underline the terms that testimonies speak to</span>
            </label>
            <p id={marksHintId} class="fh-options__hint">
              A dotted underline in the article; click an underlined term to see its testimonies. It changes nothing in
              the page itself.
            </p>
          </>
        )}
        <p class="fh-options__status" role="status">
          {saved ? 'Saved.' : ''}
        </p>
      </section>
      {onSiteOn && (
        <section aria-labelledby="fh-off-sites">
          <h2 id="fh-off-sites">Sites where Firsthand is off</h2>
          {offSites.length === 0 ? (
            <p class="fh-options__hint">None. Turn Firsthand off on a site from its panel.</p>
          ) : (
            <ul class="fh-options__sites">
              {offSites.map((site) => (
                <li key={site}>
                  <span>{site}</span>{' '}
                  <button type="button" class="fh-button" onClick={() => onSiteOn(site)}>
                    Turn on for {site}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </main>
  );
}
