/**
 * Issue 11: town names with a lower-case link ("Weil am Rhein", "Bergen op Zoom") are one place
 * where the gazetteer knows the whole name; a place followed by a date or another noun is not
 * joined to it. Sentences of our own.
 */
import { describe, expect, it } from 'vitest';
import { articleFromText, extractRecord } from '../../src/extract/index.ts';

const places = (text: string, language: string) =>
  extractRecord(
    articleFromText({ url: null, title: null, text, published: '2026-11-20', language }),
  ).places.map((p) => p.name);

const cases: Array<[string, string, string[]]> = [
  ['de', 'Der Lieferwagen kam aus Weil am Rhein und fuhr nach Basel.', ['Weil am Rhein', 'Basel']],
  ['de', 'Die Fahnder nahmen in Freiburg im Breisgau zwei Männer fest.', ['Freiburg im Breisgau']],
  ['de', 'In Frankfurt am Main stellte der Zoll 20 Kilo Kokain sicher.', ['Frankfurt am Main']],
  ['de', 'Die Polizei in Mülheim an der Ruhr fand 3 Kilo Heroin.', ['Mülheim an der Ruhr']],
  ['de', 'Die Polizei in Hamburg am Dienstag fand 3 Kilo Kokain.', ['Hamburg']],
  ['de', 'In Berlin am Montag wurden zwei Männer festgenommen.', ['Berlin']],
  ['nl', 'In Bergen op Zoom vond de politie 30 kilo cocaïne.', ['Bergen op Zoom']],
  ['nl', 'In Alphen aan den Rijn rolde de politie een kwekerij op.', ['Alphen aan den Rijn']],
  ['nl', 'De politie in Rotterdam op maandag vond niets.', ['Rotterdam']],
];

describe('place names with a lower-case link', () => {
  it.each(cases)('%s: %s', (lang, text, want) => {
    expect(places(text, lang)).toEqual(want);
  });
});
