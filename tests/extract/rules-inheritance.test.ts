/**
 * A language folder holds its own rules only and inherits the English ones (language.yaml
 * `inherits: en`): a row added to en/ reaches German, a drop-list removes an English row, an own
 * row with an English reason replaces it, grammar slots extend the English slot of their name.
 * Each test works on a copy of config/rules/{en,de} in a temporary folder.
 */
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError } from '../../src/errors.ts';
import { articleFromText, extractRecord } from '../../src/extract/index.ts';
import { lintRuleTables, loadRuleTable, RULES_DIR } from '../../src/extract/rules/load.ts';
import { loadRuleSet } from '../../src/extract/rules/ruleset.ts';
import { loadSlots } from '../../src/extract/rules/slots.ts';

const tmp = mkdtempSync(path.join(tmpdir(), 'sw-inherit-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let n = 0;
/** A fresh copy of config/rules/en and config/rules/de; returns the root. */
function copyRules(): string {
  const root = path.join(tmp, `rules-${++n}`);
  for (const lang of ['en', 'de'])
    cpSync(path.join(RULES_DIR, lang), path.join(root, lang), { recursive: true });
  return root;
}

/** Our own sentence, told of an invented drug the shipped tables do not know (flakka now is in them). */
const GERMAN =
  'Zollfahnder haben im Hafen von Bremerhaven 38 Kilogramm Zombrix in einem Kühlcontainer sichergestellt.';
const TEST_DRUG_ROW = '  - { reason: drug-test-zombrix, drug: nps, pattern: "zombrix" }\n';

function hauls(text: string, dir: string): string[] {
  const rules = loadRuleSet('de', { dir });
  const article = articleFromText({ url: null, title: null, text, published: '2025-03-02', language: 'de' });
  return extractRecord(article, { rules }).seizures.map((s) => `${s.drug} ${s.kg}`);
}

const Row = z.looseObject({ reason: z.string() });

describe('a language folder inherits the English tables', () => {
  it('a row added to en/ reaches the German RuleSet and reads a German sentence', () => {
    const root = copyRules();
    const de = path.join(root, 'de');
    expect(hauls(GERMAN, de)).toEqual([]);
    const root2 = copyRules();
    appendFileSync(path.join(root2, 'en', 'drugs.yaml'), TEST_DRUG_ROW);
    const de2 = path.join(root2, 'de');
    const drugs = loadRuleSet('de', { dir: de2 }).seizures.drugs.map((d) => d.rule.reason);
    expect(drugs).toContain('drug-test-zombrix');
    // German rows first, then the English ones
    expect(drugs.indexOf('drug-de-kokain')).toBeLessThan(drugs.indexOf('drug-cocaine'));
    expect(hauls(GERMAN, de2)).toEqual(['nps 38']);
  });

  it('the shipped German folder holds no English row, yet its RuleSet has them all', () => {
    const own = readFileSync(path.join(RULES_DIR, 'de', 'drugs.yaml'), 'utf8');
    expect(own).not.toMatch(/reason: drug-cocaine\b/);
    const de = loadRuleTable('drugs', Row, path.join(RULES_DIR, 'de')).map((r) => r.reason);
    const en = loadRuleTable('drugs', Row, path.join(RULES_DIR, 'en')).map((r) => r.reason);
    expect(de.slice(de.length - en.length)).toEqual(en);
  });

  it("a language's drop-list removes an English row", () => {
    // without the drop the German RuleSet takes the English row ...
    const kept = copyRules();
    appendFileSync(path.join(kept, 'en', 'drugs.yaml'), TEST_DRUG_ROW);
    expect(hauls(GERMAN, path.join(kept, 'de'))).toEqual(['nps 38']);
    // ... with it, not (tables are cached per file: a second copy)
    const root = copyRules();
    appendFileSync(path.join(root, 'en', 'drugs.yaml'), TEST_DRUG_ROW);
    const file = path.join(root, 'de', 'drugs.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^rules:/m, 'drop: [drug-test-zombrix]\nrules:'));
    const de = path.join(root, 'de');
    expect(loadRuleSet('de', { dir: de }).seizures.drugs.map((d) => d.rule.reason)).not.toContain(
      'drug-test-zombrix',
    );
    expect(hauls(GERMAN, de)).toEqual([]);
    // the shipped tables: German drops English "a"/"an" as number words ("an der Grenze")
    const numbers = (lang: string) =>
      loadRuleTable('numbers', Row, path.join(RULES_DIR, lang)).map((r) => r.reason);
    expect(numbers('en')).toContain('number-word-a');
    expect(numbers('de')).not.toContain('number-word-a');
    expect(numbers('de')).toContain('number-word-one');
  });

  it('a drop naming no English row is a ConfigError and a lint problem', () => {
    const root = copyRules();
    const file = path.join(root, 'de', 'units.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^rules:/m, 'drop: [unit-no-such-row]\nrules:'));
    expect(() => loadRuleTable('units', Row, path.join(root, 'de'))).toThrow(ConfigError);
    const { problems } = lintRuleTables(path.join(root, 'de'));
    expect(problems.map((p) => `${p.file} ${p.path} ${p.message}`)).toEqual([
      'units.yaml drop.0 no inherited row "unit-no-such-row" to drop',
    ]);
  });

  it('an own row with the reason of an English row replaces it in its place', () => {
    const root = copyRules();
    const de = path.join(root, 'de');
    const en = loadRuleTable('thresholds', Row, path.join(root, 'en'));
    appendFileSync(path.join(de, 'thresholds.yaml'), '  - { reason: clause-window-chars, value: 95 }\n');
    const file = path.join(de, 'thresholds.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('rules: []', 'rules:'));
    const merged = loadRuleTable('thresholds', Row, de);
    expect(merged.map((r) => r.reason)).toEqual(en.map((r) => r.reason));
    expect(merged.find((r) => r.reason === 'clause-window-chars')).toEqual({
      reason: 'clause-window-chars',
      value: 95,
    });
    expect(loadRuleSet('de', { dir: de }).seizures.thresholds['clause-window-chars']).toBe(95);
    expect(loadRuleSet('de', { dir: de }).seizures.thresholds['refer-back-sentences']).toBe(
      en.find((r) => r.reason === 'refer-back-sentences')?.value,
    );
  });

  it('a slot adds its words before the English ones; drop and inherit: false take English words away', () => {
    const dir = path.join(tmp, 'slots');
    for (const [lang, body] of [
      [
        'en',
        '  - { reason: joins, words: [and, or, plus] }\n  - { reason: cut, pattern: "which|who" }\n  - { reason: only, words: [the] }\n',
      ],
      [
        'xx',
        '  - { reason: joins, words: [und, and], drop: [plus] }\n  - { reason: cut, words: [die] }\n  - { reason: only, words: [der], inherit: false }\n',
      ],
    ] as const) {
      mkdirSync(path.join(dir, lang), { recursive: true });
      cpSync(path.join(RULES_DIR, 'de', 'language.yaml'), path.join(dir, lang, 'language.yaml'));
      writeFileSync(path.join(dir, lang, 'g.yaml'), `description: d\nrules:\n${body}`);
    }
    writeFileSync(path.join(dir, 'en', 'language.yaml'), 'description: the root\n');
    const s = loadSlots('g', ['joins', 'cut', 'only'], path.join(dir, 'xx'));
    expect(s.words('joins')).toEqual(['und', 'and', 'or']);
    expect(s.re('cut')).toBe('(?:die|which|who)');
    expect(s.words('only')).toEqual(['der']);
    writeFileSync(
      path.join(dir, 'xx', 'g2.yaml'),
      'description: d\nrules:\n  - { reason: joins, words: [y], drop: [nor] }\n',
    );
    writeFileSync(
      path.join(dir, 'en', 'g2.yaml'),
      'description: d\nrules:\n  - { reason: joins, words: [and] }\n',
    );
    expect(() => loadSlots('g2', ['joins'], path.join(dir, 'xx'))).toThrow(/no inherited word "nor"/);
  });

  it('refuses an inheritance cycle and a parent that is not there', () => {
    const root = path.join(tmp, 'cycle');
    for (const [lang, parent] of [
      ['aa', 'bb'],
      ['bb', 'aa'],
      ['cc', 'zz'],
    ]) {
      mkdirSync(path.join(root, lang!), { recursive: true });
      cpSync(path.join(RULES_DIR, 'de', 'units.yaml'), path.join(root, lang!, 'units.yaml'));
      writeFileSync(path.join(root, lang!, 'language.yaml'), `description: d\ninherits: ${parent}\n`);
    }
    expect(() => loadRuleTable('units', Row, path.join(root, 'aa'))).toThrow(/inheritance cycle/);
    expect(() => loadRuleTable('units', Row, path.join(root, 'cc'))).toThrow(/"zz" is no other folder/);
  });
});
