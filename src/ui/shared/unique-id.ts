import { useState } from 'preact/hooks';

let next = 0;

/**
 * An id unique in the document and stable for the component's life. Not Preact's `useId`:
 * it repeats ids when a root is rendered again with a different tree (preactjs/preact#4223),
 * which the popup and the in-page UI do, and two elements with one id break their labels.
 */
export function useUniqueId(prefix = 'fh'): string {
  const [id] = useState(() => `${prefix}-${++next}`);
  return id;
}
