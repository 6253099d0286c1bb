import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { i18n } from '@/src/i18n';
import { useUniqueId } from '../shared/unique-id';
import type { Announce } from './use-status';

export interface ResetSettingsProps {
  onReset(): Promise<void> | void;
  /** Says what happened, in the page's status line. */
  announce: Announce;
}

/**
 * "Reset all settings", asked twice: an inline question rather than window.confirm, which
 * blocks the page and reads as the browser's own warning.
 */
export function ResetSettings({ onReset, announce }: ResetSettingsProps) {
  const headingId = useUniqueId();
  const hintId = useUniqueId();
  const confirming = useSignal(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  /** Focus follows the question: to Cancel when it opens, back to the button when it closes. */
  const moved = useRef(false);

  useEffect(() => {
    if (!moved.current) return;
    (confirming.value ? cancelRef : startRef).current?.focus();
  }, [confirming.value]);

  const ask = (open: boolean) => {
    moved.current = true;
    confirming.value = open;
  };

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{i18n.t('options.reset_heading')}</h2>
      <p id={hintId} class="fh-options__note">
        {i18n.t('options.reset_hint')}
      </p>
      {confirming.value ? (
        <fieldset
          class="fh-options__confirm"
          onKeyDown={(event) => {
            if (event.key === 'Escape') ask(false);
          }}
        >
          <legend>{i18n.t('options.reset_question')}</legend>
          <div class="fh-options__confirm-actions">
            <button
              type="button"
              class="fh-button fh-button--strong"
              onClick={async () => {
                try {
                  await onReset();
                  ask(false);
                  announce(i18n.t('options.reset_done'));
                } catch {
                  announce(i18n.t('options.reset_failed'), 'failed');
                }
              }}
            >
              {i18n.t('options.reset_confirm')}
            </button>
            <button type="button" class="fh-button" ref={cancelRef} onClick={() => ask(false)}>
              {i18n.t('options.reset_cancel')}
            </button>
          </div>
        </fieldset>
      ) : (
        <button
          type="button"
          class="fh-button fh-options__reset"
          ref={startRef}
          aria-describedby={hintId}
          onClick={() => ask(true)}
        >
          {i18n.t('options.reset_all')}
        </button>
      )}
    </section>
  );
}
