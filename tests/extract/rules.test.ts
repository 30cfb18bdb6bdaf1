/** Every rule table lints clean, and the linter and loader catch what they must. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError } from '../../src/errors.ts';
import { lintRuleTables, loadRuleTable, RULES_DIR } from '../../src/extract/rules/load.ts';
import { seizureTables } from '../../src/extract/seizures/tables.ts';

const tmp = mkdtempSync(path.join(tmpdir(), 'sw-rules-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('config/rules tables', () => {
  it('all parse, every rule has a reason, reasons are unique across tables, patterns compile', () => {
    const { files, skipped, rules, problems } = lintRuleTables(RULES_DIR);
    expect(problems).toEqual([]);
    for (const f of [
      'units.yaml',
      'numbers.yaml',
      'drugs.yaml',
      'seizure-terms.yaml',
      'negative-frames.yaml',
      'periods.yaml',
    ]) {
      expect(files).toContain(f);
      expect(skipped).not.toContain(f);
    }
    expect(rules).toBeGreaterThan(100);
  });

  it('the seizure tables load through their schemas', () => {
    const t = seizureTables();
    expect(t.units.find((u) => u.unit === 'short_ton')?.kg).toBeCloseTo(907.18474);
    expect(t.drugs.some((d) => d.rule.drug === 'generic')).toBe(true);
    expect(t.periods.length).toBeGreaterThan(10);
  });
});

describe('lintRuleTables', () => {
  it('reports a table that does not parse, a missing reason, a duplicate reason and a bad pattern', () => {
    const dir = mkdtempSync(path.join(tmp, 'lint-'));
    writeFileSync(
      path.join(dir, 'a.yaml'),
      'description: ok\nrules:\n  - { reason: r-one, pattern: "ab+" }\n  - { pattern: "x" }\n',
    );
    writeFileSync(
      path.join(dir, 'b.yaml'),
      'description: ok\nrules:\n  - { reason: r-one, pattern: "(unclosed" }\n',
    );
    writeFileSync(path.join(dir, 'c.yaml'), 'description: [unclosed\n');
    writeFileSync(path.join(dir, 'd.yaml'), 'description: no rules here\nrules: []\n');
    writeFileSync(path.join(dir, 'e.yaml'), 'stopwords: [a, b]\n');
    const { problems } = lintRuleTables(dir);
    const text = problems.map((p) => `${p.file} ${p.path} ${p.message}`).join('\n');
    expect(text).toMatch(/a\.yaml rules\.1\.reason/);
    expect(text).toMatch(/b\.yaml rules\.0\.reason reason "r-one" already used in a\.yaml/);
    expect(text).toMatch(/b\.yaml rules\.0\.pattern/);
    expect(text).toMatch(/c\.yaml .*does not parse/);
    expect(text).toMatch(/d\.yaml rules missing rules/);
    expect(problems).toHaveLength(5);
    expect(lintRuleTables(dir).skipped).toEqual(['e.yaml']);
  });
});

describe('loadRuleTable', () => {
  it('validates each rule with the given schema and names the path of every problem', () => {
    const dir = mkdtempSync(path.join(tmp, 'load-'));
    writeFileSync(path.join(dir, 'units.yaml'), 'description: d\nrules:\n  - { reason: u1, kg: "heavy" }\n');
    const schema = z.object({ reason: z.string(), kg: z.number() });
    let err: unknown;
    try {
      loadRuleTable('units', schema, dir);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).problems[0]?.path).toBe('rules.0.kg');
  });

  it('returns the typed rules of a good table', () => {
    const dir = mkdtempSync(path.join(tmp, 'good-'));
    writeFileSync(path.join(dir, 'units.yaml'), 'description: d\nrules:\n  - { reason: u1, kg: 2 }\n');
    const rules = loadRuleTable('units', z.object({ reason: z.string(), kg: z.number() }), dir);
    expect(rules).toEqual([{ reason: 'u1', kg: 2 }]);
  });
});
