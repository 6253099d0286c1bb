/** Longest stretch of work before the page gets the main thread back. */
const SLICE_MS = 8;

/**
 * Runs steps on the main thread in slices of a few milliseconds, yielding in between, so
 * even a 2 MB page never sees a long task from us.
 */
export async function runInSlices<T>(steps: Generator<void, T>, sliceMs = SLICE_MS): Promise<T> {
  let start = performance.now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (performance.now() - start > sliceMs) {
      await yieldToMain();
      start = performance.now();
    }
  }
}

function yieldToMain(): Promise<void> {
  // scheduler.yield() keeps our place in the queue where supported (Chrome 129+).
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
