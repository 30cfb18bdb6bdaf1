/**
 * `npm run eval:scrape`: main-text quality, scored as the Zyte article-extraction benchmark's
 * `evaluate.py` scores it (bench/article-metric.ts: 4-token shingles, counts normalised per
 * page, precision and recall averaged over pages, F1 of the two means), on:
 * - the outlet pages of ../shared/corpus/html with a ground-truth body;
 * - the 20 pages of its benchmark-sample (split into the 16 we tune on and 4 kept aside);
 * - our own generic-extractor pages, tests/fixtures/generic (generic only: no site has them).
 * Each once with the site extractors (the default path) and once with the generic extractor
 * alone; then the worst pages, one line each. Snippet-only pages are checked for their
 * must / must-not snippets.
 *
 * Flags: `--perturb` (also the generic on every corpus page and every page of ours rewritten by each template
 * perturbation of bench/perturb-pages.ts: div paragraphs, no class names, a split body, a
 * widget above the body, `<br>` runs), `--json` (numbers as JSON), `--all` (every page, not only the worst), `--dev` (leave
 * the held-out sample pages out of every figure and line), `--check` (exit 1 when a target is
 * missed: site extractors >= 0.98 on the corpus, generic >= 0.97 on the sample and on our
 * pages, no sample page below 0.80).
 */

import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { scrapePage } from '../src/scrape/index.ts';
import { type PageCounts, type PageScore, type SetScore, scorePage, scoreSet } from './article-metric.ts';
import { HEAVY_PERTURBATIONS, PERTURBATIONS, perturb } from './perturb-pages.ts';
import { type CorpusPage, HOLDOUT, loadCorpusPages, loadFixturePages } from './scrape-corpus.ts';

const TARGET_SITE = 0.98;
const TARGET_GENERIC = 0.97;
const TARGET_PAGE_MIN = 0.8;

const args = new Set(process.argv.slice(2));
const dev = args.has('--dev');

interface Row {
  page: CorpusPage;
  extractor: string;
  score: PageScore | null;
  snippetsFailed: string[];
  error?: string;
}

function run(pages: CorpusPage[], genericOnly: boolean): Row[] {
  return pages.map((page) => {
    let text = '';
    let extractor = 'error';
    let error: string | undefined;
    try {
      const a = scrapePage(page.html, page.url, { genericOnly });
      text = a.text;
      extractor = a.extractor;
    } catch (err) {
      error = (err as Error).message;
    }
    const snippetsFailed = [
      ...page.mustContain.filter((s) => !text.includes(s)).map((s) => `missing "${s}"`),
      ...page.mustNotContain.filter((s) => text.includes(s)).map((s) => `unwanted "${s}"`),
    ];
    return { page, extractor, score: page.body ? scorePage(text, page.body) : null, snippetsFailed, error };
  });
}

const isHoldout = (p: CorpusPage): boolean =>
  p.folder === 'benchmark-sample' && HOLDOUT.has(p.name.slice('benchmark-sample/'.length));

const corpus = loadCorpusPages().filter((p) => !(dev && isHoldout(p)));
const fixtures = loadFixturePages();
// The blind sets (written without reading src/scrape, each in tests/fixtures/generic-<set>/): their
// figures only, never their pages in the lists below, and kept out of the "ours" row and of the
// targets. A set not written yet is skipped.
const BLIND_SETS = ['check7', 'check8', 'check9'];
const fixturesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../tests/fixtures');
const blindPages = BLIND_SETS.map((set) => path.join(fixturesDir, `generic-${set}`))
  .filter((dir) => existsSync(dir))
  .flatMap((dir) => loadFixturePages(dir));
const isBlind = (p: CorpusPage): boolean => p.set !== undefined && BLIND_SETS.includes(p.set);
if (!corpus.length && !fixtures.length) {
  process.stderr.write('no pages found under ../shared/corpus/html or tests/fixtures/generic\n');
  process.exit(2);
}
const pages = [...corpus, ...fixtures, ...blindPages];
const site = run(pages, false);
const generic = run(pages, true);

const counts = (rows: Row[]): PageCounts[] => rows.filter((r) => r.score).map((r) => r.score!);
function setOf(rows: Row[], keep: (p: CorpusPage) => boolean): SetScore & { min: number } {
  const kept = rows.filter((r) => keep(r.page) && r.score);
  return { ...scoreSet(counts(kept)), min: Math.min(...kept.map((r) => r.score!.f1), 1) };
}

