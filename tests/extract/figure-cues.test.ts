/**
 * The cue classes of figure-cues.yaml (sentences in figure-cues.data.ts, our own): a figure a
 * cue governs never comes out, in six languages; a real haul in a sentence with a cue word still
 * does. `KNOWN` lists cases that still fail (vitest `it.fails`, so a fix shows).
 */
import { describe, expect, it } from 'vitest';
import { articleFromText, extractRecord } from '../../src/extract/index.ts';
import { describeSeizure } from '../../src/score/index.ts';
import { CUES } from './figure-cues.data.ts';

const KNOWN = new Set<string>([]);

function figures(text: string, language: string): string[] {
  const record = extractRecord(
    articleFromText({ url: null, title: null, text, published: '2026-11-16', language }),
  );
  return record.seizures.map((s) => describeSeizure(s)).sort();
}

describe('figure cues', () => {
  for (const [lang, l] of Object.entries(CUES)) {
    describe(lang, () => {
      it('has at least 4 sentences of every class', () => {
        for (const list of Object.values(l.neg)) expect(list.length).toBeGreaterThanOrEqual(4);
      });
      it('the haul sentence alone gives its haul', () => {
        expect(figures(l.haul, lang)).toEqual([l.haulWant]);
      });
      for (const [cls, list] of Object.entries(l.neg)) {
        list.forEach((sentence, i) => {
          const id = `${lang} ${cls} ${i + 1}`;
          (KNOWN.has(id) ? it.fails : it)(`${id}: ${sentence.slice(0, 60)}`, () => {
            expect(figures(`${l.haul} ${sentence}`, lang)).toEqual([l.haulWant]);
          });
        });
      }
      l.pos.forEach((p, i) => {
        const id = `${lang} pos ${i + 1}`;
        (KNOWN.has(id) ? it.fails : it)(`${id}: ${p.text.slice(0, 60)}`, () => {
          expect(figures(p.text, lang)).toEqual([...p.want].sort());
        });
      });
    });
  }
});
