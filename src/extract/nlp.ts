/**
 * compromise, the one instance every extraction module uses, loaded from the package's
 * single-file CommonJS build. It is the same library and version as `import nlp from
 * 'compromise'`, whose ESM entry is some 450 source files: the bundle starts ~130 ms of CPU
 * sooner, which is most of what `seizurewatch extract` spends before it parses.
 */
import { createRequire } from 'node:module';
import type compromise from 'compromise';

const nlp = createRequire(import.meta.url)('compromise') as typeof compromise;

export default nlp;
