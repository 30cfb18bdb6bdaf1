/**
 * A RuleSet: everything extraction needs to read one language, loaded from
 * config/rules/<language>/ (tables, word lists, thresholds) plus the language's module in
 * src/extract/languages/ (the parser). Extraction takes one as a parameter
 * (`extractRecord(article, { rules })`); the English set is the default. A RuleSet is built
 * once per language folder and shared (its tables are compiled, its gazetteer built on first use).
 */

import { ConfigError } from '../../errors.ts';
import { loadPlaceAliases } from '../../geo/aliases.ts';
import { cityIndex } from '../../geo/cities.ts';
import { createGazetteer, type Gazetteer } from '../../geo/gazetteer.ts';
import { compileEntityTables, type EntityTables } from '../entities/tables.ts';
import { LANGUAGES } from '../languages/index.ts';
import type { Parser } from '../parser.ts';
import { compileSeizureTables, type SeizureTables } from '../seizures/tables.ts';
import { DEFAULT_LANGUAGE, languageDir } from './load.ts';

export interface RuleSet {
  /** ISO 639-1 code of the language the set reads. */
  language: string;
  /** The folder its tables come from. */
  dir: string;
  parser: Parser;
  /** Units, numbers, drugs, seizure terms, frames, periods, calendar, grammar, thresholds. */
  seizures: SeizureTables;
  /** Titles and roles, organisations, person stopwords, place tables, entity grammar. */
  entities: EntityTables;
  /** The offline gazetteer with this language's place aliases (built on first use). */
  readonly gazetteer: Gazetteer;
}

const cache = new Map<string, RuleSet>();

export interface LoadRuleSetOptions {
  /** Folder of tables; default config/rules/<language>/. */
  dir?: string;
}

/**
 * Load (once) the RuleSet of `language`. Throws ConfigError for a language without a module,
 * and for any table that is missing or invalid (every problem of a table listed at once).
 */
export function loadRuleSet(language: string, options: LoadRuleSetOptions = {}): RuleSet {
  const dir = options.dir ?? languageDir(language);
  const key = `${language}\u0000${dir}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const module = LANGUAGES[language];
  if (!module) {
    throw new ConfigError(dir, [
      {
        path: 'language',
        message: `no language module for "${language}" (known: ${Object.keys(LANGUAGES).join(', ')})`,
      },
    ]);
  }
  let gaz: Gazetteer | undefined;
  const entities = compileEntityTables(dir);
  const set: RuleSet = {
    language,
    dir,
    parser: withFunctionWords(module.parser(), entities.grammar.slots.words('function-words')),
    seizures: compileSeizureTables(dir),
    entities,
    get gazetteer() {
      gaz ??= createGazetteer(cityIndex, loadPlaceAliases(dir), { language });
      return gaz;
    },
  };
  cache.set(key, set);
  return set;
}

/**
 * The parser with the language's function words (entity-grammar.yaml `function-words`) in its
 * lexicon: a capitalised "En", "Dans", "Im" opening a sentence is a common word, no name, also
 * where the parser is English compromise that does not know them.
 */
function withFunctionWords(parser: Parser, words: string[]): Parser {
  const extra = new Set(words.map((w) => w.toLowerCase()));
  if (extra.size === 0) return parser;
  return {
    ...parser,
    lexicon: (word) => parser.lexicon(word) ?? (extra.has(word) ? 'Preposition' : undefined),
  };
}

/** The default RuleSet (English). */
export function defaultRuleSet(): RuleSet {
  return loadRuleSet(DEFAULT_LANGUAGE);
}
