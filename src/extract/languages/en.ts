/**
 * English: the tables of config/rules/en/ and compromise. English needs no code of its own
 * beyond the parser; see docs/languages.md for what a language module may add.
 */
import { englishParser } from '../parser.ts';
import type { LanguageModule } from './index.ts';

export const english: LanguageModule = {
  language: 'en',
  parser: () => englishParser,
};
