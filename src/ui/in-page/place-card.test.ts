import { describe, expect, it } from 'vitest';
import { placeCard } from './place-card';

const viewport = { width: 1000, height: 800 };
const size = { width: 340, height: 300 };
const overlaps = (a: { top: number; bottom: number }, top: number, height: number) =>
  top < a.bottom && top + height > a.top;

describe('placeCard', () => {
  it('puts the card below the term when there is room, aligned with it', () => {
    const anchor = { top: 100, bottom: 120, left: 200 };
    const place = placeCard(anchor, size, viewport);
    expect(place.placement).toBe('below');
    expect(place.top).toBeGreaterThanOrEqual(anchor.bottom);
    expect(place.left).toBe(200);
  });

  it('puts it above a term near the bottom of the viewport', () => {
    const anchor = { top: 700, bottom: 720, left: 200 };
    const place = placeCard(anchor, size, viewport);
    expect(place.placement).toBe('above');
    expect(place.top + size.height).toBeLessThanOrEqual(anchor.top);
    expect(place.top).toBeGreaterThanOrEqual(8);
  });

  it("keeps clear of the page's bars at the viewport's edges: above a term over a cookie banner", () => {
    const anchor = { top: 400, bottom: 420, left: 200 };
    // The control: without the banner, it goes below, over where the banner would be.
    const free = placeCard(anchor, size, viewport);
    expect(free.placement).toBe('below');
    expect(free.top + size.height).toBeGreaterThan(650);
    // A 150 px banner at the bottom: above the term, where it fits whole.
    const place = placeCard(anchor, size, viewport, { top: 0, bottom: 150 });
    expect(place.placement).toBe('above');
    expect(place.top + size.height).toBeLessThanOrEqual(anchor.top);
    // A sticky header too: never under it either; the card scrolls within what is left.
    const both = placeCard(anchor, size, viewport, { top: 200, bottom: 150 });
    expect(both.top).toBeGreaterThanOrEqual(200);
    expect(both.top + both.maxHeight).toBeLessThanOrEqual(800 - 150);
  });

  it('keeps it inside the viewport horizontally', () => {
    expect(placeCard({ top: 100, bottom: 120, left: 900 }, size, viewport).left).toBe(1000 - 340 - 8);
    expect(placeCard({ top: 100, bottom: 120, left: -50 }, size, viewport).left).toBe(8);
  });

  it('never covers the term, even when neither side has room: it shrinks to the larger side', () => {
    const small = { width: 360, height: 400 };
    for (const top of [40, 150, 200, 260, 330]) {
      const anchor = { top, bottom: top + 20, left: 10 };
      const place = placeCard(anchor, { width: 340, height: 600 }, small);
      const height = Math.min(600, place.maxHeight);
      expect(overlaps(anchor, place.top, height), `term at ${top}`).toBe(false);
      expect(place.top).toBeGreaterThanOrEqual(0);
      expect(place.top + height).toBeLessThanOrEqual(small.height);
    }
  });
});
