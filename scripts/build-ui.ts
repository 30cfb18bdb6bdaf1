/**
 * `npm run build:ui` (run by `prepare`, so `npm ci` leaves it built): bundles the dashboard's
 * browser code (ui/src, Preact + d3-geo + topojson-client) with esbuild into dist/ui/, copies
 * the Natural Earth country shapes of the world-atlas package beside it, names every asset by
 * its content hash, writes gzip copies, and prints the sizes. Nothing is fetched at build or
 * run time: the page loads only what this writes.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'dist', 'ui');
const ASSETS = path.join(OUT, 'assets');
const require = createRequire(import.meta.url);
/** Assets larger than this are kept as `<name>.gz` only (today: the 50m world map, ~740 KiB). */
const GZIP_ONLY_ABOVE_BYTES = 256 * 1024;

function hashOf(buf: Buffer): string {
  return createHash('sha256').update(buf).digest('base64url').slice(0, 10);
}

/** Copy a file into assets/ as `<name>-<hash><ext>`; returns its URL path. */
function copyHashed(file: string, name: string): string {
  const body = readFileSync(file);
  const ext = path.extname(file);
  const out = `${name}-${hashOf(body)}${ext}`;
  copyFileSync(file, path.join(ASSETS, out));
  return `/assets/${out}`;
}

async function main(): Promise<void> {
  const started = Date.now();
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(ASSETS, { recursive: true });

  const atlas = path.dirname(require.resolve('world-atlas/package.json'));
  const world110 = copyHashed(path.join(atlas, 'countries-110m.json'), 'countries-110m');
  const world50 = copyHashed(path.join(atlas, 'countries-50m.json'), 'countries-50m');

  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: { app: 'ui/src/main.tsx' },
    bundle: true,
    minify: true,
    format: 'esm',
    target: ['chrome111', 'firefox115', 'safari16.4'],
    outdir: ASSETS,
    entryNames: '[name]-[hash]',
    assetNames: '[name]-[hash]',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
    define: {
      __WORLD_110M__: JSON.stringify(world110),
      __WORLD_50M__: JSON.stringify(world50),
    },
  });
  const outputs = Object.keys(result.metafile.outputs).map((f) => path.basename(f));
  const js = outputs.find((f) => f.endsWith('.js'));
  const css = outputs.find((f) => f.endsWith('.css'));
  if (!js || !css) throw new Error(`build-ui: expected a .js and a .css output, got ${outputs.join(', ')}`);

  const html = readFileSync(path.join(ROOT, 'ui', 'index.html'), 'utf8')
    .replace('%APP_JS%', `/assets/${js}`)
    .replace('%APP_CSS%', `/assets/${css}`);
  writeFileSync(path.join(OUT, 'index.html'), html);

  const rows: string[] = [];
  const gzipOne = (file: string, label: string) => {
    const body = readFileSync(file);
    const gz = gzipSync(body, { level: 9 });
    writeFileSync(`${file}.gz`, gz);
    // A large asset ships as its gzip copy only (the package stays under its size cap); the
    // server unzips it once at load for a client that takes no gzip (src/dashboard/assets.ts).
    const gzipOnly = body.length > GZIP_ONLY_ABOVE_BYTES;
    if (gzipOnly) rmSync(file);
    rows.push(
      `  ${label.padEnd(34)} ${(body.length / 1024).toFixed(1).padStart(7)} KiB  ${(gz.length / 1024).toFixed(1).padStart(6)} KiB gzip${gzipOnly ? ' (gzip only)' : ''}`,
    );
  };
  gzipOne(path.join(OUT, 'index.html'), 'index.html');
  for (const name of readdirSync(ASSETS).sort()) {
    const file = path.join(ASSETS, name);
    if (statSync(file).isFile() && !name.endsWith('.gz')) gzipOne(file, `assets/${name}`);
  }
  process.stdout.write(`build:ui: dist/ui in ${Date.now() - started} ms\n${rows.join('\n')}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`build:ui failed: ${(err as Error).message}\n`);
  process.exit(1);
});
