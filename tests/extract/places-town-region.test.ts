/**
 * "Town, in Country's X region": a town followed by a comma, one lower-case word and the place
 * that names its country (the `town-region-link` slot of entity-grammar.yaml). The town's own
 * largest reading (London GB, Sydney AU) then lends the story no country, so the region after
 * it decides the town. Sentences written for this test.
 */
import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../src/extract/entities/index.ts';
import { parseText } from '../../src/extract/parse.ts';
import { defaultRuleSet } from '../../src/extract/rules/ruleset.ts';

const countryOf = (text: string, name: string) =>
  extractEntities(parseText({ title: null, text, published: '2025-03-04' })).places.find(
    (p) => p.name === name,
  )?.country;

describe('the town-region link', () => {
  const link = defaultRuleSet().entities.grammar.townRegionLink;

  it('is a comma and one lower-case word, nothing more', () => {
    for (const s of [', in ', ',in ', ' , near ', ', on ', ', im ', ', en ', ', près '])
      expect(link.test(s), JSON.stringify(s)).toBe(true);
    for (const s of [', ', ' in ', ', in the ', ', In ', ', in', 'in ', ', 12 ', ' and '])
      expect(link.test(s), JSON.stringify(s)).toBe(false);
  });

  it("lets the region after a town decide it over the town's largest reading", () => {
    expect(
      countryOf(
        "Customs officers seized 120 kilograms of cocaine in London, in Canada's Ontario province, on Friday, police said.",
        'London',
      ),
    ).toBe('CA');
  });
});
