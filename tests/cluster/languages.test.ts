/**
 * Stories across languages: a translated copy joins the story on what it names (gazetteer
 * places through their exonyms, persons, figures, dates), not on shared words; another story
 * at the same port stays apart. Sentences are our own; the lexicon is the English tables plus
 * the small German and Spanish test tables of tests/fixtures/lexicon/.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { storyAnchors } from '../../src/cluster/anchors.ts';
import { bcubed } from '../../src/cluster/bcubed.ts';
import { StoryClusterer } from '../../src/cluster/clusterer.ts';
import { clusterCorpus, readCorpusDir } from '../../src/cluster/corpus.ts';
import { storyFeatures } from '../../src/cluster/features.ts';
import { loadClusterLexicon } from '../../src/cluster/lexicon.ts';
import { anchorSimilarity, sharesEventAnchor } from '../../src/cluster/similarity.ts';
import { loadClusterTerms } from '../../src/cluster/terms.ts';
import { RULES_DIR } from '../../src/extract/rules/load.ts';
import { makeRecord } from '../alerts/helpers.ts';
import { ROOT } from '../helpers/paths.ts';

const lexicon = loadClusterLexicon([RULES_DIR, path.join(ROOT, 'tests/fixtures/lexicon')]);
const terms = loadClusterTerms();

const story = (id: string, language: string, title: string, text: string, published: string | null = null) =>
  storyFeatures(makeRecord({ id, language, title, text, published, seizures: [], places: [] }), { lexicon });

const EN = story(
  'en',
  'en',
  'Police in Seville find 3.4 tonnes of cocaine in a shipment of frozen squid',
  'Spanish police said on Tuesday that officers had found 3.4 tonnes of cocaine packed among frozen squid in a lorry near Seville on 14 October. The load had come by ship from Guayaquil in Ecuador. Inspector Marta Ibarrondo told reporters that four men from Cologne had been arrested.',
  '2025-10-21T10:00:00Z',
);
const DE = story(
  'de',
  'de',
  'Polizei findet 3,4 Tonnen Kokain zwischen Tintenfisch',
  'Zwischen gefrorenem Tintenfisch haben spanische Ermittler bei Sevilla 3,4 Tonnen Kokain entdeckt, wie die Polizei am Dienstag mitteilte. Die Ladung war am 14. Oktober per Schiff aus Guayaquil in Ecuador gekommen. Vier Männer aus Köln wurden festgenommen, sagte Kommissarin Marta Ibarrondo.',
);
const ES = story(
  'es',
  'es',
  'Incautan 3,4 toneladas de cocaína ocultas entre calamares congelados',
  'Agentes de la Policía Nacional hallaron 3,4 toneladas de cocaína entre calamares congelados en un camión cerca de Sevilla el 14 de octubre. El cargamento llegó en barco desde Guayaquil (Ecuador). La inspectora Marta Ibarrondo informó de la detención de cuatro hombres de Colonia.',
);
// The same port and drug months later, in Spanish, undated: another haul, other people.
const ES_LATER = story(
  'es-later',
  'es',
  'Nuevo alijo en Sevilla: 900 kilos de cocaína en cajas de aguacates',
  'La Guardia Civil intervino 900 kilos de cocaína escondidos en cajas de aguacates procedentes de Colombia en un almacén de Sevilla el 3 de marzo. El comandante Álvaro Quintanilla dijo que dos empleados del almacén fueron detenidos.',
);

describe('anchors', () => {
  it('name the same places, persons, figures and dates in every language', () => {
    for (const f of [EN, DE, ES]) {
      expect(f.anchors, f.id).toEqual(
        expect.arrayContaining([
          'place:ES:sevilla',
          'place:EC:guayaquil',
          'country:EC',
          'person:marta ibarrondo',
          'drug:cocaine',
          'figure:3400',
          'date:10-14',
        ]),
      );
    }
    // Cologne, Köln and Colonia are one gazetteer entry; the Spanish first name is no city.
    for (const f of [EN, DE, ES]) expect(f.anchors, f.id).toContain('place:DE:koln');
    expect(ES_LATER.anchors!.filter((a) => a.startsWith('place:'))).toEqual(['place:ES:sevilla']);
  });

  it('take no place from a capitalised noun or a two-letter word, and no person from a drug and a unit', () => {
    const a = storyAnchors(null, 'Im Hafen lagen Tonnen Kokain. Die Ladung war groß.', {
      language: 'de',
      lexicon,
      terms,
    });
    expect(a.some((x) => x.startsWith('country:'))).toBe(false);
    expect(a.some((x) => x.startsWith('person:'))).toBe(false);
  });
});

describe('clustering across languages', () => {
  it('joins the German and Spanish copies to the English story and keeps a later haul at the port apart', () => {
    const c = new StoryClusterer();
    const all = [EN, DE, ES, ES_LATER];
    for (const f of all) c.countTerms(f);
    const keys = all.map((f) => c.assign(f, { countTerms: false }).storyKey);
    // Read the keys at the end: a later copy may have merged stories.
    const final = new Map(c.members.map((m) => [m.features.id, m.storyKey]));
    expect(keys[0]).toBe('en');
    expect(final.get('de')).toBe(final.get('en'));
    expect(final.get('es')).toBe(final.get('en'));
    expect(final.get('es-later')).not.toBe(final.get('en'));
  });

  it('does not join two reports in different languages that share only a port and a drug', () => {
    const c = new StoryClusterer();
    const other = story(
      'de-other',
      'de',
      'Zoll stoppt Lastwagen mit Haschisch',
      'Bei Sevilla hat der Zoll einen Lastwagen mit 2 Tonnen Haschisch aus Marokko gestoppt. Kommissar Jonas Weidenbach sprach von einem Zufallsfund.',
    );
    for (const f of [EN, other]) c.countTerms(f);
    c.assign(EN, { countTerms: false });
    expect(c.assign(other, { countTerms: false }).isNew).toBe(true);
  });
});

describe('cross-language decisions', { timeout: 120_000 }, () => {
  it('scores the held-out set with its Spanish copy included, and keeps two Hamburg stories weeks apart apart', () => {
    const articles = readCorpusDir(path.join(ROOT, 'tests/fixtures/cluster/held-out'));
    expect(articles.some((a) => a.language !== 'en')).toBe(true);
    const lines = clusterCorpus(articles);
    const keys = new Map(lines.map((l) => [l.id, l.cluster]));
    const s = bcubed(keys, new Map(articles.map((a) => [a.id, a.story!])));
    expect(s.items).toBe(articles.length);
    expect(s.f1).toBeGreaterThanOrEqual(0.9);
    expect(keys.get('ham-coffee-es')).toBe(keys.get('ham-coffee-wire'));
    expect(keys.get('ham-bananas-undated')).not.toBe(keys.get('ham-coffee-es'));
  });

  it('needs an anchor of the event itself: a shared port, country and drug are not enough', () => {
    const freq = { docs: 0, df: new Map<string, number>() };
    const a = ['place:DE:hamburg', 'country:CO', 'drug:cocaine', 'num:38'];
    const b = ['place:DE:hamburg', 'country:CO', 'drug:cocaine', 'person:ana lucia prado'];
    expect(anchorSimilarity(a, b, freq)).toBeGreaterThan(0.3);
    expect(sharesEventAnchor(a, b)).toBe(false);
    expect(sharesEventAnchor([...a, 'figure:1500'], [...b, 'figure:1500'])).toBe(true);
  });
});
