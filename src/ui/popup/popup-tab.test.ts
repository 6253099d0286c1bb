import { describe, expect, it } from 'vitest';
import { tabIdFromSearch } from './popup-tab';

describe('tabIdFromSearch', () => {
  it('reads ?tabId=N', () => {
    expect(tabIdFromSearch('?tabId=42')).toBe(42);
    expect(tabIdFromSearch('?x=1&tabId=7')).toBe(7);
  });

  it('has no tab without a whole, non-negative number', () => {
    expect(tabIdFromSearch('')).toBeUndefined();
    expect(tabIdFromSearch('?tabId=')).toBeUndefined();
    expect(tabIdFromSearch('?tabId=-1')).toBeUndefined();
    expect(tabIdFromSearch('?tabId=4.5')).toBeUndefined();
    expect(tabIdFromSearch('?tabId=abc')).toBeUndefined();
  });
});
