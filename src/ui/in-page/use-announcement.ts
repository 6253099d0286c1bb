import { useEffect, useState } from 'preact/hooks';
import { ANNOUNCE_AFTER_MS } from './pill';

/**
 * A message for a polite live region, said once: set a moment after the region exists (a
 * region that appears with its text already in it is not announced), and only when the
 * message changes, so a re-render with the same count stays quiet.
 */
export function useAnnouncement(message: string, alreadySaid = ''): string {
  const [said, setSaid] = useState(alreadySaid);
  useEffect(() => {
    // The message already said sets the same text again: no change, nothing said twice.
    const timer = setTimeout(() => setSaid(message), ANNOUNCE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [message]);
  return said;
}
