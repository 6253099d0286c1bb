/**
 * npm run bench:cache — how long Chromium's IndexedDB takes to give back the cached search
 * index of the bundled stories and a SYNTHETIC 50,000-passage collection (bench/
 * synthetic-corpus.ts: generated, never shipped), as the background reads it on a cold start
 * (firsthand-service.ts loadIndex). `npm run bench:search` measures the same read in Node as
 * a structured clone; this is the browser's own, through a new connection from a new page,
 * as a restarted service worker makes one.
 *
 *   npm run bench:cache                    (50,000 passages)
 *   BENCH_SIZES=10000 npm run bench:cache
 */

import { TEXT_CHUNK, textChunks } from '@/src/search/corpus-index';
import { packedToJson, packIndex } from '@/src/search/packed-index';
import { buildCorpusFromData } from '@/src/search/read-data';
import { launch } from '../src/testing/harness';
import { syntheticStories } from '../src/testing/synthetic-corpus';

const SIZES = (process.env.BENCH_SIZES ?? '50000').split(',').map(Number);
const RUNS = 7;
const DB = 'firsthand-bench-cache';
/** The chunks a page's six cards needed in bench:search's cold-start measure. */
const CHUNKS_READ = 6;

const h = await launch();
try {
  // tsx names the functions it compiles with a helper the pages do not have.
  await h.context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  const page = await h.context.newPage();
  await page.goto(`chrome-extension://${h.extensionId}/options.html`);
  const real = buildCorpusFromData();
  for (const size of SIZES) {
    const packed = packIndex([...real.stories, ...syntheticStories(size)], real.terms, (story) =>
      story.id.startsWith('synthetic-') ? 'synthetic' : '',
    );
    const chunks = textChunks(packed);
    const json = JSON.stringify({
      index: packedToJson({ ...packed, text: new Uint8Array(0) }),
      chunks: chunks.map((c) => packedToJson({ format: 2, text: c } as never)),
    });
    // Into the extension's own IndexedDB, typed arrays and all, as the background writes it.
    await page.evaluate(
      async ({ text, db }) => {
        const revive = (value: unknown): unknown => {
          if (Array.isArray(value)) return value.map(revive);
          if (value === null || typeof value !== 'object') return value;
          const record = value as Record<string, unknown>;
          if (Array.isArray(record.$u32)) return Uint32Array.from(record.$u32 as number[]);
          if (typeof record.$u8 === 'string') return Uint8Array.from(atob(record.$u8), (c) => c.charCodeAt(0));
          return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, revive(v)]));
        };
        const { index, chunks } = revive(JSON.parse(text)) as { index: unknown; chunks: { text: Uint8Array }[] };
        await new Promise<void>((resolve, reject) => {
          const deleting = indexedDB.deleteDatabase(db);
          deleting.onsuccess = deleting.onerror = () => {
            const open = indexedDB.open(db, 1);
            open.onupgradeneeded = () => open.result.createObjectStore('cache');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const tx = open.result.transaction('cache', 'readwrite');
              tx.objectStore('cache').put(index, 'index');
              for (const [k, c] of chunks.entries()) tx.objectStore('cache').put(c.text, `text:${k}`);
              tx.oncomplete = () => {
                open.result.close();
                resolve();
              };
              tx.onerror = () => reject(tx.error);
            };
          };
        });
      },
      { text: json, db: DB },
    );

    const runs: { index: number; chunks: number }[] = [];
    for (let run = 0; run < RUNS; run++) {
      const reader = await h.context.newPage();
      await reader.goto(`chrome-extension://${h.extensionId}/options.html`);
      runs.push(
        await reader.evaluate(
          async ({ db, chunkCount, read }) => {
            const get = (database: IDBDatabase, key: string) =>
              new Promise<unknown>((resolve, reject) => {
                const request = database.transaction('cache').objectStore('cache').get(key);
                request.onsuccess = () => resolve(request.result);
                request.onerror = () => reject(request.error);
              });
            const start = performance.now();
            const database = await new Promise<IDBDatabase>((resolve, reject) => {
              const open = indexedDB.open(db, 1);
              open.onsuccess = () => resolve(open.result);
              open.onerror = () => reject(open.error);
            });
            const index = (await get(database, 'index')) as { termPassages: { data: Uint32Array } };
            if (!(index.termPassages.data instanceof Uint32Array))
              throw new Error('the index came back without its arrays');
            const indexAt = performance.now();
            // Chunks spread over the corpus, as six cards' passages are.
            const keys = Array.from({ length: read }, (_, i) => `text:${Math.floor((i * chunkCount) / read)}`);
            const texts = await Promise.all(keys.map((k) => get(database, k)));
            if (!texts.every((t) => t instanceof Uint8Array)) throw new Error('a text chunk came back wrong');
            const end = performance.now();
            database.close();
            return { index: indexAt - start, chunks: end - indexAt };
          },
          { db: DB, chunkCount: chunks.length, read: CHUNKS_READ },
        ),
      );
      await reader.close();
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
    const fmt = (xs: number[]) =>
      `median ${median(xs).toFixed(1)} ms (min ${Math.min(...xs).toFixed(1)}, max ${Math.max(...xs).toFixed(1)})`;
    console.log(
      `${size.toLocaleString('en')} synthetic passages + the bundled stories, ${RUNS} reads from a new page each: ` +
        `the index without its text (${(json.length / 1024 / 1024).toFixed(0)} MB as JSON here) ${fmt(runs.map((r) => r.index))}; ` +
        `then ${CHUNKS_READ} text chunks of ${TEXT_CHUNK} passages ${fmt(runs.map((r) => r.chunks))}`,
    );
    await page.evaluate((db) => indexedDB.deleteDatabase(db), DB);
  }
} finally {
  await h.close();
}
