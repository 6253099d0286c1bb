import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The real labelled sets (issue #11), read from `../shared` beside the repository (or
 * FIRSTHAND_SHARED) at run time: third-party text, never copied into the repository.
 *
 * - news-dev: real news excerpts in English and Korean, labelled by readers who never saw
 *   the code: positives per story (strong, moderate, borderline), hard negatives (North
 *   Korea news no story speaks to) and negatives (keyword traps);
 * - readability-pages: Mozilla Readability's real test pages, none about what the
 *   testimonies speak to: all must stay quiet.
 */
export interface RealPage {
  /** Absolute path of the page's HTML. */
  path: string;
  /** A short name for reports. */
  name: string;
  url: string;
  set: 'news-dev' | 'readability';
  kind: 'positive' | 'hard-negative' | 'negative';
  strength: 'strong' | 'moderate' | 'borderline' | '';
  lang: 'en' | 'ko' | 'other';
  /** Story ids, best first (positives only). */
  relevant: string[];
  /** The site it comes from, for grouping folds. */
  outlet: string;
  /** The search that found it (news-dev), for grouping folds. */
  query: string;
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export function sharedDir(): string {
  return resolve(process.env.FIRSTHAND_SHARED ?? join(repoRoot, '..', 'shared'));
}

/** The one line printed when the real sets are not there (a fresh clone without ../shared). */
export function missingSetsLine(): string {
  return `real sets: skipped — ${join(sharedDir(), 'news-dev')} is not here (a clone without ../shared); set FIRSTHAND_SHARED to use another folder`;
}

interface Label {
  file: string;
  url: string;
  kind: RealPage['kind'];
  relevant: string[];
  lang: 'en' | 'ko';
  strength: RealPage['strength'];
}

interface Source {
  file: string;
  query?: string;
}

/** The site of an address, without "www." and "m.": bbc.co.uk and bbc.com stay two outlets. */
function outletOf(url: string): string {
  return new URL(url).hostname.replace(/^(www|m|mobile|amp)\./, '');
}

/** news-dev's labelled pages, or null when the folder is not there. */
export function newsDevPages(dir = join(sharedDir(), 'news-dev')): RealPage[] | null {
  if (!existsSync(join(dir, 'labels.json'))) return null;
  const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as Label[];
  const queries = new Map<string, string>();
  for (const name of readdirSync(dir).filter((f) => /^sources-.*\.json$/.test(f))) {
    for (const s of JSON.parse(readFileSync(join(dir, name), 'utf8')) as Source[]) queries.set(s.file, s.query ?? '');
  }
  return labels.map((l) => ({
    path: join(dir, l.file),
    name: l.file.replace(/^pages\//, '').replace(/\.html$/, ''),
    url: l.url,
    set: 'news-dev',
    kind: l.kind,
    strength: l.kind === 'positive' ? l.strength : '',
    lang: l.lang,
    relevant: l.relevant,
    outlet: outletOf(l.url),
    query: queries.get(l.file) ?? '',
  }));
}

/** Readability's test pages, all negatives, or null when the folder is not there. */
export function readabilityPages(dir = join(sharedDir(), 'readability-pages')): RealPage[] | null {
  if (!existsSync(dir)) return null;
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, 'source.html')))
    .map((e) => e.name)
    .sort()
    .map((name): RealPage => {
      const path = join(dir, name, 'source.html');
      return {
        path,
        name,
        url: pageAddress(readFileSync(path, 'utf8'), name),
        set: 'readability',
        kind: 'negative',
        strength: '',
        lang: 'other',
        relevant: [],
        outlet: `readability:${name}`,
        query: '',
      };
    });
}

/** The page's own address where it says one (canonical link, og:url), else a made-up one. */
function pageAddress(html: string, name: string): string {
  const found =
    /<link[^>]+rel=["']canonical["'][^>]*href=["'](https?:[^"']+)["']/i.exec(html)?.[1] ??
    /<meta[^>]+property=["']og:url["'][^>]*content=["'](https?:[^"']+)["']/i.exec(html)?.[1];
  try {
    if (found) return new URL(found).href;
  } catch {
    // not an address: fall through
  }
  return `https://readability.example/${name}/`;
}
