/**
 * Runs `work` one at a time: a request while it runs asks for one more run after it, never
 * two at once and never a queue (the page changed again; one more look covers it all).
 * The detector's scan follows the page this way. (Stage 0 does the same in a few lines of
 * its own, page-gate.ts, where most pages are tested in one task with no promise at all.)
 */
export function oneAtATime(work: () => Promise<void>, { after, alive }: { after(): void; alive(): boolean }) {
  let running: Promise<void> | null = null;
  let again = false;
  const request = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = work()
      .catch(() => {})
      .finally(() => {
        running = null;
        after();
        if (again && alive()) {
          again = false;
          request();
        }
      });
  };
  return { request, idle: () => running === null && !again };
}
