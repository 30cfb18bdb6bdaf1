/** `seizurewatch extract` and `seizurewatch score`, run as processes on files on disk. */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECORD_SCHEMA } from '../src/records/schema.ts';
import { GOLDEN, ROOT } from './helpers/paths.ts';

const BIN = path.join(ROOT, 'bin/seizurewatch.js');
const tmp = mkdtempSync(path.join(tmpdir(), 'sw-cli-extract-'));
const corpus = path.join(tmp, 'corpus');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}
function cli(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: ROOT, maxBuffer: 20_000_000 },
      (err, stdout, stderr) => {
        resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

const article = (id: string, text: string, seizures: unknown[], seizureStory = seizures.length > 0) => ({
  id,
  url: `https://example.org/${id}`,
  published: '2024-06-12',
  title: null,
  text,
  seizureStory,
  seizures,
  persons: [],
  organizations: [],
  places: [],
});

beforeAll(() => {
  writeFileSync(
    path.join(tmp, 'story.txt'),
    'Customs officers in Rotterdam seized 1.2 tonnes of cocaine hidden in bananas on Tuesday.\n',
  );
  writeFileSync(path.join(tmp, 'empty.txt'), '  \n');
  writeFileSync(path.join(tmp, 'notes.pdf'), 'x');
  mkdirSync(corpus);
  writeFileSync(
    path.join(corpus, 'my-001.json'),
    JSON.stringify(
      article('my-001', 'Police in Lisbon seized 2,400 kg of cocaine on Monday.', [
        {
          drug: 'cocaine',
          amount: { value: 2400, unit: 'kg' },
          kg: 2400,
          count: null,
          countUnit: null,
          location: 'Lisbon',
          country: 'PT',
          period: '2024-06-10',
          aggregate: false,
        },
        {
          drug: 'heroin',
          amount: { value: 7, unit: 'kg' },
          kg: 7,
          count: null,
          countUnit: null,
          location: null,
          country: null,
          period: null,
          aggregate: false,
        },
      ]),
    ),
  );
  writeFileSync(
    path.join(corpus, 'my-002.json'),
    JSON.stringify(article('my-002', 'The port handled more cargo this year.', [])),
  );
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// Each run starts tsx and loads the gazetteer: seconds on an idle machine, far more on a busy one.
const SLOW = { timeout: 240_000 };

describe('seizurewatch extract', SLOW, () => {
  it('extracts a .txt with --title, --published and --url', async () => {
    const r = await cli(
      'extract',
      path.join(tmp, 'story.txt'),
      '--title',
      'Cocaine in bananas',
      '--published',
      '2024-03-14',
      '--url',
      'https://example.org/a',
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const rec = JSON.parse(r.stdout);
    expect(rec).toMatchObject({
      schema: RECORD_SCHEMA,
      url: 'https://example.org/a',
      title: 'Cocaine in bananas',
      seizureStory: true,
    });
    expect(rec.seizures).toEqual([
      expect.objectContaining({ drug: 'cocaine', kg: 1200, period: '2024-03-12' }),
    ]);
  });

  it('scrapes and extracts an .html page', async () => {
    const r = await cli('extract', path.join(GOLDEN, 'article.html'));
    expect(r.code).toBe(0);
    const rec = JSON.parse(r.stdout);
    expect(rec.id).toBe('c973179eabd3e9de');
    expect(rec.seizures.map((s: { kg: number }) => s.kg).sort((a: number, b: number) => a - b)).toEqual([
      59000, 116000, 118000, 123000, 419000,
    ]);
  });

  it('prints one NDJSON record per labelled file with --corpus, ids from the files', async () => {
    const r = await cli('extract', '--corpus', corpus);
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['my-001', 'my-002']);
    expect(lines[0].seizures[0]).toMatchObject({ drug: 'cocaine', kg: 2400 });
    writeFileSync(path.join(tmp, 'records.ndjson'), r.stdout);
  });

  it('exits 2 with a clear message on bad input', async () => {
    const runs = await Promise.all([
      cli('extract', path.join(tmp, 'missing.txt')),
      cli('extract', path.join(tmp, 'notes.pdf')),
      cli('extract', path.join(tmp, 'story.txt'), '--published', 'last tuesday'),
      cli('extract', path.join(tmp, 'empty.txt')),
      cli('extract', path.join(tmp, 'story.txt'), '--corpus', corpus),
      cli('extract'),
      cli('extract', '--corpus', path.join(tmp, 'nope')),
    ]);
    const messages = [
      /no such file/,
      /unsupported input .*\.pdf/,
      /--published must be an ISO date/,
      /empty article text/,
      /either FILE or --corpus/,
      /missing FILE/,
      /cannot read labelled folder/,
    ];
    runs.forEach((r, i) => {
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(messages[i]!);
      expect(r.stdout).toBe('');
    });
  });
});

describe('seizurewatch score', SLOW, () => {
  it('prints precision, recall, F1 and the per-article misses', async () => {
    const r = await cli('score', corpus);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^seizures\s+P 1\.000 {2}R 0\.500 {2}F1 0\.667/m);
    expect(r.stdout).toMatch(/^seizure story\s+P 1\.000 {2}R 1\.000/m);
    expect(r.stdout).toMatch(/country acc\.\s+1\.000 {2}\(1\/1/);
    expect(r.stdout).toMatch(/- seizure heroin 7kg/);
  });

  it('reports per rule how often it fired and was right with --rules', async () => {
    const r = await cli('score', corpus, '--rules');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^rule\s+judged by\s+fired\s+right\s+precision$/m);
    expect(r.stdout).toMatch(/^cue-seize\s+seizure\s+1\s+1\s+1\.000$/m);
    expect(r.stdout).toMatch(/^never fired \(\d+\):/m);
  });

  it('scores NDJSON records with --against and prints JSON with --json', async () => {
    const r = await cli('score', corpus, '--against', path.join(tmp, 'records.ndjson'), '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.seizures).toMatchObject({ tp: 1, fp: 0, fn: 1 });
    expect(report.perArticle.map((a: { id: string }) => a.id)).toEqual(['my-001', 'my-002']);
    const bad = await cli('score', corpus, '--against', path.join(tmp, 'story.txt'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/story\.txt:1: not JSON/);
  });
});
