/**
 * The dashboard's built browser assets (`npm run build:ui` writes them to `dist/ui/` of the
 * package; `prepare` runs it, so `npm ci` leaves them built). Read into memory with their gzip
 * variants; read again when index.html changes (a rebuild), looked for until they exist.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { packagePath } from '../package-root.ts';

export interface Asset {
  body: Buffer;
  gzip: Buffer | null;
  type: string;
  etag: string;
  /** Hashed file names never change: cache them for a year. */
  immutable: boolean;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

export const UI_DIST = packagePath('dist', 'ui');

export class AssetDir {
  private files: Map<string, Asset> | null = null;
  private builtAt = 0;

  constructor(readonly dir: string = UI_DIST) {}

  private load(fresh = false): Map<string, Asset> | null {
    if (this.files && !fresh) return this.files;
    const index = path.join(this.dir, 'index.html');
    if (!existsSync(index)) {
      this.files = null;
      return null;
    }
    const mtime = statSync(index).mtimeMs;
    if (this.files && mtime === this.builtAt) return this.files;
    this.builtAt = mtime;
    const files = new Map<string, Asset>();
    const add = (rel: string) => {
      const file = path.join(this.dir, rel);
      const gz = `${file}.gz`;
      const gzip = existsSync(gz) ? readFileSync(gz) : null;
      // A large asset is built as its gzip copy only (scripts/build-ui.ts): unzipped once here.
      const body = existsSync(file) || !gzip ? readFileSync(file) : gunzipSync(gzip);
      files.set(rel.split(path.sep).join('/'), {
        body,
        gzip,
        type: TYPES[path.extname(rel)] ?? 'application/octet-stream',
        etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 16)}"`,
        immutable: /-[A-Za-z0-9_-]{8,}\.\w+$/.test(rel),
      });
    };
    add('index.html');
    const assets = path.join(this.dir, 'assets');
    if (existsSync(assets)) {
      const names = new Set(readdirSync(assets));
      for (const name of names) {
        if (!name.endsWith('.gz')) add(path.join('assets', name));
        else if (!names.has(name.slice(0, -3))) add(path.join('assets', name.slice(0, -3)));
      }
    }
    this.files = files;
    return files;
  }

  /** `index.html` or `assets/<name>`; null when not built (or no such file). */
  get(rel: string): Asset | null {
    return this.load(rel === 'index.html')?.get(rel) ?? null;
  }

  get built(): boolean {
    return this.load() !== null;
  }
}
