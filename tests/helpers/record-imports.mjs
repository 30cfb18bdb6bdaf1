// @ts-check
/**
 * Preloaded with `node --import ./tests/helpers/record-imports.mjs ...`: appends the URL of every
 * module the process resolves through the ES module loader (its own modules and the packages
 * they import) to the file named by $RECORD_IMPORTS_FILE, one per line. For tests of what a
 * command loads.
 */
import { register } from 'node:module';

const hooks = `
import { appendFileSync } from 'node:fs';
let file;
export function initialize(data) { file = data.file; }
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  if (file) appendFileSync(file, result.url + '\\n');
  return result;
}`;

register(`data:text/javascript,${encodeURIComponent(hooks)}`, {
  data: { file: process.env.RECORD_IMPORTS_FILE },
});