// Pages a site extractor reads: in the generic columns, the wider visible set of pages read as
// if no extractor knew their site.
const siteRead = new Set(
  site.filter((r) => r.extractor !== 'generic' && r.extractor !== 'error').map((r) => r.page),
);
const SETS: Array<[string, (p: CorpusPage) => boolean]> = [
  ['corpus: outlet pages', (p) => p.folder !== 'benchmark-sample' && p.folder !== 'generic-fixtures'],
  [
    'corpus: pages a site extractor reads (generic: as an unknown site)',
    (p) => siteRead.has(p) && p.folder !== 'generic-fixtures',
  ],
  ['corpus: benchmark sample', (p) => p.folder === 'benchmark-sample'],
  ...(dev
    ? []
    : ([
        ['  sample, tuned on (16)', (p) => p.folder === 'benchmark-sample' && !isHoldout(p)],
        ['  sample, held out (4)', (p) => isHoldout(p)],
      ] as Array<[string, (p: CorpusPage) => boolean]>)),
  ['corpus: all of ../shared/corpus/html', (p) => p.folder !== 'generic-fixtures'],
  ['ours: tests/fixtures/generic', (p) => p.folder === 'generic-fixtures' && !isBlind(p)],
  ['  ours, round 1, tuned on', (p) => p.folder === 'generic-fixtures' && !p.set],
  [
    '  ours, round 1, check set (written after tuning)',
    (p) => p.folder === 'generic-fixtures' && p.set === 'check',
  ],
  ['  ours, round 2, tuned on', (p) => p.folder === 'generic-fixtures' && p.set === 'round2'],
  [
    '  ours, round 2, check set (scored at the end)',
    (p) => p.folder === 'generic-fixtures' && p.set === 'check2',
  ],
  ['  ours, round 3, tuned on', (p) => p.folder === 'generic-fixtures' && p.set === 'round3'],
  [
    '  ours, round 3, check set (scored at the end)',
    (p) => p.folder === 'generic-fixtures' && p.set === 'check3',
  ],
  [
    '  ours, round 4, tuned on (written before reading src/scrape)',
    (p) => p.folder === 'generic-fixtures' && p.set === 'round4',
  ],
  [
    '  ours, round 4, check set (written after reading src/scrape, scored once before changes)',
    (p) => p.folder === 'generic-fixtures' && p.set === 'check4',
  ],
  [
    '  ours, round 5 (written before reading src/scrape, scored on main before changes)',
    (p) => p.folder === 'generic-fixtures' && p.set === 'round5',
  ],
  [
    '  ours, round 6 (written before reading src/scrape, scored on main before changes)',
    (p) => p.folder === 'generic-fixtures' && p.set === 'round6',
  ],
  [
    '  ours, round 6, check set (written after reading src/scrape, scored once before changes)',
    (p) => p.folder === 'generic-fixtures' && p.set === 'check6',
  ],
  [
    '  ours, round 6, second check set (written after the first was fixed, scored once before changes)',
    (p) => p.folder === 'generic-fixtures' && p.set === 'check6b',
  ],
  [
    '  ours, round 6, third check set (written after the second was fixed, scored once before changes)',
    (p) => p.folder === 'generic-fixtures' && p.set === 'check6c',
  ],
  [
    '  ours, round 6, fourth check set (written after the third was fixed, scored once before changes)',
    (p) => p.folder === 'generic-fixtures' && p.set === 'check6d',
  ],
  [
    '  ours, round 7 (full-size pages, written after reading src/scrape, scored on main before changes)',
    (p) => p.folder === 'generic-fixtures' && p.set === 'round7',
  ],
  ...BLIND_SETS.filter((set) => blindPages.some((p) => p.set === set)).map(
    (set): [string, (p: CorpusPage) => boolean] => [
      `${set}, blind (tests/fixtures/generic-${set}, figures only)`,
      (p) => p.set === set,
    ],
  ),
];

const f = (n: number): string => n.toFixed(3);
const figures = SETS.map(([name, keep]) => ({
  name,
  site: setOf(site, keep),
  generic: setOf(generic, keep),
}));

