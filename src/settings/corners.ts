/**
 * Where the in-page pill and panel sit: the values alone, without storage, so the in-page
 * UI (stage 2, src/ui/in-page) carries no storage library. The stored item is `corner` in
 * page-settings.ts.
 */
export type Corner = 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left';
export const CORNERS: readonly Corner[] = ['bottom-right', 'bottom-left', 'top-right', 'top-left'];

export const isCorner = (value: unknown): value is Corner => CORNERS.includes(value as Corner);
