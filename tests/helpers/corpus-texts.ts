import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CORPUS } from './paths.ts';

/**
 * The texts of the labelled dev and dev-multilingual articles, cut by `split` (read from
 * ../shared when it is there, else none): for tests that check a mechanism on real sentences.
 */
export function corpusTexts(split: RegExp): string[] {
  const out: string[] = [];
  for (const sub of ['dev', 'dev-multilingual']) {
    const d = path.join(CORPUS, sub);
    if (!existsSync(d)) continue;
    for (const f of readdirSync(d).filter((n) => n.endsWith('.json')))
      out.push(...(JSON.parse(readFileSync(path.join(d, f), 'utf8')) as { text: string }).text.split(split));
  }
  return out;
}
