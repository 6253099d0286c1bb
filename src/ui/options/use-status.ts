import { useEffect, useState } from 'preact/hooks';

/**
 * A short message for a section's status line (role="status": screen readers announce it),
 * cleared after a while so an old "Saved." does not describe a later change.
 */
export function useStatus(clearAfterMs = 4000): [string, (message: string) => void] {
  const [status, setStatus] = useState({ message: '', at: 0 });
  useEffect(() => {
    if (status.message === '') return;
    const timer = setTimeout(() => setStatus({ message: '', at: 0 }), clearAfterMs);
    return () => clearTimeout(timer);
  }, [status, clearAfterMs]);
  // A new object each time: saying the same thing twice restarts the timer.
  return [status.message, (message: string) => setStatus({ message, at: Date.now() })];
}
