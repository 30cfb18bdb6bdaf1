import { readFileSync } from 'node:fs';
import { packagePath } from './package-root.ts';

const pkg = JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { version: string };

export const VERSION: string = pkg.version;
/** Stamped into every record's `extractor` field. */
export const EXTRACTOR_VERSION = `seizurewatch@${VERSION}`;
