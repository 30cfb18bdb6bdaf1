/**
 * Issue 10: a body of bare text split by <br>s (in a <td>/<font>, a <div>, a <p>) beside a
 * column of short items (classifieds, briefs, notices: a title line over a blurb, linked or
 * not). The column gathers more paragraph credits than the body; the body must still win, by
 * its long free-standing runs of prose. And a page whose column of items IS the only content
 * still gives its items. Every page here is written for this test.
 */
import { describe, expect, it } from 'vitest';
import { loadHtml } from '../../src/scrape/load.ts';
import { extractMainText } from '../../src/scrape/main-text.ts';
import { longRunShare } from '../../src/scrape/score-candidates.ts';
import { readPageText } from '../../src/scrape/text-blocks.ts';

const HEADLINE = 'Harbour police open crates of frozen squid and find cocaine inside';

/** Our own body: ten paragraphs of 150-260 characters. */
const BODY_EN = [
  'PORT ELLWYN - Officers searching a refrigerated container at the south quay on Monday found 412 packages of cocaine hidden among boxes of frozen squid, the harbour police said.',
  'The container had arrived from a transhipment hub two days earlier and was flagged by a scanner that showed blocks of uneven density under the top layer of cartons, a spokesman said.',
  'Each package weighed a little over one kilogram. Investigators put the street value of the load at about 31 million euros, which would make it the largest find at the port this year.',
  'No one was arrested at the quay. The importer named on the shipping papers, a seafood wholesaler registered in a business park outside the city, told reporters it had never ordered squid.',
  'Dock workers said the search took most of the afternoon, because every carton had to be thawed, cut open and weighed before the next pallet could be lifted out of the container.',
  'The harbour police have seized cocaine in fruit, coffee and scrap metal before, but a frozen cargo is harder to search: the cold slows the dogs, and thawed fish spoils within hours.',
  'Customs officials want a second scanner at the south quay, where refrigerated traffic has doubled since the new cold store opened, and have asked the port board to pay for it.',
  'The board is expected to discuss the request at its next meeting. A member said that the cost, about four million euros, was modest next to what one missed container could bring in.',
  'Prosecutors have opened an inquiry into drug trafficking and money laundering, and asked the authorities of the port of loading for the records of the company that packed the squid.',
  'The cocaine was taken to a secure depot and will be burned once the court allows it. The squid, the police said, went to an incinerator on Monday night.',
];

/** Our own Spanish body, for the <div> shape. */
const BODY_ES = [
  'CIUDAD DEL RÍO - La guardia aduanera interceptó el martes un camión que transportaba 860 kilos de hachís escondidos en un doble fondo bajo una carga de tejas, informaron fuentes policiales.',
  'El conductor, un hombre de 47 años, fue detenido en el peaje de la autopista tras un control rutinario en el que los agentes notaron que el peso del remolque no cuadraba con la mercancía declarada.',
  'Los perros detectaron el olor en cuanto subieron a la caja del camión. Los agentes tardaron casi tres horas en desmontar el suelo falso, sujeto con tornillos ocultos bajo una capa de pintura.',
  'Según la investigación, la droga había sido cargada en un almacén cerca de la costa y tenía como destino un polígono industrial del interior, donde otros dos sospechosos esperaban el envío.',
  'Los otros dos hombres fueron detenidos esa misma noche. En el almacén los agentes encontraron básculas, rollos de plástico y una furgoneta con la matrícula cambiada, además de dinero en efectivo.',
  'El juez decretó prisión provisional para los tres detenidos, acusados de tráfico de drogas y pertenencia a grupo criminal. La investigación sigue abierta y no se descartan más detenciones.',
  'Es la tercera vez este año que se descubre un doble fondo en un camión de materiales de construcción en la misma autopista, lo que según la guardia aduanera apunta a una misma red.',
  'Las tejas, que eran auténticas y estaban en buen estado, quedaron depositadas en un almacén municipal a la espera de que el juzgado decida qué hacer con ellas.',
];

const WORDS = [
  'sofa',
  'bicycle',
  'freezer',
  'sewing machine',
  'set of tyres',
  'rowing boat',
  'violin',
  'lawn mower',
];
const PLACES = [
  'the old mill',
  'Kestrel Road',
  'the market hall',
  'the ferry office',
  'Dunmore Lane',
  'the bus depot',
];

