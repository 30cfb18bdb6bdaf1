/**
 * German: the tables of config/rules/de/ read with compromise's English parse (sentences, offsets,
 * capitalisation); see "Parsing" in docs/languages.md for why no edition of compromise.
 */
import { englishParser } from '../parser.ts';
import type { LanguageModule } from './index.ts';

export const german: LanguageModule = {
  language: 'de',
  parser: () => englishParser,
};
