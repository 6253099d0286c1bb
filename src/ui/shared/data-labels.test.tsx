// @vitest-environment happy-dom
import { type ComponentChild, render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { setUiLanguage } from '@/src/testing/fake-i18n';
import { WordList, withContent } from './data-labels';

let root: HTMLElement;

function show(ui: ComponentChild): HTMLElement {
  root = document.createElement('p');
  document.body.append(root);
  render(ui, root);
  return root;
}

afterEach(() => {
  render(null, root);
  root.remove();
  setUiLanguage('en');
});

const marked = () => [...root.querySelectorAll('[lang]')].map((el) => [el.textContent, el.getAttribute('lang')]);

describe('WordList', () => {
  it('lists words with commas, or the way the UI’s language joins a list', () => {
    const words = [{ text: 'starvation' }, { text: 'poverty' }, { text: 'imprisonment' }];
    expect(show(<WordList words={words} />).textContent).toBe('starvation, poverty, imprisonment');
    render(<WordList words={words} conjunction />, root);
    expect(root.textContent).toBe('starvation, poverty and imprisonment');
    expect(marked()).toEqual([]);
  });

  it('marks each word that is not in the UI’s language with its own', () => {
    setUiLanguage('ko');
    show(
      <WordList words={[{ text: '굶주림' }, { text: 'synthetic note', lang: 'en' }, { text: '수감' }]} conjunction />,
    );
    expect(root.textContent).toBe('굶주림, synthetic note 및 수감');
    expect(marked()).toEqual([['synthetic note', 'en']]);
  });

  it('marks nothing that is in the UI’s language, whatever the region', () => {
    show(<WordList words={[{ text: 'famine', lang: 'en' }]} />);
    expect(marked()).toEqual([]);
  });
});

describe('withContent', () => {
  it('puts elements where the message puts its $1', () => {
    setUiLanguage('ko');
    show(withContent((slot) => `이 이야기에는 다음 내용이 담겨 있습니다: ${slot}.`, <b>굶주림</b>));
    expect(root.innerHTML).toBe('이 이야기에는 다음 내용이 담겨 있습니다: <b>굶주림</b>.');
  });
});
