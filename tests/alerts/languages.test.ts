/**
 * Alerts for an article in another language: the figure in English (canonical drug, kg), the
 * evidence as the article wrote it, labelled with its language. English alerts stay as they were.
 */
import { describe, expect, it } from 'vitest';
import { buildAlert, renderText, summarizeRecord } from '../../src/alerts/alert.ts';
import { slackPayload } from '../../src/alerts/channels/slack.ts';
import { makeRecord, seizure } from './helpers.ts';

const story = { key: 'k1', reports: [], alsoReportedBy: [], disagreements: [] };

function alertFor(language: string, evidence: string, over: Parameters<typeof seizure>[0] = {}) {
  const record = makeRecord({
    language,
    title: 'Titel',
    seizures: [seizure({ evidence, ...over })],
  });
  return buildAlert(summarizeRecord(record), 'all-seizures', story);
}

describe('alerts across languages', () => {
  it('gives a German figure in English with kg and keeps the German evidence in Slack and text', () => {
    const evidence = 'Im Hafen stellten Zollbeamte 2,4 Tonnen Kokain in Bananenkisten sicher';
    const alert = alertFor('de', evidence);
    expect(alert.figures[0]!.summary).toMatch(/^2\.4 t of cocaine \(2,400 kg\), Rotterdam \(NL\)/);
    const slack = JSON.stringify(slackPayload(alert).blocks);
    expect(slack).toContain('2.4 t of cocaine (2,400 kg)');
    expect(slack).toContain('_Evidence (original, de):_');
    expect(slack).toContain(evidence);
    const text = renderText(alert);
    expect(text).toContain(`Evidence (original, de): "${evidence}"`);
    expect(text).toContain('2.4 t of cocaine (2,400 kg)');
  });

  it('names counts in English and adds no kg where the figure has none or is in kg already', () => {
    const pills = alertFor('es', 'la policía incautó 30.000 pastillas de éxtasis', {
      drug: 'mdma',
      amount: { value: 30000, unit: 'pills' },
      kg: null,
      count: 30000,
      countUnit: 'pills',
    });
    expect(pills.figures[0]!.summary).toMatch(/^30,000 pills of mdma, /);
    const kilos = alertFor('pt', 'a polícia apreendeu 850 quilos de maconha', {
      drug: 'cannabis',
      amount: { value: 850, unit: 'kg' },
      kg: 850,
    });
    expect(kilos.figures[0]!.summary).toMatch(/^850 kg of cannabis, /);
    expect(renderText(kilos)).toContain(
      'Evidence (original, pt): "a polícia apreendeu 850 quilos de maconha"',
    );
  });

  it('leaves English alerts as they were', () => {
    const alert = alertFor('en', 'Customs officers seized 2.4 tonnes of cocaine');
    expect(alert.figures[0]!.summary).toMatch(/^2\.4 t of cocaine, Rotterdam/);
    expect(renderText(alert)).toContain('Evidence: "Customs officers seized 2.4 tonnes of cocaine"');
    expect(JSON.stringify(slackPayload(alert).blocks)).not.toContain('original');
  });
});
