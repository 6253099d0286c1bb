import { storage } from 'wxt/utils/storage';

/**
 * How results are shown (PRODUCT.md, "Private mode"):
 * - standard: a small pill on pages with related testimonies, plus badge and popup;
 * - private: nothing is ever added to a page; results appear only in the badge and popup,
 *   so a page's own scripts cannot tell the extension is installed.
 */
export type DisplayMode = 'standard' | 'private';

export const displayMode = storage.defineItem<DisplayMode>('local:displayMode', {
  fallback: 'standard',
  version: 1,
});
