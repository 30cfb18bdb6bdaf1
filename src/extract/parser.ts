/**
 * The parser a language extracts with: a compromise edition (compromise for English;
 * de-compromise, es-compromise, fr-compromise follow the same API) behind a small interface,
 * so the rules never import a parser themselves. Entity rules read the parse's term tags and
 * the parser's lexicon; the tag names below are compromise's, shared by its editions.
 */
import nlp from './nlp.ts';

export type NlpDoc = ReturnType<typeof nlp>;

export interface Parser {
  /** Name and edition, for logs and the bench ("compromise"). */
  name: string;
  /** One parse of a text: sentences with offsets, terms with tags (compromise's document API). */
  parse(text: string): NlpDoc;
  /** Lexicon tags of a lower-case word, or undefined when the parser does not know it. */
  lexicon(word: string): string | string[] | undefined;
  /** Tags of function words: a capitalised word with one of these opens no name. */
  functionTags: readonly string[];
  /** Tags of proper names: a word the lexicon lists with one of these is no common word. */
  properTags: readonly string[];
  /** Tags of a sentence's first word that make it no part of an organisation's name ("Then"). */
  openerTags: readonly string[];
}

/** compromise's tag names (shared by its language editions). */
const COMPROMISE_TAGS = {
  functionTags: [
    'Verb',
    'Adverb',
    'Determiner',
    'Preposition',
    'Conjunction',
    'Pronoun',
    'QuestionWord',
    'Value',
    'Expression',
  ],
  properTags: [
    'ProperNoun',
    'Person',
    'FirstName',
    'LastName',
    'MaleName',
    'FemaleName',
    'Place',
    'City',
    'Country',
    'Region',
    'Organization',
    'Company',
    'Demonym',
  ],
  openerTags: ['Date', 'Adverb', 'Determiner', 'Pronoun', 'Preposition', 'Conjunction', 'Verb', 'Value'],
} as const;

type Lexicon = Record<string, string | string[] | undefined>;

/** A Parser over a compromise edition (`nlp` of compromise, de-compromise, ...). */
export function compromiseParser(instance: typeof nlp, name: string): Parser {
  let lexicon: Lexicon | undefined;
  return {
    name,
    parse: (text) => instance(text),
    lexicon(word) {
      lexicon ??= (instance.model() as { one: { lexicon: Lexicon } }).one.lexicon;
      return lexicon[word];
    },
    ...COMPROMISE_TAGS,
  };
}

/** English: compromise itself. */
export const englishParser: Parser = compromiseParser(nlp, 'compromise');
