import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { InputError } from '../../errors.ts';

/**
 * `seizurewatch scrape FILE.html [--url URL] [--generic]`: prints the scraped article as JSON.
 * A missing or unreadable file is an input error (exit code 2); a page without article text is
 * a scrape error (exit code 1).
 */
export function registerScrape(program: Command): void {
  program
    .command('scrape')
    .description('Scrape a saved HTML page and print the article (metadata and clean text) as JSON.')
    .argument('<file>', 'HTML file to read')
    .option('--url <url>', 'URL the page was fetched from (used when the page names no canonical URL)')
    .option('--generic', 'ignore the site extractors and use the generic one')
    .action(async (file: string, options: { url?: string; generic?: boolean }) => {
      let html: string;
      try {
        html = readFileSync(file, 'utf8');
      } catch (err) {
        const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'cannot read file';
        throw new InputError(`${reason}: ${file}`, { cause: err, details: { file } });
      }
      const { scrapePage } = await import('../../scrape/index.ts');
      const article = scrapePage(html, options.url ?? null, { genericOnly: options.generic === true });
      process.stdout.write(`${JSON.stringify(article, null, 2)}\n`);
    });
}
