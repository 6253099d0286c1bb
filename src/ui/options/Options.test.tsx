// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setUiLanguage } from '@/src/i18n/fake-i18n';
import { DEFAULT_NEWS_SITES } from '@/src/settings/sites';
import { findButton } from '@/src/ui/shared/find-button';
import { Options, type OptionsProps } from './Options';

let root: HTMLElement;
afterEach(() => root?.remove());

function mount(mode: 'standard' | 'private', onModeChange = vi.fn()) {
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(<Options mode={mode} onModeChange={onModeChange} />, root));
  return onModeChange;
}

/** The control whose label contains "Private mode" (PRODUCT.md, stable contract). */
function privateModeControl(): HTMLInputElement {
  const label = [...root.querySelectorAll('label')].find((l) => l.textContent?.includes('Private mode'));
  const input = label?.querySelector('input');
  if (!input) throw new Error('no control labelled "Private mode"');
  return input;
}

describe('Options', () => {
  it('has a control labelled "Private mode" that shows the current mode', () => {
    mount('private');
    expect(privateModeControl().checked).toBe(true);
    act(() => render(<Options mode="standard" onModeChange={() => {}} />, root));
    expect(privateModeControl().checked).toBe(false);
  });

  it('switches private mode on and off, and says it saved', () => {
    const onModeChange = mount('standard');
    act(() => privateModeControl().click());
    expect(onModeChange).toHaveBeenLastCalledWith('private');
    expect(root.querySelector('[role="status"]')?.textContent).toBe('Saved.');
  });

  it('explains the mode to screen readers through the control description', () => {
    mount('standard');
    const hint = document.getElementById(privateModeControl().getAttribute('aria-describedby') ?? '');
    expect(hint?.textContent).toMatch(/cannot tell that it is installed/);
  });

  it('switches the underlining of terms, on by default', () => {
    const onMarkTermsChange = vi.fn();
    root = document.createElement('div');
    document.body.append(root);
    act(() => render(<Options mode="standard" onModeChange={() => {}} onMarkTermsChange={onMarkTermsChange} />, root));
    const label = [...root.querySelectorAll('label')].find((l) => l.textContent?.includes('Underline the terms'));
    const input = label?.querySelector('input') as HTMLInputElement;
    expect(input.checked).toBe(true);
    act(() => input.click());
    expect(onMarkTermsChange).toHaveBeenLastCalledWith(false);
  });

  it('lists the sites where Firsthand is off, each with a way to turn it back on', () => {
    const onSiteOn = vi.fn();
    root = document.createElement('div');
    document.body.append(root);
    act(() =>
      render(
        <Options mode="standard" onModeChange={() => {}} offSites={['bbc.com', 'nknews.org']} onSiteOn={onSiteOn} />,
        root,
      ),
    );
    const buttons = [...root.querySelectorAll('button')].map((b) => b.textContent);
    expect(buttons).toEqual(['Turn on for bbc.com', 'Turn on for nknews.org']);
    act(() => root.querySelector('button')?.click());
    expect(onSiteOn).toHaveBeenCalledWith('bbc.com');
  });
});

