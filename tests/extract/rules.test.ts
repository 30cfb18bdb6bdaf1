/** Every rule table lints clean, and the linter and loader catch what they must. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError } from '../../src/errors.ts';
import {
  languageFolders,
  lintAllRuleTables,
  lintRuleTables,
  loadRuleTable,
  RULES_DIR,
} from '../../src/extract/rules/load.ts';
import { defaultRuleSet, loadRuleSet } from '../../src/extract/rules/ruleset.ts';
import { loadSlots } from '../../src/extract/rules/slots.ts';

const tmp = mkdtempSync(path.join(tmpdir(), 'sw-rules-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Every table a language folder holds (docs/languages.md has the checklist). */
const LANGUAGE_TABLES = [
  'units.yaml',
  'numbers.yaml',
  'drugs.yaml',
  'seizure-terms.yaml',
  'negative-frames.yaml',
  'periods.yaml',
  'calendar.yaml',
  'seizure-grammar.yaml',
  'thresholds.yaml',
  'number-formats.yaml',
  'confidence.yaml',
  'titles-roles.yaml',
  'organizations.yaml',
  'person-stopwords.yaml',
  'entity-grammar.yaml',
  'place-aliases.yaml',
  'place-agencies.yaml',
  'place-coreferences.yaml',
  'place-facilities.yaml',
  'place-origins.yaml',
  'place-stopwords.yaml',
];

describe('config/rules tables', () => {
  it('all parse, every rule has a reason, reasons are unique per language, patterns compile', () => {
    const { languages, files, skipped, rules, problems } = lintAllRuleTables(RULES_DIR);
    expect(problems).toEqual([]);
    expect(languages).toContain('en');
    for (const lang of languages) {
      for (const f of LANGUAGE_TABLES) {
        expect(files).toContain(`${lang}/${f}`);
        expect(skipped).not.toContain(`${lang}/${f}`);
      }
    }
    expect(skipped).toContain('cluster.yaml');
    expect(rules).toBeGreaterThan(100);
  });

  it('every language folder loads as a RuleSet (every table and slot present and valid)', () => {
    for (const lang of languageFolders(RULES_DIR)) {
      const r = loadRuleSet(lang);
      expect(r.language).toBe(lang);
      expect(r.seizures.units.length).toBeGreaterThan(0);
      expect(r.entities.titleHeads.size).toBeGreaterThan(0);
    }
  });

  it('the English seizure tables load through their schemas', () => {
    const t = defaultRuleSet().seizures;
    expect(t.units.find((u) => u.unit === 'short_ton')?.kg).toBeCloseTo(907.18474);
    expect(t.drugs.some((d) => d.rule.drug === 'generic')).toBe(true);
    expect(t.periods.length).toBeGreaterThan(10);
    expect(t.months.get('sept')).toBe(8);
    expect(t.weekdays.get('sunday')).toBe(0);
    expect(t.thresholds['refer-back-sentences']).toBeGreaterThan(0);
  });
});

describe('RuleSet', () => {
  it('is loaded once per language and is the default for English', () => {
    expect(loadRuleSet('en')).toBe(defaultRuleSet());
  });

  it('refuses a language with no module, naming the known ones', () => {
    expect(() => loadRuleSet('xx')).toThrow(/no language module for "xx".*en/s);
  });

  it('reports every missing slot of a grammar table at once', () => {
    const dir = mkdtempSync(path.join(tmp, 'slots-'));
    writeFileSync(path.join(dir, 'g.yaml'), 'description: d\nrules:\n  - { reason: one, words: [a] }\n');
    let err: unknown;
    try {
      loadSlots('g', ['one', 'two', 'three'], dir);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).problems.map((p) => p.message)).toEqual([
      'missing slot "two"',
      'missing slot "three"',
    ]);
  });

  it('reports a table missing from a language folder', () => {
    const dir = mkdtempSync(path.join(tmp, 'lang-'));
    expect(() => loadRuleSet('en', { dir })).toThrow(ConfigError);
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
