import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The boundaries between contexts (STYLE.md): the detection content script runs in every
 * tab, so it must not carry the corpus, the search index or fuse.js — the background owns
 * them — nor the in-page UI, its settings or webextension-polyfill: the UI is another
 * script, injected only into pages with something to show (bench/detect-bench.ts).
 * This walks the real import graph (type-only imports are erased and do not count).
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function resolveImport(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith('@/')) base = join(root, spec.slice(2));
  else if (spec.startsWith('.')) base = resolve(dirname(from), spec);
  else return spec; // a package
  for (const ext of ['', '.ts', '.tsx', '/index.ts', '/index.tsx']) {
    if (existsSync(base + ext) && !base.endsWith('/')) {
      if (ext === '' && !/\.(tsx?|json)$/.test(base)) continue;
      return base + ext;
    }
  }
  return base;
}

function importGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    if (!file.startsWith('/') || !/\.tsx?$/.test(file) || !existsSync(file)) return;
    const source = readFileSync(file, 'utf8');
    const specifiers = [
      // import x from 'y', export { x } from 'y' (not `import type`: erased at build)
      ...[...source.matchAll(/^\s*(?:import|export)\s+(?!type\s)[^'";]*?from\s+['"]([^'"]+)['"]/gm)],
      // import 'y' (side effects), import('y') (dynamic)
      ...[...source.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)],
      ...[...source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)],
    ].map((m) => m[1] as string);
    for (const spec of specifiers) visit(resolveImport(file, spec) as string);
  };
  visit(entry);
  return new Set([...seen].map((f) => (f.startsWith('/') ? relative(root, f) : f)));
}

describe('context boundaries', () => {
  const contentScript = importGraph(join(root, 'entrypoints/firsthand.content/index.ts'));

  it('the walk sees the content script and what it imports', () => {
    expect(contentScript).toContain('src/lexicon/lexicon.ts');
    expect(contentScript).toContain('src/messaging/protocol.ts');
  });

  it('the content script imports neither fuse.js, the search index, the corpus nor background code', () => {
    const crossings = [...contentScript].filter((f) => f === 'fuse.js' || /^src\/(search|corpus|background)\//.test(f));
    expect(crossings).toEqual([]);
  });

  it('the content script carries no stemmer and no stop-word lists: it sends word keys, the background stems them', () => {
    const background = importGraph(join(root, 'entrypoints/background.ts'));
    const stemming = ['wink-porter2-stemmer', 'stopword', 'stopwords-iso/stopwords-iso.json'];
    // Control: the background does import them (the walk would see them).
    expect(stemming.filter((p) => background.has(p))).toEqual(stemming);
    expect(stemming.filter((p) => contentScript.has(p))).toEqual([]);
  });

  it('the content script carries no UI, no settings storage and no polyfill', () => {
    const heavy = [...contentScript].filter(
      (f) =>
        /^(preact|webextension-polyfill|@wxt-dev\/webextension-polyfill|wxt\/utils\/storage|@wxt-dev\/storage)/.test(
          f,
        ) ||
        /^src\/(ui|i18n)\//.test(f) ||
        // Settings are read through @wxt-dev/storage; the detection script reads its few keys
        // raw, through sites.ts alone.
        (/^src\/settings\//.test(f) && f !== 'src/settings/sites.ts'),
    );
    expect(heavy).toEqual([]);
    // ...while the in-page UI script, walked the same way, does reach them: the check can fail.
    const ui = importGraph(join(root, 'entrypoints/firsthand-ui.content/index.ts'));
    expect([...ui].some((f) => f.startsWith('preact'))).toBe(true);
    expect([...ui].some((f) => f === 'src/settings/page-settings.ts')).toBe(true);
  });

  it('only src/search imports fuse.js', () => {
    const importers = ['entrypoints/background.ts', 'entrypoints/popup/main.tsx', 'entrypoints/reader/main.tsx']
      .filter((f) => existsSync(join(root, f)))
      .flatMap((f) => [...importGraph(join(root, f))])
      .filter((f) => f.startsWith('src/') && existsSync(join(root, f)))
      .filter((f) => /from\s+['"]fuse\.js['"]/.test(readFileSync(join(root, f), 'utf8')));
    expect(importers.every((f) => f.startsWith('src/search/'))).toBe(true);
    expect(importers.length).toBeGreaterThan(0);
  });

  it('the options page reaches the collections only through the background: no IndexedDB store (issue 13)', () => {
    const store = ['src/collections/collection-store.ts', 'idb'];
    const options = importGraph(join(root, 'entrypoints/options/main.tsx'));
    expect(options).toContain('src/messaging/protocol.ts');
    expect(store.filter((f) => options.has(f))).toEqual([]);
    // Control: the background, walked the same way, does reach them.
    const background = importGraph(join(root, 'entrypoints/background.ts'));
    expect(store.filter((f) => background.has(f))).toEqual(store);
  });
});
