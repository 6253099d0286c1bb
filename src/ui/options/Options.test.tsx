// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import { displayMode } from '@/src/settings/display-mode';
import { corner, markTerms, offSites } from '@/src/settings/page-settings';
import { resultCount } from '@/src/settings/result-count';
import { DEFAULT_NEWS_SITES } from '@/src/settings/sites';
import { newsSites, runsOn } from '@/src/settings/where-it-runs';
import { setUiLanguage } from '@/src/testing/fake-i18n';
import { findButton } from '@/src/testing/find-button';
import { Options } from './Options';
import { createOptionsState, type OptionsState } from './options-state';

let root: HTMLElement;
let state: OptionsState | undefined;
beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  root?.remove();
  state?.stop();
  state = undefined;
});

/** Lets storage events and the signals' re-renders land, until `check` holds. */
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !check(); i++) {
    await act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  }
  expect(check()).toBe(true);
}

/**
 * The whole page over storage as a reader's browser has it (fakeBrowser): `before` stores
 * settings first; the page shows once it has read them all.
 */
async function mountAll(before: () => Promise<unknown> = async () => {}) {
  await newsSites.setValue(['bbc.com', 'nknews.org']);
  await before();
  state = createOptionsState();
  root = document.createElement('div');
  document.body.append(root);
  const page = state;
  act(() => render(<Options state={page} />, root));
  await until(() => root.querySelector('main') !== null);
  return page;
}

/** The control whose label contains "Private mode" (PRODUCT.md, stable contract). */
function privateModeControl(): HTMLInputElement {
  const label = [...root.querySelectorAll('label')].find((l) => l.textContent?.includes('Private mode'));
  const input = label?.querySelector('input');
  if (!input) throw new Error('no control labelled "Private mode"');
  return input;
}

describe('Options', () => {
  it('shows nothing until every setting is read, so no control shows a default it does not have', async () => {
    await displayMode.setValue('private');
    state = createOptionsState();
    root = document.createElement('div');
    document.body.append(root);
    const page = state;
    act(() => render(<Options state={page} />, root));
    expect(root.querySelector('main')).toBeNull();
    await until(() => root.querySelector('main') !== null);
    expect(privateModeControl().checked).toBe(true);
  });

  it('has a control labelled "Private mode" that shows the current mode, as it changes anywhere', async () => {
    await mountAll(() => displayMode.setValue('private'));
    expect(privateModeControl().checked).toBe(true);
    // Another window (the onboarding page, say) changes it: the page follows.
    await displayMode.setValue('standard');
    await until(() => !privateModeControl().checked);
  });

  it('switches private mode on and off, and says it saved', async () => {
    await mountAll();
    act(() => privateModeControl().click());
    expect(privateModeControl().checked).toBe(true);
    expect(root.querySelector('[role="status"]')?.textContent).toBe('Saved.');
    await until(() => privateModeControl().checked);
    expect(await displayMode.getValue()).toBe('private');
    act(() => privateModeControl().click());
    await until(() => !privateModeControl().checked);
    expect(await displayMode.getValue()).toBe('standard');
  });

  it('explains the mode to screen readers through the control description', async () => {
    await mountAll();
    const hint = document.getElementById(privateModeControl().getAttribute('aria-describedby') ?? '');
    expect(hint?.textContent).toMatch(/cannot tell that it is installed/);
  });

  it('switches the underlining of terms, on by default', async () => {
    await mountAll();
    const label = [...root.querySelectorAll('label')].find((l) => l.textContent?.includes('Underline the terms'));
    const input = label?.querySelector('input') as HTMLInputElement;
    expect(input.checked).toBe(true);
    act(() => input.click());
    await until(() => !input.checked);
    expect(await markTerms.getValue()).toBe(false);
  });

  it('lists the sites where Firsthand is off, each with a way to turn it back on', async () => {
    await mountAll(() => offSites.setValue(['bbc.com', 'nknews.org']));
    const offSection = () => root.querySelectorAll('section')[2] as HTMLElement;
    const buttons = () => [...offSection().querySelectorAll('button')].map((b) => b.textContent);
    expect(buttons()).toEqual(['Turn on for bbc.com', 'Turn on for nknews.org']);
    const first = offSection().querySelector('button') as HTMLButtonElement;
    first.focus();
    act(() => first.click());
    await until(() => buttons().length === 1);
    expect(await offSites.getValue()).toEqual(['nknews.org']);
    // The pressed button left with its site: focus goes to the next one, then to the heading.
    await until(() => document.activeElement?.textContent === 'Turn on for nknews.org');
    act(() => (document.activeElement as HTMLButtonElement).click());
    await until(() => buttons().length === 0);
    await until(() => document.activeElement === offSection().querySelector('h2'));
  });
});