/** Short one-line notices: "Item 7: For sale, a violin, good as new. Ring 0171 4402." (40-70 units). */
const notice = (i: number) =>
  `Notice ${i}: for sale, a ${WORDS[i % WORDS.length]}, hardly used. Viewing at ${PLACES[i % PLACES.length]}. Ring 0171 ${4400 + i * 3}.`;
/** A brief: a title line (linked or not) over a one-sentence blurb (40-70 units). */
const briefTitle = (i: number) =>
  `${['Council', 'School', 'Lifeboat crew', 'Choir', 'Bus company', 'Library'][i % 6]} ${['plans', 'delays', 'wins', 'drops', 'reviews'][i % 5]} ${['winter timetable', 'new roof', 'grant bid', 'parking fees', 'summer fair'][i % 5]}`;
const briefBlurb = (i: number) =>
  `${['Members will vote on the matter next week.', 'A public meeting is planned for the spring.', 'The decision surprised many residents.', 'Details will follow in Friday’s edition.'][i % 4]}`;
/** A public notice: a title line over a 150-unit blurb (the blurb reads as prose). */
const longNotice = (i: number) =>
  `<p class="notice"><b>PLANNING APPLICATION ${300 + i * 7}</b><br>An application has been made by the owner of plot ${i * 13 + 5} at ${PLACES[i % PLACES.length]} to build a ${['garage', 'porch', 'shed', 'second floor'][i % 4]}. Objections may be sent to the town clerk within twenty-one days.</p>`;

const brJoin = (paras: readonly string[]) => paras.join('<br><br>\n');

function mainText(html: string) {
  return extractMainText(loadHtml(html), { headlines: [HEADLINE] });
}

/** The text holds every body paragraph and none of the column's items. */
function expectBody(text: string, body: readonly string[], column: readonly string[]) {
  for (const p of body) expect(text, p.slice(0, 40)).toContain(p);
  for (const c of column) expect(text, c).not.toContain(c);
}

