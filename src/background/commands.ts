/** The keyboard shortcut that goes to the page's pill: its name in the manifest (wxt.config.ts) and to the background. */
export const FOCUS_PILL_COMMAND = 'focus-pill';
