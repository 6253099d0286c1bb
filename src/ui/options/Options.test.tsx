// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Options } from './Options';

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
