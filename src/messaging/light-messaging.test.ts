import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { onLight, sendLight } from './light-messaging';
import { onMessage, sendMessage } from './protocol';

beforeEach(() => fakeBrowser.reset());

describe('light messaging: the typed protocol without the library', () => {
  it("is answered by the library's listeners, with their answer", async () => {
    onMessage('openPanel', () => true);
    expect(await sendLight('openPanel')).toBe(true);
  });

  it("answers the library's senders", async () => {
    const heard: unknown[] = [];
    onLight('rescanPage', (data) => {
      heard.push(data ?? 'nothing');
    });
    await sendMessage('rescanPage', undefined);
    expect(heard).toEqual(['nothing']);
  });

  it("answers the library's senders with what its handler returns", async () => {
    onLight('focusPill', () => true);
    expect(await sendMessage('focusPill', undefined)).toBe(true);
  });

  it('fails where nobody answers, as the library does', async () => {
    await expect(sendLight('openPanel')).rejects.toThrow();
    // Control: the library itself fails there too.
    await expect(sendMessage('openPanel', undefined)).rejects.toThrow();
  });
});
