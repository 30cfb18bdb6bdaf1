/**
 * `npm run eval:scrape`: main-text precision, recall and F1 on word tokens (multiset, as the
 * Zyte article-extraction benchmark counts them) over every page of ../shared/corpus/html with a
 * ground-truth body, per page and overall (micro: summed over tokens), once with the site
 * extractors and once with the generic extractor alone. Snippet-only pages are checked for
 * their must/must-not snippets. `--json` prints the numbers as JSON; `--check` exits 1 below
 * the targets (F1 0.97 with site extractors, 0.95 generic alone).
 */
import { scrapePage } from '../src/scrape/index.ts';
import { type CorpusPage, finish, loadCorpusPages, scoreTokens, type TokenScore } from './scrape-corpus.ts';

const TARGET_SITE = 0.97;
const TARGET_GENERIC = 0.95;

interface Row {
  page: string;
  extractor: string;
  score: TokenScore | null;
  snippetsFailed: string[];
  error?: string;
}

function run(pages: CorpusPage[], genericOnly: boolean): Row[] {
  return pages.map((p) => {
    try {
      const a = scrapePage(p.html, p.url, { genericOnly });
      const failed = [
        ...p.mustContain.filter((s) => !a.text.includes(s)).map((s) => `missing "${s}"`),
        ...p.mustNotContain.filter((s) => a.text.includes(s)).map((s) => `unwanted "${s}"`),
      ];
      return {
        page: p.name,
        extractor: a.extractor,
        score: p.body ? scoreTokens(a.text, p.body) : null,
        snippetsFailed: failed,
      };
    } catch (err) {
      const score = p.body ? scoreTokens('', p.body) : null;
      return { page: p.name, extractor: 'error', score, snippetsFailed: [], error: (err as Error).message };
    }
  });
}

function overall(rows: Row[]): TokenScore {
  let tp = 0;
  let predicted = 0;
  let truth = 0;
  for (const r of rows) {
    if (!r.score) continue;
    tp += r.score.tp;
    predicted += r.score.predicted;
    truth += r.score.truth;
  }
  return finish(tp, predicted, truth);
}

function macro(rows: Row[]): { precision: number; recall: number; f1: number } {
  const scored = rows.filter((r) => r.score);
  const p = scored.reduce((s, r) => s + (r.score?.precision ?? 0), 0) / (scored.length || 1);
  const rc = scored.reduce((s, r) => s + (r.score?.recall ?? 0), 0) / (scored.length || 1);
  return { precision: p, recall: rc, f1: p + rc ? (2 * p * rc) / (p + rc) : 0 };
}

const f = (n: number): string => n.toFixed(3);

const pages = loadCorpusPages();
if (!pages.length) {
  process.stderr.write('no corpus pages found under ../shared/corpus/html\n');
  process.exit(2);
}
const site = run(pages, false);
const generic = run(pages, true);
const siteAll = overall(site);
const genericAll = overall(generic);

if (process.argv.includes('--json')) {
  process.stdout.write(
    `${JSON.stringify({ site, generic, overall: { site: siteAll, generic: genericAll } }, null, 2)}\n`,
  );
} else {
  const lines: string[] = [];
  lines.push('| page | extractor | P | R | F1 | generic P | generic R | generic F1 | snippets |');
  lines.push('|---|---|---|---|---|---|---|---|---|');
  site.forEach((r, i) => {
    const g = generic[i]!;
    const s = r.score;
    const gs = g.score;
    const snip = [...r.snippetsFailed, ...(r.error ? [`error: ${r.error}`] : [])];
    const gsnip = g.snippetsFailed.length ? ` (generic: ${g.snippetsFailed.length} failed)` : '';
    lines.push(
      `| ${r.page} | ${r.extractor} | ${s ? f(s.precision) : '-'} | ${s ? f(s.recall) : '-'} | ${s ? f(s.f1) : '-'} | ${gs ? f(gs.precision) : '-'} | ${gs ? f(gs.recall) : '-'} | ${gs ? f(gs.f1) : '-'} | ${snip.length ? snip.join('; ') : r.score ? '' : 'ok'}${gsnip} |`,
    );
  });
  const gm = macro(generic);
  const sm = macro(site);
  lines.push('');
  lines.push(
    `overall (micro), site extractors: P ${f(siteAll.precision)} R ${f(siteAll.recall)} F1 ${f(siteAll.f1)}  (macro F1 ${f(sm.f1)}; target ${TARGET_SITE})`,
  );
  lines.push(
    `overall (micro), generic only:    P ${f(genericAll.precision)} R ${f(genericAll.recall)} F1 ${f(genericAll.f1)}  (macro F1 ${f(gm.f1)}; target ${TARGET_GENERIC})`,
  );
  const snippetFails = site.filter((r) => r.snippetsFailed.length).length;
  lines.push(`snippet pages failing (site extractors): ${snippetFails}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

if (process.argv.includes('--check') && (siteAll.f1 < TARGET_SITE || genericAll.f1 < TARGET_GENERIC)) {
  process.exitCode = 1;
}
