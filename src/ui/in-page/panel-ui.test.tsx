// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { syntheticMatches } from '@/src/testing/synthetic-cards';
import panelCss from './panel.css?inline';
import { type PanelState, panelCode, setPanelCode } from './panel-code';
import { startPanel } from './panel-ui';

afterEach(() => {
  setPanelCode(undefined);
  for (const host of document.querySelectorAll('firsthand-panel')) host.remove();
});

describe("the panel's code", () => {
  it('brings the panel’s styles into the shadow root it first draws in, once', () => {
    const abort = new AbortController();
    startPanel({
      onInvalidated: (callback: () => void) => abort.signal.addEventListener('abort', callback),
    } as unknown as ContentScriptContext);
    const code = panelCode();
    expect(code).toBeDefined();
    const host = document.body.appendChild(document.createElement('firsthand-panel'));
    const shadow = host.attachShadow({ mode: 'open' });
    // As in-page-ui.ts makes it: the pill's sheet, then the container.
    const pillStyle = document.createElement('style');
    const container = document.createElement('div');
    shadow.append(pillStyle, container);
    const state: PanelState = {
      matches: syntheticMatches(2),
      corner: 'bottom-right',
      picked: null,
      cardTakesFocus: false,
      host,
      open: false,
      announced: '',
      closeTermCard: () => {},
    };
    code?.draw(container, state);
    code?.draw(container, state);
    const styles = [...shadow.querySelectorAll('style')];
    expect(styles).toHaveLength(2);
    // After the pill's sheet, so its rules come later in the cascade, as they did in one sheet.
    expect(styles[0]).toBe(pillStyle);
    expect(styles[1]?.textContent).toBe(panelCss);
    expect(styles[1]?.nextElementSibling).toBe(container);
    expect(container.querySelector('[data-firsthand="pill"]')).not.toBeNull();
    abort.abort();
  });
});
