import { describe, expect, it } from 'vitest';
import { searchPath } from '@/src/messaging/protocol';
import { queryFromSearch, tabIdFromSearch } from './popup-tab';

describe('the popup as a search page', () => {
  it('round-trips the words through its address', () => {
    expect(queryFromSearch(new URL(searchPath('  탈북자 & famine '), 'chrome-extension://x').search)).toBe(
      '탈북자 & famine',
    );
    expect(queryFromSearch('')).toBe('');
    expect(queryFromSearch(`?q=${'a'.repeat(500)}`)).toHaveLength(200);
  });
});

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
