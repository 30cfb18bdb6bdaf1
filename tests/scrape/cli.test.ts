/** `seizurewatch scrape` run as a process. */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { GOLDEN, ROOT } from '../helpers/paths.ts';

const run = promisify(execFile);
const BIN = path.join(ROOT, 'bin/seizurewatch.js');

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('seizurewatch scrape', () => {
  it('prints the scraped article as JSON', async () => {
    const r = await cli(['scrape', path.join(GOLDEN, 'article.html'), '--url', 'http://127.0.0.1:9/x']);
    expect(r.code).toBe(0);
    const article = JSON.parse(r.stdout) as { url: string; extractor: string; editor: string };
    expect(article.url).toBe(
      'https://www.dw.com/en/belgium-seeks-us-support-to-battle-drug-smuggling/a-73953181',
    );
    expect(article.extractor).toBe('dw');
    expect(article.editor).toBe('Louis Oelofse');
  });

  it('exits 2 with a clear message for a missing file', async () => {
    const r = await cli(['scrape', path.join(ROOT, 'no-such-page.html')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/no such file: .*no-such-page\.html/);
  });

  it('exits 2 for a directory it cannot read as a file', async () => {
    const r = await cli(['scrape', ROOT]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot read file/);
  });
});