describe('a body of <br>-separated runs beside a column of short items', () => {
  // 70 rows outscore the body by their count; 300 rows (six times the body's length) too.
  it.each([70, 300])('<font> in a <td> beside a <td> of %i one-cell rows of notices (no links)', (n) => {
    const rows = Array.from({ length: n }, (_, i) => `<tr><td><font size="1">${notice(i)}</font></td></tr>`);
    const html = `<html><body><table width="760"><tr>
      <td width="140" valign="top"><a href="/">Home</a><br><a href="/sport">Sport</a><br><a href="/ads">Small ads</a></td>
      <td valign="top"><table><tr><td><font face="Times" size="4"><b>${HEADLINE}</b></font></td></tr>
      <tr><td><font face="Times" size="3">${brJoin(BODY_EN)}</font></td></tr></table></td>
      <td width="170" valign="top" bgcolor="#eeeeee"><table>${rows.join('')}</table></td>
    </tr></table></body></html>`;
    const r = mainText(html);
    expectBody(r.paragraphs.join('\n'), BODY_EN, [notice(0), notice(33), notice(n - 1)]);
  });

  it('a <div> of text and <br>s beside a column of linked titles over blurbs', () => {
    const briefs = Array.from(
      { length: 45 },
      (_, i) =>
        `<tr><td class="item"><a href="/n/${9000 + i}"><b>${briefTitle(i)}</b></a><br><font size="1">${briefBlurb(i)}</font></td></tr>`,
    );
    const html = `<html><body><table><tr>
      <td valign="top"><h1>${HEADLINE}</h1><div id="cuerpo" style="font-size:15px">${brJoin(BODY_ES)}<br></div></td>
      <td width="200" valign="top"><b>ÚLTIMA HORA</b><table>${briefs.join('')}</table></td>
    </tr></table></body></html>`;
    const r = mainText(html);
    expectBody(r.paragraphs.join('\n'), BODY_ES, [briefBlurb(0), briefBlurb(1), briefTitle(7)]);
  });

  it('a <p> with <br>s inside beside a column of titled public notices (title <br> blurb, no links)', () => {
    const notices = Array.from({ length: 40 }, (_, i) => longNotice(i));
    const html = `<html><body><table><tr>
      <td valign="top"><h1>${HEADLINE}</h1><p class="story">${brJoin(BODY_EN.slice(0, 7))}</p></td>
      <td width="220" valign="top"><font size="2"><b>PUBLIC NOTICES</b></font>${notices.join('')}</td>
    </tr></table></body></html>`;
    const r = mainText(html);
    const text = r.paragraphs.join('\n');
    expectBody(text, BODY_EN.slice(0, 7), ['PLANNING APPLICATION 300', 'PLANNING APPLICATION 573']);
    expect(text).not.toContain('Objections may be sent');
  });

  it('a <div>/<br> body beside unlinked briefs (a bold title line, a blurb, no links at all)', () => {
    const briefs = Array.from(
      { length: 50 },
      (_, i) => `<div class="b"><b>${briefTitle(i)}</b><br>${briefBlurb(i)}</div>`,
    );
    const html = `<html><body><div id="wrap">
      <div id="col-a"><h1>${HEADLINE}</h1><div>${brJoin(BODY_EN)}</div></div>
      <div id="col-b">${briefs.join('\n')}</div>
    </div></body></html>`;
    const r = mainText(html);
    expectBody(r.paragraphs.join('\n'), BODY_EN, [briefTitle(3), briefBlurb(2)]);
  });

  it('a page whose column of short notices is its only content still gives the notices', () => {
    const rows = Array.from({ length: 40 }, (_, i) => `<tr><td><font size="1">${notice(i)}</font></td></tr>`);
    const html = `<html><body><table><tr><td width="120"><a href="/">Home</a></td>
      <td><h1>Small ads this week</h1><table>${rows.join('')}</table></td></tr></table></body></html>`;
    const text = extractMainText(loadHtml(html), { headlines: ['Small ads this week'] }).paragraphs.join(
      '\n',
    );
    for (const i of [0, 17, 39]) expect(text).toContain(notice(i));
  });

  it('a page of titled public notices alone still gives them', () => {
    const html = `<html><body><div id="notices"><h1>Public notices</h1>${Array.from({ length: 30 }, (_, i) => longNotice(i)).join('')}</div></body></html>`;
    const text = extractMainText(loadHtml(html), { headlines: ['Public notices'] }).paragraphs.join('\n');
    expect(text).toContain('PLANNING APPLICATION 300');
    expect(text).toContain(`plot ${29 * 13 + 5}`);
  });

  it('a <p> body with subheads and a short list keeps all of it beside a short-ads column', () => {
    const rows = Array.from({ length: 30 }, (_, i) => `<li>${notice(i)}</li>`);
    const body = [
      `<p>${BODY_EN[0]}</p>`,
      `<p>${BODY_EN[1]}</p>`,
      '<h2>How the cargo was found</h2>',
      `<p>${BODY_EN[2]}</p>`,
      '<ul><li>412 packages</li><li>one container</li><li>no arrests</li></ul>',
      `<p>${BODY_EN[3]}</p>`,
      '<h2>What comes next</h2>',
      `<p>${BODY_EN[4]}</p>`,
      `<p>${BODY_EN[8]}</p>`,
    ];
    const html = `<html><body><main><article><h1>${HEADLINE}</h1>${body.join('')}</article>
      <aside><ul>${rows.join('')}</ul></aside></main></body></html>`;
    const text = mainText(html).paragraphs.join('\n');
    for (const i of [0, 1, 2, 3, 4, 8]) expect(text).toContain(BODY_EN[i]!);
    expect(text).toContain('How the cargo was found');
    expect(text).not.toContain(notice(5));
  });
});

describe('longRunShare: the share of a text held in free-standing long prose runs', () => {
  const share = (html: string) => longRunShare(readPageText([loadHtml(html).root()[0]!]).blocks);

  it('is high for a body of paragraphs split by <br>s, even with a title line between two of them', () => {
    expect(share(`<div>${brJoin(BODY_EN)}</div>`)).toBeGreaterThan(0.95);
    expect(
      share(
        `<div>${brJoin(BODY_EN.slice(0, 4))}<br><br><b>At the quay</b><br>${brJoin(BODY_EN.slice(4))}</div>`,
      ),
    ).toBeGreaterThan(0.8);
  });

  it('is zero for a column of one-line notices, and for titles over short blurbs', () => {
    expect(share(`<div>${Array.from({ length: 12 }, (_, i) => notice(i)).join('<br>')}</div>`)).toBe(0);
    expect(
      share(
        Array.from({ length: 12 }, (_, i) => `<p><b>${briefTitle(i)}</b><br>${briefBlurb(i)}</p>`).join(''),
      ),
    ).toBe(0);
  });

  it('is zero for titled long blurbs in a row (notices), though each blurb reads as prose', () => {
    expect(share(Array.from({ length: 8 }, (_, i) => longNotice(i)).join(''))).toBe(0);
    // One titled long paragraph alone (a subhead over a paragraph) is body.
    expect(share(longNotice(1))).toBeGreaterThan(0.5);
  });
});
