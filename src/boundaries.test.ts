import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The boundaries between contexts and folders (STYLE.md, issue 13), as a matrix: each page
 * stage carries only what it needs (stage 0 runs on every page: bench/detect-bench.ts),
 * no surface imports background code, each folder of src/ imports only the folders below
 * it, and tests, evals and benches depend on src/, never on each other. This walks the
 * real import graph (type-only imports are erased and do not count).
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

function importGraph(entry: string, depth = Number.POSITIVE_INFINITY): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string, level = 0) => {
    if (seen.has(file)) return;
    seen.add(file);
    if (level >= depth) return;
    if (!file.startsWith('/') || !/\.tsx?$/.test(file) || !existsSync(file)) return;
    const source = readFileSync(file, 'utf8');
    const specifiers = [
      // import x from 'y', export { x } from 'y' (not `import type`: erased at build)
      ...[...source.matchAll(/^\s*(?:import|export)\s+(?!type\s)[^'";]*?from\s+['"]([^'"]+)['"]/gm)],
      // import 'y' (side effects), import('y') (dynamic)
      ...[...source.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)],
      ...[...source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)],
    ].map((m) => m[1] as string);
    for (const spec of specifiers) visit(resolveImport(file, spec) as string, level + 1);
  };
  visit(entry);
  return new Set([...seen].map((f) => (f.startsWith('/') ? relative(root, f) : f)));
}

const walk = (entry: string) => importGraph(join(root, entry));
/** Every file of a folder of our own (src/x/...), without tests. */
const ownFiles = (graph: Set<string>) => [...graph].filter((f) => !f.endsWith('.test.ts') && !f.endsWith('.test.tsx'));
const under = (graph: Set<string>, folder: RegExp) => ownFiles(graph).filter((f) => folder.test(f));
/** Every TypeScript file under a folder of the repository, tests included. */
function filesUnder(folder: string): string[] {
  const out: string[] = [];
  const visit = (dir: string) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) visit(path);
      else if (/\.tsx?$/.test(entry.name)) out.push(path);
    }
  };
  visit(folder);
  return out;
}
/** What a set of files import directly (first step of the walk), as repository paths or packages. */
function directImports(files: readonly string[]): Set<string> {
  const seen = new Set<string>();
  for (const file of files) {
    for (const f of importGraph(join(root, file), 1)) if (f !== file) seen.add(f);
  }
  return seen;
}

/** Packages no page script may carry: the UI, storage, the polyfill, search, stemming. */
const HEAVY =
  /^(preact|@preact\/|webextension-polyfill|@wxt-dev\/webextension-polyfill|wxt\/utils\/storage|@wxt-dev\/storage|fuse\.js|wink-porter2-stemmer|stopword|stopwords-iso)/;

