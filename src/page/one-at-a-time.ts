/**
 * Runs `work` one at a time: a request while it runs asks for one more run after it, never
 * two at once and never a queue (the page changed again; one more look covers it all).
 * Stage 0's gate test and the detector's scan both follow the page this way.
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
