import { render } from 'preact';
import {
  addCollection,
  exportCollection,
  listCollections,
  removeCollection,
  setCollectionEnabled,
} from '@/src/collections/collection-store';
import { i18n, uiLanguage } from '@/src/i18n';
import { sendMessage } from '@/src/messaging/protocol';
import { resetAllSettings } from '@/src/settings/all-settings';
import { type DisplayMode, displayMode } from '@/src/settings/display-mode';
import { type Corner, corner, markTerms, offSites, setSiteOff } from '@/src/settings/page-settings';
import { type ResultCount, resultCount } from '@/src/settings/result-count';
import { newsSites, type RunsOn, runsOn } from '@/src/settings/where-it-runs';
import { Options } from '@/src/ui/options/Options';

document.documentElement.lang = uiLanguage();
document.title = i18n.t('options.title');

/** The Collections section's store (IndexedDB, shared with the background) and messages. */
const collections = {
  store: {
    list: listCollections,
    add: (...args: Parameters<typeof addCollection>) => addCollection(...args),
    setEnabled: setCollectionEnabled,
    remove: removeCollection,
    exportPack: exportCollection,
  },
  bundledStoryIds: () => sendMessage('bundledStoryIds', undefined),
  collectionsChanged: () => sendMessage('collectionsChanged', undefined),
};

const app = document.getElementById('app');
if (app) {
  const state = {
    mode: displayMode.fallback as DisplayMode,
    marks: markTerms.fallback,
    corner: corner.fallback as Corner,
    runsOn: runsOn.fallback as RunsOn,
    news: newsSites.fallback,
    off: offSites.fallback,
    count: resultCount.fallback as ResultCount,
  };
  type State = typeof state;
  /**
   * Shows a change at once, then stores it. Until storage says so, a render for any other
   * reason (the status line) would otherwise put the old value back into the control.
   */
  const change =
    <K extends keyof State>(key: K, save: (value: State[K]) => Promise<void>) =>
    (value: State[K]) => {
      state[key] = value;
      show();
      void save(value);
    };
  const show = () =>
    render(
      <Options
        mode={state.mode}
        onModeChange={change('mode', (next) => displayMode.setValue(next))}
        markTerms={state.marks}
        onMarkTermsChange={change('marks', (on) => markTerms.setValue(on))}
        corner={state.corner}
        onCornerChange={change('corner', (next) => corner.setValue(next))}
        runsOn={state.runsOn}
        onRunsOnChange={change('runsOn', (next) => runsOn.setValue(next))}
        newsSites={state.news}
        onNewsSitesChange={change('news', (sites) => newsSites.setValue(sites))}
        onRestoreNewsSites={() => change('news', () => newsSites.removeValue())(newsSites.fallback)}
        offSites={state.off}
        onSiteOn={(site) => void setSiteOff(site, false)}
        resultCount={state.count}
        onResultCountChange={change('count', (count) => resultCount.setValue(count))}
        onReset={resetAllSettings}
        collections={collections}
      />,
      app,
    );
  // Every setting as stored, and as it changes (from a page's panel, the popup, another
  // window). Shown once all are read, so no control shows a default it does not have.
  let loaded = false;
  const follow = <T,>(
    item: { getValue(): Promise<T>; watch(cb: (value: T) => void): unknown },
    set: (v: T) => void,
  ) => {
    item.watch((value) => {
      set(value);
      if (loaded) show();
    });
    return item.getValue().then(set);
  };
  void Promise.all([
    follow(displayMode, (mode) => {
      state.mode = mode;
    }),
    follow(markTerms, (on) => {
      state.marks = on;
    }),
    follow(corner, (place) => {
      state.corner = place;
    }),
    follow(runsOn, (where) => {
      state.runsOn = where;
    }),
    follow(newsSites, (sites) => {
      state.news = sites;
    }),
    follow(offSites, (sites) => {
      state.off = sites;
    }),
    follow(resultCount, (count) => {
      state.count = count;
    }),
  ]).finally(() => {
    loaded = true;
    show();
  });
}
