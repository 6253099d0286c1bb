import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';

/**
 * A status says something went well (the default), that it did not, or what the page
 * already shows where it happened ('beside': said to screen readers, not drawn again).
 */
export type StatusTone = 'done' | 'failed' | 'beside';

/** Says a message in the page's status line; '' takes away the one shown. */
export type Announce = (message: string, tone?: StatusTone) => void;

export interface Status {
  message: string;
  tone: StatusTone;
}

/**
 * A short message for a section's status line (role="status": screen readers announce it),
 * cleared after a while so an old "Saved." does not describe a later change.
 */
export function useStatus(clearAfterMs = 4000): [Status, Announce] {
  const status = useSignal<Status & { at: number }>({ message: '', tone: 'done', at: 0 });
  const shown = status.value;
  useEffect(() => {
    if (shown.message === '') return;
    const timer = setTimeout(() => {
      status.value = { message: '', tone: 'done', at: 0 };
    }, clearAfterMs);
    return () => clearTimeout(timer);
  }, [shown, clearAfterMs, status]);
  // A new object each time: saying the same thing twice restarts the timer.
  return [
    shown,
    (message, tone = 'done') => {
      status.value = { message, tone, at: Date.now() };
    },
  ];
}
