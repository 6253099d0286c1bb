import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { RESULT_COUNTS, resultCount } from './result-count';

describe('resultCount', () => {
  beforeEach(() => fakeBrowser.reset());

  it('is 6 until the reader chooses 3 or 10, and remembers the choice', async () => {
    expect(RESULT_COUNTS).toEqual([3, 6, 10]);
    expect(await resultCount.getValue()).toBe(6);
    await resultCount.setValue(3);
    expect(await resultCount.getValue()).toBe(3);
    expect(await fakeBrowser.storage.local.get('resultCount')).toEqual({ resultCount: 3 });
  });
});
