import { createRequire } from 'node:module';

const pkg = createRequire(import.meta.url)('../package.json') as { version: string };

export const VERSION: string = pkg.version;
/** Stamped into every record's `extractor` field. */
export const EXTRACTOR_VERSION = `seizurewatch@${VERSION}`;