if (args.has('--json')) {
  const rows = site.flatMap((r, i) =>
    isBlind(r.page)
      ? []
      : [
          {
            page: r.page.name,
            extractor: r.extractor,
            site: r.score,
            generic: generic[i]!.score,
            snippetsFailed: r.snippetsFailed,
            genericSnippetsFailed: generic[i]!.snippetsFailed,
          },
        ],
  );
  process.stdout.write(`${JSON.stringify({ figures, pages: rows }, null, 2)}\n`);
} else {
  const out: string[] = [];
  out.push(
    'Scored as the Zyte benchmark scores: 4-token shingles, P and R averaged over pages, F1 of the means.',
  );
  out.push('');
  out.push(
    '| set | pages | site P | site R | site F1 | generic P | generic R | generic F1 | generic min page |',
  );
  out.push('|---|---|---|---|---|---|---|---|---|');
  for (const { name, site: s, generic: g } of figures) {
    if (!s.pages) continue;
    out.push(
      `| ${name} | ${s.pages} | ${f(s.precision)} | ${f(s.recall)} | ${f(s.f1)} | ${f(g.precision)} | ${f(g.recall)} | ${f(g.f1)} ± ${f(g.f1Std)} | ${f(g.min)} |`,
    );
  }
  out.push('');
  const scored = site
    .map((r, i) => ({ s: r, g: generic[i]! }))
    .filter((x) => x.s.score && x.g.score && !isBlind(x.s.page));
  const shown = args.has('--all')
    ? scored
    : scored
        .filter((x) => x.g.score!.f1 < 0.97 || x.s.score!.f1 < 0.97 || x.g.snippetsFailed.length > 0)
        .sort((a, b) => Math.min(a.g.score!.f1, a.s.score!.f1) - Math.min(b.g.score!.f1, b.s.score!.f1));
  out.push(
    args.has('--all')
      ? 'Every page:'
      : 'Pages below 0.97 (site or generic) or with furniture left in, worst first:',
  );
  out.push(
    '| page | extractor | site P | site R | site F1 | generic P | generic R | generic F1 | generic snippets |',
  );
  out.push('|---|---|---|---|---|---|---|---|---|');
  for (const { s, g } of shown) {
    const a = s.score!;
    const b = g.score!;
    const err = [
      ...(s.error ? [`site error: ${s.error}`] : []),
      ...(g.error ? [`generic error: ${g.error}`] : []),
    ];
    out.push(
      `| ${s.page.name}${isHoldout(s.page) ? ' (held out)' : ''} | ${s.extractor} | ${f(a.precision)} | ${f(a.recall)} | ${f(a.f1)} | ${f(b.precision)} | ${f(b.recall)} | ${f(b.f1)} | ${[...g.snippetsFailed, ...err].join('; ')} |`,
    );
  }
  const snippetPages = site.filter((r) => !r.score);
  if (snippetPages.length) {
    out.push('');
    out.push('Snippet-only pages (site extractors / generic):');
    snippetPages.forEach((r) => {
      const g = generic[pages.indexOf(r.page)]!;
      const state = (x: Row) => (x.snippetsFailed.length ? x.snippetsFailed.join('; ') : 'ok');
      out.push(`- ${r.page.name} (${r.extractor}): ${state(r)} / ${state(g)}`);
    });
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

if (args.has('--perturb')) {
  // The same corpus pages and ground truth, their markup rewritten: a wider visible set for
  // the generic extractor, in the shapes unseen sites take.
  const out: string[] = [];
  const sets: Array<[string, CorpusPage[]]> = [
    ['the corpus pages', corpus.filter((p) => p.body)],
    ['our pages (tests/fixtures/generic)', fixtures.filter((p) => p.body)],
  ];
  for (const [label, scoredPages] of sets) {
    out.push('', `Generic on ${label} rewritten by each perturbation:`, '');
    out.push('| perturbation | pages | P | R | F1 | min page | worst |');
    out.push('|---|---|---|---|---|---|---|');
    for (const kind of [...PERTURBATIONS, ...HEAVY_PERTURBATIONS]) {
      const rows = run(
        scoredPages.map((p) => ({ ...p, html: perturb(p.html, kind) })),
        true,
      ).filter((r) => r.score);
      const s = scoreSet(counts(rows), 0);
      const worst = [...rows].sort((a, b) => a.score!.f1 - b.score!.f1)[0];
      out.push(
        `| ${kind} | ${rows.length} | ${f(s.precision)} | ${f(s.recall)} | ${f(s.f1)} | ${f(worst?.score?.f1 ?? 1)} | ${worst?.page.name ?? ''} |`,
      );
    }
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

if (args.has('--check')) {
  const byName = new Map(figures.map((x) => [x.name, x]));
  const all = byName.get('corpus: all of ../shared/corpus/html');
  const sample = byName.get('corpus: benchmark sample');
  const ours = byName.get('ours: tests/fixtures/generic');
  const failed =
    (all && all.site.pages > 0 && all.site.f1 < TARGET_SITE) ||
    (sample &&
      sample.generic.pages > 0 &&
      (sample.generic.f1 < TARGET_GENERIC || sample.generic.min < TARGET_PAGE_MIN)) ||
    (ours && ours.generic.pages > 0 && ours.generic.f1 < TARGET_GENERIC);
  if (failed) process.exitCode = 1;
}
