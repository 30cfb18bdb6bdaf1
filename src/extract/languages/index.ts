/**
 * The languages extraction knows: one module per language (its parser and, where a language
 * needs it, code of its own), paired with the tables of config/rules/<language>/ by
 * src/extract/rules/ruleset.ts. Adding a language: a folder of tables, a module here, one line
 * in LANGUAGES.
 */
import type { Parser } from '../parser.ts';
import { german } from './de.ts';
import { english } from './en.ts';
import { spanish } from './es.ts';
import { french } from './fr.ts';
import { dutch } from './nl.ts';
import { portuguese } from './pt.ts';

export interface LanguageModule {
  /** ISO 639-1 code; also the name of the folder of tables (config/rules/<language>/). */
  language: string;
  /** The parser, created on first use (an edition loads its lexicon once). */
  parser: () => Parser;
}

export const LANGUAGES: Readonly<Record<string, LanguageModule>> = {
  en: english,
  de: german,
  es: spanish,
  fr: french,
  nl: dutch,
  pt: portuguese,
};
