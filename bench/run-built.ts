/**
 * Runs a benchmark as the extension runs its code: bundled by esbuild, without the
 * `__name(...)` wrapper that tsx adds around every function and closure it compiles
 * (tsx sets esbuild's keepNames, and cannot be told not to). The extension's build has no
 * such wrapper; under tsx, a keystroke of our search took 12–18 % longer than the same code
 * bundled, while the libraries timed beside it, already JavaScript, paid nothing.
 *
 *   tsx bench/run-built.ts bench/search-bench.ts
 *
 * The bundle goes to .output/bench/, two folders below the repository's root, as the
 * modules that find the repository from their own place (src/search/read-data.ts and the
 * like: `../..`) are.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const entry = process.argv[2];
if (!entry) {
  console.error('usage: tsx bench/run-built.ts <benchmark.ts>');
  process.exit(2);
}
const outfile = join(root, '.output', 'bench', `${basename(entry, '.ts')}.mjs`);
if (!existsSync(join(dirname(outfile), '..', '..', 'package.json'))) {
  throw new Error(`${outfile} must sit two folders below the repository's root`);
}
await build({
  entryPoints: [resolve(entry)],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  keepNames: false,
  // The `@/` paths, as wxt.config.ts resolves them (without needing .wxt/tsconfig.json).
  alias: { '@': root },
  logLevel: 'warning',
  // The bundle is an ES module: a CommonJS package in it (happy-dom's dependencies) that
  // requires Node's own modules needs a `require`.
  banner: {
    js: "import { createRequire as benchRequire } from 'node:module'; const require = benchRequire(import.meta.url);",
  },
});
await import(pathToFileURL(outfile).href);