const control = (name: string | RegExp) => {
  const label = [...root.querySelectorAll('label')].find((l) =>
    typeof name === 'string' ? l.textContent?.trim() === name : name.test(l.textContent ?? ''),
  );
  const input = label?.htmlFor ? root.querySelector(`#${label.htmlFor}`) : label?.querySelector('input, select');
  if (!input) throw new Error(`no control labelled ${name}`);
  return input as HTMLInputElement;
};
/** A button by its accessible name: its aria-label, else its text. */
const button = (name: string | RegExp) => findButton(root, name);
/** The page's one status line. */
const status = () => {
  const found = root.querySelectorAll('[role="status"]');
  expect(found.length).toBe(1);
  return found[0]?.textContent;
};
const type = (input: HTMLInputElement, text: string) =>
  act(() => {
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
const submit = (input: HTMLInputElement) =>
  act(() => {
    input.form?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });

describe('the options page, every section', () => {
  it('groups the settings under headings, in order', async () => {
    await mountAll();
    expect([...root.querySelectorAll('h2')].map((h) => h.textContent)).toEqual([
      'Display',
      'Where Firsthand runs',
      'Sites where Firsthand is off',
      'Results',
      'Reset',
    ]);
    // Every section is a region named by its heading.
    expect(root.querySelectorAll('section')).toHaveLength(5);
    for (const section of root.querySelectorAll('section')) {
      expect(document.getElementById(section.getAttribute('aria-labelledby') ?? '')?.tagName).toBe('H2');
    }
  });

  it('has a label for every control, and nothing kept out of the keyboard', async () => {
    await mountAll();
    const controls = [...root.querySelectorAll('input, select, button')];
    expect(controls.length).toBeGreaterThan(10);
    for (const el of controls) {
      expect(el.getAttribute('tabindex'), el.outerHTML).toBeNull();
      const named =
        el.tagName === 'BUTTON'
          ? (el.textContent ?? '').trim() !== ''
          : (el as HTMLInputElement).labels?.length || root.querySelector(`label[for="${el.id}"]`);
      expect(Boolean(named), el.outerHTML).toBe(true);
    }
  });

  it('moves the pill to another corner, except in private mode where there is none', async () => {
    await mountAll(() => corner.setValue('top-left'));
    const select = control('Corner of the page for the Firsthand pill') as unknown as HTMLSelectElement;
    expect(select.value).toBe('top-left');
    select.value = 'bottom-left';
    act(() => {
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await until(() => select.value === 'bottom-left');
    expect(await corner.getValue()).toBe('bottom-left');
    // No note while private mode is off: the control that the note below is private mode's.
    const described = (el: Element) =>
      (el.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ');
    expect(described(select)).toBe('');
    await displayMode.setValue('private');
    await until(() => select.disabled);
    // Disabled, and told why: the two settings keep the reader's choice for later.
    const why = /Private mode is on, so nothing is added to pages/;
    expect(described(select)).toMatch(why);
    expect(described(control('Underline the terms that testimonies speak to'))).toMatch(why);
  });

  it('chooses where Firsthand runs: every site, or only the news sites in the list', async () => {
    await mountAll();
    expect(control('On every site').checked).toBe(true);
    act(() => control('Only on news sites in my list').click());
    expect(status()).toBe('Saved.');
    await until(() => control('Only on news sites in my list').checked);
    expect(await runsOn.getValue()).toBe('news-sites');
    expect(control('On every site').checked).toBe(false);
  });

  it('adds a news site typed as a host or pasted as an address, by its name', async () => {
    await mountAll();
    const input = control('Add a news site');
    type(input, 'https://www.DailyNK.com/english/some-article/');
    submit(input);
    expect(input.value).toBe('');
    expect(status()).toBe('Added dailynk.com.');
    await until(() => root.textContent?.includes('My news sites (3)') === true);
    expect(await newsSites.getValue()).toEqual(['bbc.com', 'dailynk.com', 'nknews.org']);
  });

  it('says clearly, next to the field, why a site was not added', async () => {
    await mountAll();
    // A change just saved: its "Saved." must not stand beside the refusal that follows.
    act(() => control('Only on news sites in my list').click());
    expect(status()).toBe('Saved.');
    const input = control('Add a news site');
    const error = () => document.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent ?? '';
    for (const [typed, says] of [
      ['north korea', /is not a site/],
      ['', /Type a site/],
      ['www.bbc.com', /bbc.com is already in your list/],
      ['news.bbc.com', /already covered: bbc.com/],
    ] as const) {
      type(input, typed);
      submit(input);
      expect(input.getAttribute('aria-invalid'), typed).toBe('true');
      expect(error(), typed).toMatch(says);
      expect(status(), typed).toBe('');
    }
    expect(await newsSites.getValue()).toEqual(['bbc.com', 'nknews.org']);
    // Typing again clears the complaint.
    type(input, 'nk');
    expect(input.getAttribute('aria-invalid')).toBe('false');
    expect(input.getAttribute('aria-describedby')).toBeNull();
  });

  it('removes a news site, and restores the default list', async () => {
    await mountAll();
    act(() => button(/^Remove\s*bbc.com$/).click());
    expect(status()).toBe('Removed bbc.com.');
    await until(() => root.textContent?.includes('My news sites (1)') === true);
    expect(await newsSites.getValue()).toEqual(['nknews.org']);
    act(() => button('Restore the default list').click());
    await until(() => root.textContent?.includes(`My news sites (${DEFAULT_NEWS_SITES.length})`) === true);
    // Restored by removing the value: the default list is the item's own.
    expect(await fakeBrowser.storage.local.get('newsSites')).toEqual({});
  });

  it('lists the default news sites with a count', async () => {
    await mountAll(() => newsSites.removeValue());
    expect(root.querySelector('h3')?.textContent).toBe(`My news sites (${DEFAULT_NEWS_SITES.length})`);
    expect(root.querySelectorAll('.fh-options__site-grid li').length).toBe(DEFAULT_NEWS_SITES.length);
  });

  it('chooses how many testimonies a page shows', async () => {
    await mountAll();
    expect(control('Up to 6 (default)').checked).toBe(true);
    act(() => control('Up to 3').click());
    expect(status()).toBe('Saved.');
    await until(() => control('Up to 3').checked);
    expect(await resultCount.getValue()).toBe(3);
  });

  it('resets every setting only after an inline confirmation, and says so', async () => {
    await mountAll(() => displayMode.setValue('private'));
    act(() => button('Reset all settings').click());
    expect(root.textContent).toContain('Are you sure?');
    // Focus goes to the safe answer.
    expect(document.activeElement?.textContent).toBe('Cancel');
    act(() => button('Cancel').click());
    expect(await displayMode.getValue()).toBe('private');
    expect(document.activeElement?.textContent).toBe('Reset all settings');

    act(() => button('Reset all settings').click());
    await act(async () => button('Reset').click());
    await until(() => status() === 'Settings restored to their defaults.');
    expect(await displayMode.getValue()).toBe('standard');
    await until(() => !privateModeControl().checked);
    expect(root.textContent).not.toContain('Are you sure?');
  });

  it('says so when the reset fails, and keeps the question open to try again', async () => {
    await mountAll();
    vi.spyOn(storage, 'removeItems').mockRejectedValue(new Error('storage full'));
    act(() => button('Reset all settings').click());
    await act(async () => button('Reset').click());
    await until(() => status() === 'The settings could not be reset. Please try again.');
    expect(root.textContent).toContain('Are you sure?');
  });

  it('closes the confirmation with Esc', async () => {
    await mountAll(() => displayMode.setValue('private'));
    act(() => button('Reset all settings').click());
    act(() => {
      document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(root.textContent).not.toContain('Are you sure?');
    expect(await displayMode.getValue()).toBe('private');
  });
});

describe('the options page in Korean', () => {
  afterEach(() => setUiLanguage('en'));

  it('speaks Korean, says so, and keeps "Private mode" in the label the contract names', async () => {
    setUiLanguage('ko');
    await mountAll();
    expect(root.querySelector('main')?.getAttribute('lang')).toBe('ko');
    expect(root.querySelector('h1')?.textContent).toBe('Firsthand 설정');
    expect([...root.querySelectorAll('h2')].map((h) => h.textContent)).toEqual([
      '표시 방식',
      'Firsthand가 작동하는 곳',
      'Firsthand를 끈 사이트',
      '결과',
      '초기화',
    ]);
    expect(root.querySelector('h3')?.textContent).toBe('내 뉴스 사이트 (2곳)');
    expect(privateModeControl().closest('label')?.textContent).toContain('비공개 모드 (Private mode)');
    expect(control('최대 6건 (기본값)').checked).toBe(true);
    expect(control('Firsthand 버튼을 둘 페이지 모서리').querySelector('option')?.textContent).toBe('오른쪽 아래');
    expect(button('bbc.com 삭제').textContent).toBe('삭제');
  });

  it('says in Korean why a site was not added, and what changed', async () => {
    setUiLanguage('ko');
    await mountAll();
    const input = control('뉴스 사이트 추가');
    type(input, 'north korea');
    submit(input);
    expect(root.querySelector('[role="alert"]')?.textContent).toBe(
      '“north korea”에서 사이트를 찾을 수 없습니다. nknews.org 같은 사이트 이름을 입력하거나, 그 사이트에 실린 기사의 주소를 붙여 넣으세요.',
    );
    type(input, 'news.bbc.com');
    submit(input);
    expect(root.querySelector('[role="alert"]')?.textContent).toBe(
      'news.bbc.com 사이트는 이미 포함되어 있습니다. 목록에 있는 bbc.com 사이트가 하위 도메인까지 포함합니다.',
    );
    type(input, 'dailynk.com');
    submit(input);
    expect(status()).toBe('dailynk.com 사이트를 추가했습니다.');
    act(() => control(/비공개 모드/).click());
    expect(status()).toBe('저장했습니다.');
  });
});
