import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { displayMode } from './display-mode';

describe('displayMode', () => {
  beforeEach(() => fakeBrowser.reset());

  it('is standard until the reader chooses, and remembers the choice', async () => {
    expect(await displayMode.getValue()).toBe('standard');
    await displayMode.setValue('private');
    expect(await displayMode.getValue()).toBe('private');
    expect(await fakeBrowser.storage.local.get('displayMode')).toEqual({ displayMode: 'private' });
  });
});