/** The whole page, every section, with spies for every change. */
function mountAll(props: Partial<OptionsProps> = {}) {
  const spies = {
    onModeChange: vi.fn(),
    onMarkTermsChange: vi.fn(),
    onCornerChange: vi.fn(),
    onRunsOnChange: vi.fn(),
    onNewsSitesChange: vi.fn(),
    onRestoreNewsSites: vi.fn(),
    onSiteOn: vi.fn(),
    onResultCountChange: vi.fn(),
    onReset: vi.fn(() => Promise.resolve()),
  };
  root = document.createElement('div');
  document.body.append(root);
  const all = { mode: 'standard' as const, newsSites: ['bbc.com', 'nknews.org'], offSites: [], ...spies, ...props };
  act(() => render(<Options {...all} />, root));
  return { spies, rerender: (more: Partial<OptionsProps>) => act(() => render(<Options {...all} {...more} />, root)) };
}

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
  it('groups the settings under headings, in order', () => {
    mountAll();
    expect([...root.querySelectorAll('h2')].map((h) => h.textContent)).toEqual([
      'Display',
      'Where Firsthand runs',
      'Sites where Firsthand is off',
      'Results',
      'Reset',
    ]);
    // Every section is a region named by its heading.
    for (const section of root.querySelectorAll('section')) {
      expect(document.getElementById(section.getAttribute('aria-labelledby') ?? '')?.tagName).toBe('H2');
    }
  });

  it('has a label for every control, and nothing kept out of the keyboard', () => {
    mountAll();
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

  it('moves the pill to another corner, except in private mode where there is none', () => {
    const { spies, rerender } = mountAll({ corner: 'top-left' });
    const select = control('Corner of the page for the Firsthand button') as unknown as HTMLSelectElement;
    expect(select.value).toBe('top-left');
    select.value = 'bottom-left';
    act(() => {
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(spies.onCornerChange).toHaveBeenCalledWith('bottom-left');
    rerender({ mode: 'private' });
    expect(select.disabled).toBe(true);
  });

  it('chooses where Firsthand runs: every site, or only the news sites in the list', () => {
    const { spies, rerender } = mountAll();
    expect(control('On every site').checked).toBe(true);
    act(() => control('Only on news sites in my list').click());
    expect(spies.onRunsOnChange).toHaveBeenCalledWith('news-sites');
    expect(status()).toBe('Saved.');
    rerender({ runsOn: 'news-sites' });
    expect(control('Only on news sites in my list').checked).toBe(true);
    expect(control('On every site').checked).toBe(false);
  });

  it('adds a news site typed as a host or pasted as an address, by its name', () => {
    const { spies } = mountAll();
    const input = control('Add a news site');
    type(input, 'https://www.DailyNK.com/english/some-article/');
    submit(input);
    expect(spies.onNewsSitesChange).toHaveBeenCalledWith(['bbc.com', 'dailynk.com', 'nknews.org']);
    expect(input.value).toBe('');
    expect(status()).toBe('Added dailynk.com.');
  });

  it('says clearly, next to the field, why a site was not added', () => {
    const { spies } = mountAll();
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
    }
    expect(spies.onNewsSitesChange).not.toHaveBeenCalled();
    // Typing again clears the complaint.
    type(input, 'nk');
    expect(input.getAttribute('aria-invalid')).toBe('false');
    expect(input.getAttribute('aria-describedby')).toBeNull();
  });

  it('removes a news site, and restores the default list', () => {
    const { spies } = mountAll();
    act(() => button(/^Remove\s*bbc.com$/).click());
    expect(spies.onNewsSitesChange).toHaveBeenCalledWith(['nknews.org']);
    expect(status()).toBe('Removed bbc.com.');
    act(() => button('Restore the default list').click());
    expect(spies.onRestoreNewsSites).toHaveBeenCalled();
  });

  it('lists the default news sites with a count', () => {
    mountAll({ newsSites: DEFAULT_NEWS_SITES });
    expect(root.querySelector('h3')?.textContent).toBe(`My news sites (${DEFAULT_NEWS_SITES.length})`);
    expect(root.querySelectorAll('.fh-options__site-grid li').length).toBe(DEFAULT_NEWS_SITES.length);
  });

  it('chooses how many testimonies a page shows', () => {
    const { spies } = mountAll({ resultCount: 6 });
    expect(control('Up to 6 (default)').checked).toBe(true);
    act(() => control('Up to 3').click());
    expect(spies.onResultCountChange).toHaveBeenCalledWith(3);
    expect(status()).toBe('Saved.');
  });

  it('resets every setting only after an inline confirmation, and says so', async () => {
    const { spies } = mountAll();
    act(() => button('Reset all settings').click());
    expect(root.textContent).toContain('Are you sure?');
    // Focus goes to the safe answer.
    expect(document.activeElement?.textContent).toBe('Cancel');
    act(() => button('Cancel').click());
    expect(spies.onReset).not.toHaveBeenCalled();
    expect(document.activeElement?.textContent).toBe('Reset all settings');

    act(() => button('Reset all settings').click());
    await act(async () => button('Reset').click());
    expect(spies.onReset).toHaveBeenCalledTimes(1);
    expect(status()).toBe('Settings restored to their defaults.');
    expect(root.textContent).not.toContain('Are you sure?');
  });

  it('says so when the reset fails, and keeps the question open to try again', async () => {
    mountAll({ onReset: vi.fn(() => Promise.reject(new Error('storage full'))) });
    act(() => button('Reset all settings').click());
    await act(async () => button('Reset').click());
    expect(status()).toBe('The settings could not be reset. Please try again.');
    expect(root.textContent).toContain('Are you sure?');
  });

  it('closes the confirmation with Esc', () => {
    const { spies } = mountAll();
    act(() => button('Reset all settings').click());
    act(() => {
      document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(root.textContent).not.toContain('Are you sure?');
    expect(spies.onReset).not.toHaveBeenCalled();
  });
});

describe('the options page in Korean', () => {
  afterEach(() => setUiLanguage('en'));

  it('speaks Korean, says so, and keeps "Private mode" in the label the contract names', () => {
    setUiLanguage('ko');
    mountAll({ resultCount: 6 });
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

  it('says in Korean why a site was not added, and what changed', () => {
    setUiLanguage('ko');
    mountAll();
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
