import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The read-only shared folder beside the repo (corpus, golden fixture): read, never copy. */
export const SHARED = path.resolve(ROOT, '../shared');
export const CORPUS = path.join(SHARED, 'corpus');
/** The project's own copy of the golden DW fixture. */
export const GOLDEN = path.join(ROOT, 'tests/fixtures/golden-dw-belgium');
