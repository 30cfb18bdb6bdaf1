/**
 * The folder of seizurewatch's own package.json: the checkout when run from source (src/), the
 * package folder when run compiled (dist/src/) or installed (node_modules/seizurewatch/).
 * Everything shipped beside the code (config/rules/, the demo's pages, package.json) is found
 * from here, so a file's place in src/ or dist/ never matters.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const PACKAGE_ROOT: string = findPackageRoot(path.dirname(fileURLToPath(import.meta.url)));

/** A path inside the package, e.g. `packagePath('config/rules')`. */
export function packagePath(...parts: string[]): string {
  return path.join(PACKAGE_ROOT, ...parts);
}
