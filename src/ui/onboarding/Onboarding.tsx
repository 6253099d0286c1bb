import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { i18n } from '@/src/i18n';
import type { DisplayMode } from '@/src/settings/display-mode';
import { useUniqueId } from '../shared/unique-id';
import type { ModeChoice } from './mode-choice';

type Status = { kind: 'saved'; mode: DisplayMode } | { kind: 'failed' } | undefined;

// Short enough for one line at 360 px, so the page below does not jump when it appears.
const confirmation: Record<DisplayMode, () => string> = {
  standard: () => i18n.t('onboarding.saved_standard'),
  private: () => i18n.t('onboarding.saved_private'),
};

/**
 * The page that opens on first install (issue 4, item 6): what Firsthand does, that nothing
 * leaves the browser, and the choice of display mode, saved as soon as it is made.
 */
export function Onboarding({ choice }: { choice: ModeChoice }) {
  const mode = choice.mode.value;
  // Whether the last choice was saved: this page's own, so local.
  const [status, setStatus] = useState<Status>();
  const ids = { standard: useUniqueId(), private: useUniqueId() };
  // Named by its title and text only: the hint, inside the label too, is its description, said once.
  const nameIds = { standard: useUniqueId(), private: useUniqueId() };

  const choose = async (next: DisplayMode) => {
    try {
      await choice.choose(next);
      setStatus({ kind: 'saved', mode: next });
    } catch {
      setStatus({ kind: 'failed' });
    }
  };

  const option = (value: DisplayMode, title: string, text: string, hint: string) => (
    <label class="fh-onboarding__option">
      <input
        type="radio"
        name="fh-display-mode"
        value={value}
        checked={mode === value}
        aria-labelledby={nameIds[value]}
        aria-describedby={ids[value]}
        onChange={() => void choose(value)}
      />
      <span class="fh-onboarding__option-text">
        <span id={nameIds[value]} class="fh-onboarding__option-label">
          <strong>{title}:</strong> {text}
        </span>
        <span id={ids[value]} class="fh-onboarding__option-hint">
          {hint}
        </span>
      </span>
    </label>
  );

  return (
    <main class="fh-onboarding">
      <h1>{i18n.t('onboarding.title')}</h1>
      <p class="fh-onboarding__lede">{i18n.t('onboarding.lede')}</p>

      <section aria-labelledby="fh-onboarding-privacy">
        <h2 id="fh-onboarding-privacy">{i18n.t('onboarding.privacy_heading')}</h2>
        <p>{i18n.t('onboarding.privacy_text')}</p>
      </section>

      <form class="fh-onboarding__choice" onSubmit={(event) => event.preventDefault()}>
        <fieldset>
          <legend>
            <h2>{i18n.t('onboarding.choice_heading')}</h2>
          </legend>
          {option(
            'standard',
            i18n.t('onboarding.standard_title'),
            i18n.t('onboarding.standard_text'),
            i18n.t('onboarding.standard_hint'),
          )}
          {option(
            'private',
            i18n.t('onboarding.private_title'),
            i18n.t('onboarding.private_text'),
            i18n.t('onboarding.private_hint'),
          )}
        </fieldset>
        <p class="fh-onboarding__status" role="status">
          {status?.kind === 'saved' && confirmation[status.mode]()}
          {status?.kind === 'failed' && i18n.t('onboarding.save_failed')}
        </p>
      </form>

      <p class="fh-onboarding__later">
        {i18n.t('onboarding.later')}{' '}
        <button type="button" class="fh-onboarding__link" onClick={() => void browser.runtime.openOptionsPage()}>
          {i18n.t('onboarding.open_settings')}
        </button>
      </p>

      <div class="fh-onboarding__actions">
        <button type="button" class="fh-onboarding__done" onClick={() => window.close()}>
          {i18n.t('onboarding.done')}
        </button>
      </div>
    </main>
  );
}
