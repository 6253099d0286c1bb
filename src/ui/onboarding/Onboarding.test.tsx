// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { displayMode } from '@/src/settings/display-mode';
import { setUiLanguage } from '@/src/testing/fake-i18n';
import { createModeChoice, type ModeChoice } from './mode-choice';
import { Onboarding } from './Onboarding';

let root: HTMLElement;
let choice: ModeChoice | undefined;
beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  if (root) render(null, root);
  root?.remove();
  choice?.stop();
});

async function mount() {
  root = document.createElement('div');
  document.body.append(root);
  choice = createModeChoice();
  const shown = choice;
  await act(() => render(<Onboarding choice={shown} />, root));
  // Let the stored mode arrive.
  await act(async () => {
    await displayMode.getValue();
  });
}

/** The radio button whose label contains `text`. */
function radio(text: string): HTMLInputElement {
  const label = [...root.querySelectorAll('label')].find((l) => l.textContent?.includes(text));
  const input = label?.querySelector('input[type="radio"]');
  if (!(input instanceof HTMLInputElement)) throw new Error(`no radio button labelled "${text}"`);
  return input;
}

const status = () => root.querySelector('[role="status"]')?.textContent ?? '';

describe('Onboarding', () => {
  it('explains what Firsthand does and that nothing leaves the browser, and offers both modes', async () => {
    await mount();
    expect(root.querySelector('h1')?.textContent).toBeTruthy();
    expect(root.textContent).toMatch(/testimonies beside it/);
    expect(root.textContent).toMatch(/Nothing about the pages you read leaves your browser/);
    expect(root.textContent).toMatch(/no network requests/);
    const group = root.querySelector('fieldset');
    expect(group?.querySelector('legend')?.textContent).toMatch(/How should Firsthand show/);
    const radios = group?.querySelectorAll('input[type="radio"]') ?? [];
    expect(radios).toHaveLength(2);
    expect(radio('Standard').name).toBe(radio('Private mode').name);
    expect(radio('Private mode').closest('label')?.textContent).toMatch(/never add anything to the pages I read/);
    // Named by its title and text, described by its hint: the hint is said once, not twice.
    const text = (ids: string | null) =>
      (ids ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ');
    const choice = radio('Private mode');
    expect(text(choice.getAttribute('aria-labelledby'))).toMatch(/^Private mode: never add anything/);
    expect(text(choice.getAttribute('aria-labelledby'))).not.toContain(text(choice.getAttribute('aria-describedby')));
    expect(text(choice.getAttribute('aria-describedby'))).toMatch(/cannot tell that Firsthand is installed/);
  });

  it('preselects the stored mode', async () => {
    await displayMode.setValue('private');
    await mount();
    expect(radio('Private mode').checked).toBe(true);
    expect(radio('Standard').checked).toBe(false);
  });

  it('starts on the standard mode for a new install', async () => {
    await mount();
    expect(radio('Standard').checked).toBe(true);
  });

  it('saves private mode as soon as it is chosen and says so', async () => {
    await mount();
    expect(status()).toBe('');
    await act(() => radio('Private mode').click());
    await vi.waitFor(async () => expect(await displayMode.getValue()).toBe('private'));
    await vi.waitFor(() => expect(status()).toMatch(/Saved\. Private mode is on/));
    expect(radio('Private mode').checked).toBe(true);
  });

  it('saves standard again when the reader changes their mind', async () => {
    await displayMode.setValue('private');
    await mount();
    await act(() => radio('Standard').click());
    await vi.waitFor(async () => expect(await displayMode.getValue()).toBe('standard'));
    await vi.waitFor(() => expect(status()).toMatch(/Saved\. Standard mode is on/));
  });

  it('follows a mode chosen elsewhere (the settings page) while it is open', async () => {
    await mount();
    expect(radio('Standard').checked).toBe(true);
    await act(async () => {
      await displayMode.setValue('private');
    });
    await vi.waitFor(() => expect(radio('Private mode').checked).toBe(true));
    expect(radio('Standard').checked).toBe(false);
  });

  it('says so when the choice could not be saved, and shows the stored mode again', async () => {
    await mount();
    vi.spyOn(displayMode, 'setValue').mockRejectedValue(new Error('quota'));
    await act(() => radio('Private mode').click());
    await vi.waitFor(() => expect(status()).toMatch(/could not/i));
    expect(radio('Standard').checked).toBe(true);
    expect(await displayMode.getValue()).toBe('standard');
  });

  it('opens the settings page and closes itself when done', async () => {
    await mount();
    const openOptionsPage = vi.spyOn(fakeBrowser.runtime, 'openOptionsPage').mockResolvedValue();
    const close = vi.spyOn(window, 'close').mockImplementation(() => {});
    const button = (name: RegExp) =>
      [...root.querySelectorAll('button')].find((b) => name.test(b.textContent ?? '')) as HTMLButtonElement;
    act(() => button(/Open settings/).click());
    expect(openOptionsPage).toHaveBeenCalled();
    act(() => button(/Done/).click());
    expect(close).toHaveBeenCalled();
  });

  it('speaks Korean in a Korean browser', async () => {
    setUiLanguage('ko');
    await mount();
    expect(root.querySelector('h1')?.textContent).toBe('Firsthand에 오신 것을 환영합니다');
    expect(root.querySelector('legend')?.textContent).toBe('찾은 증언을 어떻게 보여 드릴까요?');
    await act(() => radio('비공개 모드').click());
    await vi.waitFor(() => expect(status()).toBe('저장했습니다. 비공개 모드가 켜졌습니다.'));
    // No English left, but the name and the key.
    expect(root.textContent?.replaceAll('Firsthand', '').replaceAll('Esc', '')).not.toMatch(/[A-Za-z]/);
  });
});
