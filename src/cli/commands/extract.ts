/**
 * `seizurewatch extract FILE`: prints the record of one article as JSON.
 *   FILE.html  scrape the page, then extract (`--url` gives the fetched URL)
 *   FILE.txt   the article body as text (`--title`, `--published`, `--url` optional)
 * `seizurewatch extract --corpus DIR`: one NDJSON record per labelled `*.json` file of DIR, with
 * the file's `id` as the record id (the input of `score --against`).
 * Bad input (missing file, unknown extension, bad date, FILE and --corpus together) exits 2.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { InputError } from '../../errors.ts';

interface ExtractOptions {
  corpus?: string;
  title?: string;
  published?: string;
  url?: string;
}

function readInput(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'cannot read file';
    throw new InputError(`${reason}: ${file}`, { cause: err, details: { file } });
  }
}

function checkPublished(value: string | undefined): string | null {
  if (value === undefined) return null;
  if (
    !/^\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(value) ||
    Number.isNaN(Date.parse(value))
  ) {
    throw new InputError(
      `--published must be an ISO date or timestamp (2025-09-10 or 2025-09-10T13:27:05Z), got "${value}"`,
    );
  }
  return value;
}

function checkUrl(value: string | undefined): string | null {
  if (value === undefined) return null;
  try {
    return new URL(value).toString();
  } catch {
    throw new InputError(`--url is not a URL: "${value}"`);
  }
}

export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description(
      'Extract the record (seizures, trends, persons, organizations, places) of an article as JSON.',
    )
    .argument('[file]', 'article as .html (scraped first) or .txt (the body text)')
    .option('--corpus <dir>', 'extract every labelled <id>.json of DIR, one NDJSON record per line')
    .option('--title <title>', '.txt only: the headline')
    .option('--published <date>', '.txt only: ISO publication date, for relative dates ("on Tuesday")')
    .option('--url <url>', 'the article URL (.html: the fetched URL; .txt: the record URL)')
    .action(async (file: string | undefined, opts: ExtractOptions) => {
      if (opts.corpus !== undefined) {
        if (file !== undefined) throw new InputError('give either FILE or --corpus DIR, not both');
        const { loadLabelledDir } = await import('../../score/corpus.ts');
        const { extractLabelled } = await import('../../score/extract-labelled.ts');
        for (const article of loadLabelledDir(opts.corpus)) {
          process.stdout.write(`${JSON.stringify(extractLabelled(article))}\n`);
        }
        return;
      }
      if (file === undefined) throw new InputError('missing FILE (.html or .txt) or --corpus DIR');
      const ext = path.extname(file).toLowerCase();
      const url = checkUrl(opts.url);
      if (ext === '.html' || ext === '.htm') {
        if (opts.title !== undefined || opts.published !== undefined) {
          throw new InputError('--title and --published apply to .txt input; an .html page carries its own');
        }
        const html = readInput(file);
        const { scrapePage } = await import('../../scrape/index.ts');
        const { extractRecord } = await import('../../extract/index.ts');
        const article = scrapePage(html, url);
        process.stdout.write(`${JSON.stringify(extractRecord(article), null, 2)}\n`);
        return;
      }
      if (ext === '.txt') {
        const published = checkPublished(opts.published);
        const text = readInput(file).replace(/\r\n?/g, '\n').trim();
        if (!text) throw new InputError(`empty article text: ${file}`);
        const { articleFromText, extractRecord } = await import('../../extract/index.ts');
        const article = articleFromText({ url, title: opts.title ?? null, text, published });
        process.stdout.write(`${JSON.stringify(extractRecord(article), null, 2)}\n`);
        return;
      }
      throw new InputError(`unsupported input ${file}: expected .html, .htm or .txt`);
    });
}