describe('context boundaries: the page pipeline', () => {
  const stage0 = walk('src/page/firsthand-gate.ts');
  const stage1 = walk('entrypoints/firsthand-detect.content/index.ts');
  const stage2 = walk('entrypoints/firsthand-ui.content/index.ts');
  const panel = walk('entrypoints/firsthand-panel.content/index.ts');
  const background = walk('entrypoints/background.ts');

  it('the walk sees each stage and what it imports (the checks below can fail)', () => {
    expect(stage0).toContain('src/lexicon/gate-precheck.ts');
    expect(stage1).toContain('src/detect/extract-article.ts');
    expect(stage1).toContain('src/messaging/light-messaging.ts');
    expect([...panel].some((f) => f.startsWith('preact'))).toBe(true);
    expect([...panel].some((f) => f.startsWith('src/settings/'))).toBe(true);
  });

  it("stage 2 draws the pill without Preact, the cards or the term card: the panel's code is loaded on opening", () => {
    // Nor the browser's i18n: the background sends the pill's words with the view.
    const panelOnly = [
      'src/ui/in-page/InPagePanel.tsx',
      'src/ui/in-page/TermCard.tsx',
      'src/ui/shared/ExcerptCard.tsx',
      'src/i18n/index.ts',
    ];
    expect([...stage2].filter((f) => f.startsWith('preact') || panelOnly.includes(f))).toEqual([]);
    // Control: the panel's code, walked the same way, carries them.
    expect(panelOnly.filter((f) => panel.has(f))).toEqual(panelOnly);
  });

  it('stage 0, on every page, imports nothing heavy: no library, no protocol runtime, no settings', () => {
    const crossings = [...stage0].filter(
      (f) =>
        HEAVY.test(f) ||
        f.startsWith('@webext-core/') ||
        f === 'src/messaging/protocol.ts' ||
        /^src\/(search|corpus|background|ui|settings|i18n|collections)\//.test(f) ||
        f === 'src/lexicon/lexicon.ts' ||
        f === 'src/lexicon/tokens.ts',
    );
    expect(crossings).toEqual([]);
  });

  it('stage 1, the detector, carries no search, corpus, UI, settings storage, stemmer, polyfill or messaging library', () => {
    const crossings = [...stage1].filter(
      (f) =>
        HEAVY.test(f) ||
        f.startsWith('@webext-core/') ||
        /^src\/(search|corpus|background|ui|i18n|collections|settings)\//.test(f),
    );
    expect(crossings).toEqual([]);
    // Control: the background, walked the same way, reaches them.
    const stemming = ['wink-porter2-stemmer', 'stopword', 'stopwords-iso/stopwords-iso.json'];
    expect(stemming.filter((p) => background.has(p))).toEqual(stemming);
  });

  it("stage 1 reads the article and no more: the lexicon, the tokenizer and the page decision are the background's", () => {
    const reading = ['src/lexicon/lexicon.ts', 'src/lexicon/tokens.ts', 'src/detect/assess-page.ts'];
    expect(reading.filter((f) => stage1.has(f))).toEqual([]);
    // Control: the background, walked the same way, carries them.
    expect(reading.filter((f) => background.has(f))).toEqual(reading);
  });

  it('stage 2, the in-page UI, carries no storage library and no messaging library: the background writes its settings', () => {
    const crossings = [...stage2, ...panel].filter(
      (f) =>
        /^(wxt\/utils\/storage|@wxt-dev\/storage|@webext-core\/messaging)/.test(f) ||
        f === 'src/settings/page-settings.ts',
    );
    expect(crossings).toEqual([]);
    // Control: the options page, walked the same way, carries the stored settings.
    const options = walk('entrypoints/options/main.tsx');
    expect(options.has('src/settings/page-settings.ts')).toBe(true);
    expect(options.has('wxt/utils/storage')).toBe(true);
  });

  it('the in-page UI (stage 2), its panel and the detector never import background code', () => {
    expect(under(stage2, /^src\/background\//)).toEqual([]);
    expect(under(panel, /^src\/background\//)).toEqual([]);
    expect(under(stage1, /^src\/background\//)).toEqual([]);
    expect(background.has('src/background/tab-pages.ts')).toBe(true);
  });
});

describe('context boundaries: surfaces and folders', () => {
  const surfaces = [
    'entrypoints/popup/main.tsx',
    'entrypoints/options/main.tsx',
    'entrypoints/reader/main.tsx',
    'entrypoints/onboarding/main.tsx',
    'entrypoints/firsthand-ui.content/index.ts',
    'entrypoints/firsthand-panel.content/index.ts',
  ];

  it.each(surfaces)('%s reaches state through the protocol and typed items, never background code', (entry) => {
    const graph = walk(entry);
    expect(graph.size).toBeGreaterThan(3);
    expect(under(graph, /^src\/background\//)).toEqual([]);
  });

  const folderRules: [folder: string, mayNotImport: RegExp][] = [
    ['src/lexicon', /^src\/(detect|search|corpus|page|ui|background|settings|collections)\//],
    ['src/corpus', /^src\/(search|detect|page|ui|background)\//],
    ['src/detect', /^src\/(search|corpus|ui|background|settings|collections)\//],
    ['src/search', /^src\/(detect|page|ui|background|settings)\//],
    ['src/page', /^src\/(search|corpus|ui|background|settings|collections)\//],
    ['src/ui', /^src\/(background|search|page\/(?!in-page-view))/],
    ['src/settings', /^src\/(search|corpus|detect|page|ui|background)\//],
    ['src/messaging', /^src\/(search|detect|page|ui|background)\//],
  ];

  it.each(folderRules)('%s imports none of the folders it must not', (folder, mayNotImport) => {
    const files = filesUnder(folder).filter((f) => !/\.test\.tsx?$/.test(f));
    expect(files.length).toBeGreaterThan(0);
    expect([...directImports(files)].filter((f) => mayNotImport.test(f))).toEqual([]);
  });

  it('tests, evals and benches depend on src/, never on each other', () => {
    const crossings: string[] = [];
    for (const [folder, others] of [
      ['e2e', /^(eval|bench)\//],
      ['eval', /^(e2e|bench)\//],
      ['bench', /^(e2e|eval)\//],
    ] as const) {
      for (const f of directImports(filesUnder(folder))) if (others.test(f)) crossings.push(`${folder} → ${f}`);
    }
    expect(crossings).toEqual([]);
  });

  it("the extension's code never imports the test support in src/testing", () => {
    const shipped = [
      ...[
        'src/background',
        'src/collections',
        'src/corpus',
        'src/detect',
        'src/lexicon',
        'src/messaging',
        'src/page',
        'src/search',
        'src/settings',
        'src/ui',
      ].flatMap(filesUnder),
      ...filesUnder('entrypoints'),
    ].filter((f) => !/\.test\.tsx?$/.test(f));
    expect([...directImports(shipped)].filter((f) => f.startsWith('src/testing/'))).toEqual([]);
    // Control: the benches do import it.
    expect([...directImports(filesUnder('bench'))].some((f) => f.startsWith('src/testing/'))).toBe(true);
  });

  it('the rules can fail: a folder that does import another is seen', () => {
    expect([...directImports(filesUnder('src/search'))].some((f) => f.startsWith('src/lexicon/'))).toBe(true);
  });
});

describe('context boundaries: fuse.js', () => {
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
