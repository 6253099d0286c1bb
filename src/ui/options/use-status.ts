import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';

/**
 * A short message for a section's status line (role="status": screen readers announce it),
 * cleared after a while so an old "Saved." does not describe a later change.
 */
export function useStatus(clearAfterMs = 4000): [string, (message: string) => void] {
  const status = useSignal({ message: '', at: 0 });
  const shown = status.value;
  useEffect(() => {
    if (shown.message === '') return;
    const timer = setTimeout(() => {
      status.value = { message: '', at: 0 };
    }, clearAfterMs);
    return () => clearTimeout(timer);
  }, [shown, clearAfterMs, status]);
  // A new object each time: saying the same thing twice restarts the timer.
  return [
    shown.message,
    (message: string) => {
      status.value = { message, at: Date.now() };
    },
  ];
}
