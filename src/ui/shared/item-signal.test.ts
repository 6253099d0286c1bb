import { effect } from '@preact/signals';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import { itemSignal } from './item-signal';

const colour = storage.defineItem<string>('local:test-colour', { fallback: 'green' });

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 0));
  expect(check()).toBe(true);
}

describe('itemSignal', () => {
  beforeEach(() => fakeBrowser.reset());

  it('is undefined until read, then holds the stored value', async () => {
    await colour.setValue('red');
    const { value, stop } = itemSignal(colour);
    expect(value.value).toBeUndefined();
    await until(() => value.value === 'red');
    stop();
  });

  it('holds the fallback when nothing is stored', async () => {
    const { value, stop } = itemSignal(colour);
    await until(() => value.value === 'green');
    stop();
  });

  it('follows every change and tells its readers, until stopped', async () => {
    const { value, stop } = itemSignal(colour);
    await until(() => value.value === 'green');
    const seen: (string | undefined)[] = [];
    const dispose = effect(() => {
      seen.push(value.value);
    });
    await colour.setValue('blue');
    await until(() => value.value === 'blue');
    stop();
    // The control: a second signal, still following, sees the next change arrive.
    const other = itemSignal(colour);
    await until(() => other.value.value === 'blue');
    await colour.setValue('black');
    await until(() => other.value.value === 'black');
    expect(value.value).toBe('blue');
    other.stop();
    expect(seen).toEqual(['green', 'blue']);
    dispose();
  });
});
