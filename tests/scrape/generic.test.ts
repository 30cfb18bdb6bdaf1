/**
 * The generic extractor on our own pages (tests/fixtures/generic: our text, in the shapes that
 * defeat simpler extractors), scored as the Zyte benchmark scores, and its stages on small pages
 * written here: exclusions given back, twins, JSON-LD, link lines, inline junk, CJK lengths.
 */
import { describe, expect, it } from 'vitest';
import { scorePage, scoreSet } from '../../bench/article-metric.ts';
import { perturb } from '../../bench/perturb-pages.ts';
import { loadFixturePages } from '../../bench/scrape-corpus.ts';
import { scrapePage } from '../../src/scrape/index.ts';
import { loadHtml } from '../../src/scrape/load.ts';
import { extractMainText } from '../../src/scrape/main-text.ts';
import { measureText } from '../../src/scrape/text-measure.ts';

const fixtures = loadFixturePages();

describe('generic extractor on our fixture pages', () => {
  it('has fixtures in every shape, a check set among them', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(20);
    expect(fixtures.filter((p) => p.set === 'check').length).toBeGreaterThanOrEqual(8);
  });

  const scores = fixtures.map((page) => {
    const a = scrapePage(page.html, page.url, { genericOnly: true });
    return { page, article: a, score: scorePage(a.text, page.body ?? '') };
  });

  for (const { page, article, score } of scores) {
    it(`${page.name.replace('generic-fixtures/', '')}: F1 >= 0.95, no furniture`, () => {
      expect(article.extractor).toBe('generic');
      expect(score.f1, article.text).toBeGreaterThanOrEqual(0.95);
      for (const s of page.mustNotContain) expect(article.text).not.toContain(s);
    });
  }

  it('scores F1 >= 0.98 over all of them, as the benchmark averages', () => {
    expect(
      scoreSet(
        scores.map((s) => s.score),
        0,
      ).f1,
    ).toBeGreaterThanOrEqual(0.98);
  });
});

const para = (n: number, topic: string) =>
  Array.from(
    { length: n },
    (_, i) =>
      `<p>Paragraph ${i + 1} on ${topic}: the inspectors, after a long night at the terminal, counted the crates again and wrote down every number they found.</p>`,
  ).join('');

function mainText(html: string, jsonLdBody: string | null = null) {
  return extractMainText(loadHtml(html), { jsonLdBody, headlines: ['The headline'] });
}

describe('generic extractor stages', () => {
  it('gives back a wrapper hidden behind a dialog, keeps the dialog out', () => {
    const html = `<body><div role="dialog"><p>We and our partners store cookies on your device, process personal data and measure audiences, with your consent, for many purposes.</p></div><div id="page" aria-hidden="true"><main>${para(5, 'cargo')}</main></div></body>`;
    const r = mainText(html);
    expect(r.paragraphs).toHaveLength(5);
    expect(r.paragraphs.join(' ')).not.toMatch(/cookies/);
  });

  it('joins a body split over two containers of one class, and stops at another story', () => {
    const html = `<body><h1>The headline</h1><div class="story-body">${para(3, 'part one')}</div><div class="promo-rail"><a href="/x">Other news</a></div><div class="story-body">${para(2, 'part two')}</div><h1>Next story</h1><div class="story-body">${para(4, 'next story')}</div></body>`;
    const text = mainText(html).paragraphs.join('\n');
    expect(text).toMatch(/part one/);
    expect(text).toMatch(/part two/);
    expect(text).not.toMatch(/next story/);
  });

  it('reads a JSON-LD articleBody when the HTML has no body, and prefers a full HTML body to a truncated one', () => {
    const shell = '<body><nav><a href="/">Home</a></nav><div id="root"></div></body>';
    const ld =
      'The first paragraph of the article says a great deal about ports.\n\nThe second paragraph adds what the customs officers found in the crates, one by one, over two days.';
    const empty = mainText(shell, ld);
    expect(empty.source).toBe('json-ld');
    expect(empty.paragraphs).toEqual(ld.split('\n\n'));
    const full = mainText(
      `<body><article>${para(6, 'ports')}</article></body>`,
      'Paragraph 1 on ports: the inspectors, after a long night...',
    );
    expect(full.paragraphs).toHaveLength(6);
  });

  it('drops link lines but keeps sentences that link some words', () => {
    const html = `<body><article>${para(4, 'fish')}<p><strong>RELATED:</strong> <a href="/a">Another story about the harbour</a></p><p>It also <a href="/b">co-ordinates inspections and runs joint exercises</a>.</p><p><a href="/c">Ferry fares rise again</a></p></article></body>`;
    const text = mainText(html).paragraphs.join('\n');
    expect(text).toMatch(/It also co-ordinates inspections and runs joint exercises\./);
    expect(text).not.toMatch(/RELATED|Another story|Ferry fares/);
  });

  it('reads a paragraph without the junk inside it (a download link, a hover card)', () => {
    const html = `<body><article>${para(3, 'tobacco')}<p>Details are in the letter of 14 October. <span class="download-link"><a href="/x.pdf">Letter (PDF, 38 KB)</a></span></p><p>Governor <a href="/p/1">Ana Ruiz</a><span class="people-tooltip"><a href="/p/1">Ana Ruiz</a> <a href="/s/2">Three stories about her</a></span> said the port would stay open through the winter months.</p></article></body>`;
    const text = mainText(html).paragraphs.join('\n');
    expect(text).toMatch(/Details are in the letter of 14 October\./);
    expect(text).not.toMatch(/PDF|Three stories/);
    expect(text).toMatch(/Governor Ana Ruiz said the port/);
  });

  it('keeps the text of an embedded tweet, as the benchmark does, and drops captions', () => {
    const html = `<body><article>${para(3, 'slogans')}<figure><img src="a.jpg"><figcaption>A billboard on the highway.</figcaption></figure><div class="social-embed"><blockquote class="twitter-tweet"><p>Yes, this slogan is real and it cost half a million dollars: <a href="https://t.co/x">https://t.co/x</a></p>— A Reader (@reader) <a href="https://twitter.com/r/1">November 18, 2019</a></blockquote></div></article></body>`;
    const text = mainText(html).paragraphs.join('\n');
    expect(text).toMatch(/Yes, this slogan is real/);
    expect(text).not.toMatch(/billboard/);
  });

  it('measures CJK text by characters, not by spaces', () => {
    expect(measureText('港区の海沿いにある銭湯').units).toBeGreaterThan(20);
    expect(measureText('부산 원도심 창고').units).toBe(14);
    expect(measureText('Hello world. 3.5 is a number. Done!').sentences).toBe(3);
    expect(measureText('营业时间。料金は、これまでと同じ。').sentences).toBe(2);
  });

  it('finds a short Japanese article among longer link lists', () => {
    const links = Array.from(
      { length: 12 },
      (_, i) => `<li><a href="/r/${i}">台風の進路、週末に本州へ接近するおそれ${i}</a></li>`,
    ).join('');
    const html = `<body><div class="side"><ol>${links}</ol></div><div class="article-body"><p>港区の海沿いにある創業八十年の銭湯が、来月一日から営業を再開する。近所に住む三人が建物を引き継いだ。</p><p>修理費用の半分ほどは寄付でまかなった。寄付をした人は全国で千人を超えた。</p></div></body>`;
    const r = mainText(html);
    expect(r.paragraphs).toHaveLength(2);
    expect(r.paragraphs[0]).toMatch(/^港区/);
  });

  it('sets aside unnamed lists of story cards (linked title, one teaser) beside a short story', () => {
    const card = (i: number) =>
      `<div class="item"><a href="/n/${i}">Other story number ${i} in the rail</a><p>A teaser sentence about another story, written long enough to read like prose, number ${i}.</p></div>`;
    const html = `<body><div class="wrap"><div class="left"><h1>The headline</h1><p>The bridge over the creek will close overnight on Wednesday while state engineers inspect it.</p><p>Drivers should use the county road instead, the department said.</p></div><div class="right"><h2>Latest</h2>${card(1)}${card(2)}${card(3)}</div></div></body>`;
    const text = mainText(html).paragraphs.join('\n');
    expect(text).toMatch(/The bridge over the creek/);
    expect(text).not.toMatch(/teaser sentence|Latest/);
  });

  it('keeps a shopping list whose items open with linked headings', () => {
    const item = (i: number) =>
      `<div class="product"><h2><a href="https://shop.example/${i}">Product number ${i}</a></h2><p>A description of the product, with a comma, long enough to be a paragraph of its own, number ${i}.</p></div>`;
    const html = `<body><h1>The headline</h1><div class="items">${[1, 2, 3, 4].map(item).join('')}</div></body>`;
    const text = mainText(html).paragraphs.join('\n');
    expect(text).toMatch(/Product number 1\n/);
    expect(text).toMatch(/A description of the product/);
  });

  it('reads the body from the script state of an app shell, and not a cached story of another headline', () => {
    const blocks = [
      {
        type: 'paragraph',
        content:
          'The headline words come back in the first paragraph of the story, which says what happened in the port.',
      },
      { type: 'image', caption: 'A caption that is not body text.' },
      {
        type: 'paragraph',
        content:
          'A second paragraph gives the numbers, the names and the dates, one after the other, as stories do.',
      },
      {
        type: 'paragraph',
        content:
          'A third paragraph closes the story with what happens next, when the inspectors come back and count the crates again.',
      },
    ];
    const state = {
      props: { pageProps: { story: { body: blocks }, related: [{ summary: 'x'.repeat(10) }] } },
    };
    const shell = (json: unknown) =>
      `<body><div id="__next"><p>Loading…</p></div><script id="__NEXT_DATA__" type="application/json">${JSON.stringify(json)}</script></body>`;
    const html = shell(state);
    const r = extractMainText(loadHtml(html), { headlines: ['The headline words in the port'] });
    expect(r.source).toBe('script-state');
    expect(r.paragraphs).toHaveLength(3);
    expect(r.paragraphs.join(' ')).not.toMatch(/caption/);
    const other = extractMainText(loadHtml(html), { headlines: ['Council approves a library levy'] });
    expect(other.source).not.toBe('script-state');
  });

  it('keeps an inline dateline and a furniture-named note without links, drops a leading date line', () => {
    const html = `<body><h1>The headline</h1><div class="story"><div class="when">March 3, 2025</div><p><span class="dateline">PORT AVERY —</span> The marina reopened on Tuesday, three months after the storm, with new docks and a new fuel pier.</p><div class="callout-card"><p>The most common repair was a broken cable, and almost a third of all repairs took under ten minutes.</p></div>${para(3, 'docks')}</div></body>`;
    const text = mainText(html).paragraphs.join('\n');
    expect(text).toMatch(/^PORT AVERY — The marina/);
    expect(text).toMatch(/most common repair/);
    expect(text).not.toMatch(/March 3, 2025/);
  });

  it('keeps a recipe card whose class says what it holds (has-image)', () => {
    const html = `<body><h1>The headline</h1><div class="entry-content">${para(3, 'pears')}<div class="recipe-card recipe-card-has-image"><h3>Ingredients</h3><ul><li>3 ripe pears, thinly sliced</li><li>2 tbsp brown sugar</li></ul><h3>Instructions</h3><ol><li>Toss the pears with the sugar, arrange them in the centre and fold the edges over.</li><li>Bake at 400 degrees for 45 minutes, until the crust is deep golden.</li></ol></div></div></body>`;
    const text = mainText(html).paragraphs.join('\n');
    expect(text).toMatch(/Toss the pears/);
    expect(text).toMatch(/3 ripe pears/);
  });

  it('keeps a place or topic link named like metadata inside a sentence, cuts a download link', () => {
    const html = `<body><h1>The headline</h1><div class="story-body"><p>The council will reverse its position on <a class="meta-loc" href="/topics/harbour">the old harbour</a> and lift the ban on night fishing, officials said on Thursday evening.</p><p>The full plan was published on the city website <a class="download-link" href="/plan.pdf">Download PDF (2 MB)</a> for anyone who wants to read it in detail before the vote.</p>${para(3, 'harbour')}</div></body>`;
    const text = mainText(html).paragraphs.join('\n');
    expect(text).toMatch(/reverse its position on the old harbour and lift/);
    expect(text).not.toMatch(/Download PDF/);
  });

  it('drops screen-reader text hidden by a clip style (", opens new tab")', () => {
    const html = `<body><h1>The headline</h1><div class="story-body"><p>The <a href="/r.pdf">report<span style="position:absolute;clip:rect(0 0 0 0);clip-path:inset(50%);width:1px;height:1px;overflow:hidden">, opens new tab</span></a> by the port authority found that most of the cranes were older than thirty years.</p>${para(3, 'cranes')}</div></body>`;
    const text = mainText(html).paragraphs.join('\n');
    expect(text).toMatch(/The report by the port authority/);
    expect(text).not.toMatch(/opens new tab/);
  });

  it('sets aside a reader section that opens with its heading, with no class to name it', () => {
    const html = `<body><main><h1>The headline</h1>${para(4, 'ferries')}<div><h3>3 replies</h3><div><b>Clara</b><p>I rode that ferry every week for years, and the new timetable is a real improvement for people who work late.</p></div><div><b>tomasz</b><p>Good news, although I would have liked the earlier crossing to run on Sundays as well, when the buses stop early.</p></div></div></main></body>`;
    const text = mainText(html).paragraphs.join('\n');
    expect(text).toMatch(/Paragraph 4 on ferries/);
    expect(text).not.toMatch(/replies|Clara|Sundays/);
  });

  it('drops reading-time lines, ticker lines and a pull quote that repeats the body', () => {
    const html = `<body><h1>The headline</h1><div class="story-body"><div>November 30, 2026 · 4 min read · #ports</div><p>The port handled more containers than ever in November, and the harbour master said nothing on the quay was for sale to the highest bidder.</p><ul><li><a href="/q/PRT">PRT</a> 41.22 -8.7%</li><li><a href="/q/HBR">HBR</a> 77.10 -1.2%</li></ul><blockquote><p>Nothing on the quay was for sale to the highest bidder.</p></blockquote>${para(3, 'containers')}</div></body>`;
    const text = mainText(html).paragraphs.join('\n');
    expect(text).toMatch(/^The port handled/);
    expect(text).not.toMatch(/min read|41\.22/);
    expect(text.match(/Nothing on the quay/g)).toHaveLength(1);
  });

  it('sets aside a story card set between two parts of the body, keeps a list of linked items', () => {
    const html = `<body><h1>The headline</h1><div class="story">${para(3, 'part one')}</div><div class="inline-module"><h4>Watch next</h4><a href="/video/7">The lighthouse that moved inland</a><p>Engineers rolled a brick tower two hundred metres back from the cliff edge, on rails, over a week.</p></div><div class="story-continued">${para(3, 'part two')}</div></body>`;
    const text = mainText(html).paragraphs.join('\n');
    expect(text).toMatch(/part one/);
    expect(text).toMatch(/part two/);
    expect(text).not.toMatch(/Watch next|Engineers rolled/);
  });

  it('sets aside a card widget above the body on a page written inside one <form>', () => {
    const cards = ['the ferry timetable', 'the bakery', 'the orchestra', 'the flood gates']
      .map(
        (t, i) =>
          `<li><a href="/s/${i}"><h3>A story about ${t}</h3></a><p>The short teaser of the story about ${t}, written to make a reader click through to the page.</p></li>`,
      )
      .join('');
    const html = `<body><form id="aspnetForm"><div class="page"><h1>The headline</h1><div class="article-text"><div><ul>${cards}</ul></div>${para(5, 'the body')}</div></div></form></body>`;
    const text = mainText(html).paragraphs.join('\n');
    expect(text).toMatch(/Paragraph 5 on the body/);
    expect(text).not.toMatch(/teaser|A story about/);
  });

  it('leaves out a dek that stands between the headline and the byline, keeps an intro after it', () => {
    const html = `<body><div class="col"><h1>The headline</h1><div class="lead">Plots of twenty-five square metres will be drawn by lot from March, with older residents first in line.</div><div class="autor">Marta Sequeira | 03 Dez 2026</div><div class="intro">The council approved the plan on Wednesday after a debate that lasted most of the afternoon and ended in a unanimous vote.</div><div class="corpo">${para(4, 'gardens')}</div></div></body>`;
    const text = mainText(html).paragraphs.join('\n');
    expect(text).not.toMatch(/Plots of twenty-five/);
    expect(text).toMatch(/The council approved the plan/);
    expect(text).toMatch(/Paragraph 4 on gardens/);
  });

  it('sets aside a list of teasers written as one run each (linked title, cut-short teaser)', () => {
    const items = ['Harbour fees rise again', 'Night trains return', 'A bridge reopens']
      .map(
        (t, i) =>
          `<li><a href="/n/${i}">${t} after a long winter of talks</a> <span>PORT AVERY: The council met on Monday to talk about it. The story about ${t.toLowerCase()} goes on, cut short before the...</span></li>`,
      )
      .join('');
    const html = `<body><div><h1>The headline</h1><div>${para(4, 'the story')}<div><ul>${items}</ul></div></div></div></body>`;
    const text = mainText(html).paragraphs.join('\n');
    expect(text).toMatch(/Paragraph 4 on the story/);
    expect(text).not.toMatch(/cut short|Night trains/);
  });
});

describe('generic extractor, round 4 causes', () => {
  it("keeps a live blog's entry titles written in each entry's <header>, drops the time stamps", () => {
    const entries = ['Polls close in the north', 'Queues in the capital', 'What is at stake']
      .map(
        (t, i) =>
          `<article class="entry"><header class="entry__header"><time>1${i}:05</time><span class="ago">${i + 1}h ago</span><h2>${t}</h2></header><div class="entry__body"><p>Update ${i}: the counting went on through the evening, and officials, tired but patient, read out each figure twice.</p></div></article>`,
      )
      .join('');
    const html = `<body><header class="site"><a href="/">Site</a><nav><a href="/a">News</a></nav></header><main><h1>Election day live: polls close in the north, queues in the capital</h1><div class="feed">${entries}</div></main></body>`;
    const r = extractMainText(loadHtml(html), {
      headlines: ['Election day live: polls close in the north, queues in the capital'],
    });
    const text = r.paragraphs.join('\n');
    expect(text).toMatch(/Polls close in the north/);
    expect(text).toMatch(/What is at stake/);
    expect(text).toMatch(/Update 2/);
    expect(text).not.toMatch(/ago|10:05/);
  });

  it("keeps a recipe card's headings named like headers, drops its time facts written as label spans", () => {
    const facts = ['Prep Time', 'Cook Time', 'Servings']
      .map(
        (l, i) =>
          `<div class="times__item"><span class="details-label">${l}</span> <span>${i + 2}0 mins</span></div>`,
      )
      .join('');
    const html = `<body><h1>The headline</h1><div class="entry-content">${para(3, 'soup')}<div class="recipe-card">${facts}<h3 class="recipe-header">Ingredients</h3><ul><li>1 cup lentils</li><li>2 carrots, diced</li></ul><h3 class="recipe-header">Instructions</h3><ol><li>Warm the oil in a large pot and soften the onion for ten minutes.</li></ol></div></div></body>`;
    const text = mainText(html).paragraphs.join('\n');
    expect(text).toMatch(/Ingredients/);
    expect(text).toMatch(/Instructions/);
    expect(text).toMatch(/2 carrots/);
    expect(text).not.toMatch(/Prep Time|Servings/);
  });

  it('drops the headline repeated as part of a page title ("Site - Kind: Headline"), keeps a subheading that is a phrase of the headline', () => {
    const html = `<body><div class="text"><h2>Zollhund findet Bargeld in einem Reisebus</h2><p>The intro of the story, a sentence long enough to count, with a comma or two, and a full stop.</p><h2>Polls close in the north</h2>${para(3, 'money')}</div></body>`;
    const r = extractMainText(loadHtml(html), {
      headlines: [
        'Polizeidirektion Nordhafen - Pressemitteilung: Zollhund findet Bargeld in einem Reisebus',
        'Election day live: polls close in the north, queues in the capital',
      ],
    });
    const text = r.paragraphs.join('\n');
    expect(text).not.toMatch(/Zollhund/);
    expect(text).toMatch(/Polls close in the north/);
  });

  it('drops Chinese photo credits and reprint disclaimers, Japanese member pitches and a release SOURCE line', () => {
    const html = `<body><h1>The headline</h1><div class="content"><p>隧道江底段内部。记者 陈明 摄</p><p>该隧道全长约4.2公里，其中江底段长1.8公里，为双向六车道设计，设计时速60公里，总投资约96亿元。</p><p>市交通运输局相关负责人介绍，通车初期隧道将实行免费通行，货车禁止驶入，隧道内设有应急车道。</p><p>声明：本网转载内容版权归原作者所有，如有侵权请联系删除。</p><p>みなと新聞デジタルの会員になると、すべての記事が読み放題になります。</p>${para(2, 'the tunnel')}<p>SOURCE Fjordline Aquatech ASA</p></div></body>`;
    const text = mainText(html).paragraphs.join('\n');
    expect(text).toMatch(/该隧道全长约/);
    expect(text).toMatch(/Paragraph 2 on the tunnel/);
    expect(text).not.toMatch(/摄|声明|読み放題|SOURCE/);
  });

  it("drops a box of promotions set into the body with its heading (AP's 'What to know'), keeps a list of facts", () => {
    const box = `<div class="Infobox"><p><b>What to know about the vote</b></p><ul><li><b>Today:</b> <a href="/live">Follow live updates</a> from the count.</li><li><b>Your view:</b> Are you voting early? <a href="/form">Tell us why</a> you chose to.</li><li><b>Weekly:</b> <a href="/nl">Sign up for our politics newsletter</a> every Monday.</li></ul></div>`;
    const facts = `<ul><li>The bridge carries 3,200 vehicles a day.</li><li>It was built in 1958 by the county.</li><li>The detour adds nine miles.</li></ul>`;
    const html = `<body><h1>The headline</h1><div class="story">${para(2, 'the vote')}${box}${para(2, 'the count')}${facts}</div></body>`;
    const text = mainText(html).paragraphs.join('\n');
    expect(text).not.toMatch(/What to know|Follow live|Tell us why|newsletter/);
    expect(text).toMatch(/Paragraph 2 on the count/);
    expect(text).toMatch(/The detour adds nine miles/);
  });

  it('drops a metadata list (Date, Author, Related Subjects, Permalink), a videos-on-the-topic heading and an image box with a <p> caption', () => {
    const meta = `<ul class="smallList"><li><strong>Date</strong> 10.06.2013</li><li><strong>Author</strong> Ana Lind</li><li><strong>Related Subjects</strong> <a href="/t/1">Wine</a>, <a href="/t/2">Rivers</a></li><li><strong>Permalink</strong> https://p.example/p/18x</li></ul>`;
    const pic = `<div class="picBox"><a href="#"><img src="/i.jpg" alt=""></a><p>Vineyards above the river in early June, 2013</p></div>`;
    const html = `<body><h1>The headline</h1><div class="col3">${para(2, 'wine')}${pic}${para(2, 'the slopes')}<h4>Audios and videos on the topic</h4><div class="group">${meta}</div></div></body>`;
    const text = mainText(html).paragraphs.join('\n');
    expect(text).toMatch(/Paragraph 2 on the slopes/);
    expect(text).not.toMatch(/Related Subjects|Permalink|Ana Lind|videos on the topic|Vineyards above/);
  });

  it('drops a caption closed by an agency credit and a "reported from ... contributed" trailer', () => {
    const html = `<body><h1>The headline</h1><div class="story">${para(3, 'the port')}<p>A crane unloads containers at the harbour, June 3, 2026. REUTERS/Lena Maris</p>${para(1, 'the dock')}<p>Okafor reported from Lagos and Brandt from Hamburg. Associated Press writer Tom Vey in Rotterdam contributed to this report.</p></div></body>`;
    const text = mainText(html).paragraphs.join('\n');
    expect(text).toMatch(/Paragraph 1 on the dock/);
    expect(text).not.toMatch(/REUTERS\/Lena|reported from Lagos/);
  });

  it('drops quote lines of a stocks box, a keywords line, a subscription pitch and a licence line', () => {
    const stocks = `<div class="a9"><div class="a9h">Stocks in this story</div><div class="a9i"><a href="/q/KLM">KLM</a><span>Kelm Foods Inc.</span><span>41.07</span><span>-2.15%</span></div><div class="a9i"><a href="/q/ORV">ORV</a><span>Orvale Group</span><span>9.88</span><span>+0.61%</span></div></div>`;
    const html = `<body><h1>The headline</h1><div class="story">${para(2, 'the shares')}${stocks}${para(2, 'the deal')}<div class="recipe-keywords"><span class="label">Keywords:</span> soup, lentils</div><p>Assine o Jornal e tenha acesso ilimitado a reportagens e colunas. Cancele quando quiser.</p><p>Text licensed CC BY-SA unless noted otherwise on the page.</p></div></body>`;
    const text = mainText(html).paragraphs.join('\n');
    expect(text).toMatch(/Paragraph 2 on the deal/);
    expect(text).not.toMatch(/Stocks in this story|Kelm Foods|Keywords|Assine|licensed/);
  });

  it('keeps the rest of a body in a paywall wrapper when its paragraphs are divs', () => {
    const divs = (n: number, t: string) =>
      Array.from(
        { length: n },
        (_, i) =>
          `<div>Part ${i + 1} of ${t}: the company said, after a long quarter of weak orders, that it expects demand to recover by spring.</div>`,
      ).join('');
    const html = `<body><h1>The headline</h1><div class="article-body-container"><div class="article-body">${divs(2, 'the lead')}</div><div class="paywall"><div class="body-container">${divs(3, 'the rest')}</div></div></div></body>`;
    const text = mainText(html).paragraphs.join('\n');
    expect(text).toMatch(/Part 3 of the rest/);
  });

  it('takes the JSON-LD body when the HTML holds a truncated body under a card widget that shares only its common words', () => {
    const ld = Array.from(
      { length: 6 },
      (_, i) =>
        `Sentence group ${i} of the locked story: the union and the department agreed on pay, class sizes and planning days after months of talks.`,
    ).join('\n\n');
    const cards = ['ferry', 'bakery', 'orchestra', 'flood gates', 'trees']
      .map(
        (t, i) =>
          `<li><a href="/s/${i}"><h3>The ${t} story</h3></a><p>The ${t} story of the week: the town and the council agreed on a plan after months of talks and a vote in the hall.</p></li>`,
      )
      .join('');
    const html = `<body><h1>The headline</h1><div class="story-body"><div><ul>${cards}</ul></div><p>${ld.split('\n\n')[0]}</p><p>${ld.split('\n\n')[1]!.slice(0, 50)}</p></div></body>`;
    const r = mainText(html, ld);
    expect(r.source).toBe('json-ld');
    expect(r.paragraphs.join('\n')).toMatch(/Sentence group 5/);
  });

  it("keeps to the headline's <article> when the page wrapper also holds longer teasers, and drops a lone card in a short brief (round-4 brief, split)", () => {
    const page = fixtures.find((p) => p.name.endsWith('2026-12-r4-short-brief-long-teasers'))!;
    const a = scrapePage(perturb(page.html, 'split'), page.url, { genericOnly: true });
    expect(scorePage(a.text, page.body ?? '').f1).toBeGreaterThanOrEqual(0.95);
    expect(a.text).not.toMatch(/Harbour car park|Watch next/);
  });

  it('keeps a card widget above a two-paragraph brief set aside, as a reader thread below it (not given back for a short story)', () => {
    for (const name of ['2026-07-r2-short-brief-prose-rail', '2026-12-r2-conversation-outweighs-story']) {
      const page = fixtures.find((p) => p.name.endsWith(name))!;
      const a = scrapePage(perturb(page.html, 'widget-above'), page.url, { genericOnly: true });
      expect(scorePage(a.text, page.body ?? '').f1, name).toBeGreaterThanOrEqual(0.95);
    }
  });

  it('keeps a chapter that holds a newsletter form when its paragraphs are divs, drops an inline card written as one run after its label', () => {
    const divs = (n: number, t: string) =>
      Array.from(
        { length: n },
        (_, i) =>
          `<div>Line ${i + 1} of ${t}: the weather station on the cliff, older than the lighthouse, still sends its readings every hour.</div>`,
      ).join('');
    const form = `<aside class="box"><h3>The weekly</h3><div>Our best long reads, every Sunday morning.</div><form><input type="email"><button>Sign me up</button></form></aside>`;
    const card = `<div><span>Te puede interesar</span><a href="/r"><span>Las temperaturas rompen récords en el valle</span></a><span>El observatorio registró 44 días por encima de los 35 grados, la cifra más alta desde que existen registros.</span></div>`;
    const html = `<body><h1>The headline</h1><div class="longform-body"><section>${divs(2, 'the first chapter')}</section><section><h2>The keepers</h2>${divs(3, 'the second chapter')}${form}</section>${card}<section>${divs(2, 'the third chapter')}</section></div></body>`;
    const text = mainText(html).paragraphs.join('\n');
    expect(text).toMatch(/Line 3 of the second chapter/);
    expect(text).toMatch(/Line 2 of the third chapter/);
    expect(text).not.toMatch(/Te puede interesar|observatorio/);
  });
});

describe('generic extractor, round 5 causes', () => {
  const lines = (n: number, t: string, extra = '') =>
    Array.from(
      { length: n },
      (_, i) =>
        `<p>Note ${i + 1} on ${t}: the ferry crew, who had waited since dawn for the wind to drop, loaded the last trailer at noon${extra}.</p>`,
    ).join('');

  it("keeps a live blog's entries that each end with a Copy-link button, drops a pitch box whose button calls to sign up", () => {
    const entries = Array.from(
      { length: 5 },
      (_, i) =>
        `<div class="upd"><div class="upd-time">1${i}:05</div><div class="upd-text"><p>Update ${i + 1}: the harbour master reopened the northern berth after divers checked the hull of the stranded barge.</p></div><div class="upd-tools"><button>Copy link</button></div></div>`,
    ).join('');
    const pitch = `<div class="box-x"><div>Morning Tide</div><p>Everything that moved on the coast overnight, in one short email before your first coffee.</p><button>Sign up</button></div>`;
    const html = `<body><h1>The headline</h1><div class="stream">${entries.slice(0, 400)}${entries.slice(400)}${pitch}</div></body>`;
    const text = mainText(html).paragraphs.join('\n');
    expect(text).toMatch(/Update 1:/);
    expect(text).toMatch(/Update 5:/);
    expect(text).not.toMatch(/first coffee/);
  });

  it('reads the rest of a paywalled body kept in a <template>, not a template of widget markup', () => {
    const html = `<body><h1>The headline</h1><article>${lines(2, 'the teaser')}<div class="wall"><p>Subscribe to keep reading.</p></div><template id="rest">${lines(4, 'the locked part')}</template><template id="card"><div class="card"><a href="/x">A template card title for another story</a></div></template></article></body>`;
    const text = mainText(html).paragraphs.join('\n');
    expect(text).toMatch(/Note 4 on the locked part/);
    expect(text).not.toMatch(/template card title/);
  });

  it('keeps the captions of a photo essay, drops their credits; drops short captions of a story', () => {
    const fig = (i: number) =>
      `<figure class="shot"><img src="/${i}.jpg"><figcaption><span class="cap">Frame ${i}: the harvest crew stacked the reeds in long rows to dry, as their parents did, while the river rose behind them through the afternoon.</span><span class="cap-credit">Picture by Lena Vos</span></figcaption></figure>`;
    const essay = `<body><h1>The headline</h1><main><div class="intro">${lines(2, 'the village')}</div>${[1, 2, 3, 4].map(fig).join('')}<div class="outro">${lines(1, 'the winter')}</div></main></body>`;
    const text = mainText(essay).paragraphs.join('\n');
    expect(text).toMatch(/Frame 4: the harvest crew/);
    expect(text).toMatch(/Note 1 on the winter/);
    expect(text).not.toMatch(/Picture by/);
    const shortFig = (i: number) =>
      `<figure class="shot"><img src="/${i}.jpg"><figcaption>Frame ${i}: the quay at dawn, seen from the ferry.</figcaption></figure>`;
    const story = `<body><h1>The headline</h1><main>${lines(3, 'the story')}${[1, 2, 3].map(shortFig).join('')}${lines(3, 'the end')}</main></body>`;
    expect(mainText(story).paragraphs.join('\n')).not.toMatch(/Frame 1/);
  });

  it('sets aside a reader thread longer than the story, opened by "Join the conversation" or marked by Reply buttons', () => {
    const posts = Array.from(
      { length: 5 },
      (_, i) =>
        `<div class="q1"><div class="q2">reader${i}</div><div class="q3">Reader post ${i + 1}: I have taken that ferry every week for a decade and the new timetable is the first one that matches the buses on the island side, which is all anyone there ever asked for.</div><div class="q4"><button>Reply</button><button>Report</button></div></div>`,
    ).join('');
    for (const heading of [
      '<div class="q0">Join the conversation</div>',
      '<div class="q0">Have your say</div>',
    ]) {
      const html = `<body><h1>The headline</h1><div class="a1">${lines(3, 'the column')}</div><div class="a2">${heading}${posts}</div></body>`;
      const text = mainText(html).paragraphs.join('\n');
      expect(text).toMatch(/Note 3 on the column/);
      expect(text, heading).not.toMatch(/Reader post|conversation/);
    }
  });

  it('drops statistics written as rows of cells, keeps a sentence with figures', () => {
    const rows = ['Possession', 'Shots', 'Corners']
      .map((l, i) => `<div class="row"><span>${l}</span><span>${40 + i}%</span><span>${60 - i}%</span></div>`)
      .join('');
    const html = `<body><h1>The headline</h1><div class="report">${lines(2, 'the match')}<div class="stats">${rows}</div><p>They had 58% of the ball and 12 corners, and still lost 1-0.</p>${lines(2, 'the result')}</div></body>`;
    const text = mainText(html).paragraphs.join('\n');
    expect(text).not.toMatch(/Possession|Corners/);
    expect(text).toMatch(/58% of the ball/);
  });

  it('drops a dek between a headline and a byline written as siblings of the body, keeps a lead after a headline with no byline', () => {
    const dek = '<p class="sub">A short line under the headline that sums the story up.</p>';
    const withByline = `<body><div class="page"><div class="story"><h1>The headline</h1>${dek}<div class="story-byline">By A. Writer, 3 March 2026</div>${lines(4, 'the body')}</div></div></body>`;
    const a = mainText(withByline).paragraphs.join('\n');
    expect(a).not.toMatch(/sums the story up|A\. Writer/);
    expect(a).toMatch(/Note 1 on the body/);
    const lead =
      '<p class="sub">The lead paragraph of this story, written in its own class right under the headline, says what happened.</p>';
    const noByline = `<body><div class="page"><div class="story"><h1>The headline</h1>${lead}${lines(4, 'the body')}</div></div></body>`;
    expect(mainText(noByline).paragraphs.join('\n')).toMatch(/The lead paragraph/);
  });

  it('reads the store of a paywalled page whose DOM holds a long teaser and cards above its wall', () => {
    const paras = Array.from(
      { length: 10 },
      (_, i) =>
        `Part ${i + 1} of the harbour story: the ferry company, the port and the council agreed to share the cost of the new pier after a year of talks.`,
    );
    const state = {
      article: { title: 'The harbour pier deal', body: paras.map((p) => `<p>${p}</p>`).join('') },
    };
    const cards = ['The tram line opens late', 'The market hall reopens'].map(
      (t) =>
        `<div class="rec"><a href="/r">${t}</a><span>Another story of the week, in one line of the town.</span></div>`,
    );
    const html = `<body><h1>The harbour pier deal</h1><div class="text">${paras
      .slice(0, 4)
      .map((p) => `<p>${p}</p>`)
      .join(
        '',
      )}</div><div class="paywall-box"><p>Subscribers read on.</p></div>${cards.join('')}<script>window.__STATE__ = ${JSON.stringify(state)};</script></body>`;
    const r = extractMainText(loadHtml(html), { headlines: ['The harbour pier deal'] });
    expect(r.source).toBe('script-state');
    expect(r.paragraphs).toHaveLength(10);
  });

  it("drops a recipe card's rating line, label-and-value times, a nutrition line and its call to share, with no class names", () => {
    const times = ['Prep Time', 'Cook Time', 'Total Time']
      .map((l, i) => `<div><span>${l}</span> ${10 + i} mins</div>`)
      .join('');
    const html = `<body><h1>The headline</h1><div>${lines(2, 'the soup')}<div><h2>Lentil soup</h2><div>★★★★★ 4.7 from 51 votes</div>${times}<ul><li>200 g red lentils</li><li>1 onion, chopped</li></ul><ol><li>Soften the onion in the oil for ten minutes, then add the lentils and the stock.</li></ol><div>Calories: 240kcal | Protein: 15g | Fat: 6g</div><div>Made this? Leave a comment below and tell us how it went!</div></div></div></body>`;
    const text = mainText(html).paragraphs.join('\n');
    expect(text).toMatch(/200 g red lentils/);
    expect(text).toMatch(/Soften the onion/);
    expect(text).not.toMatch(/51 votes|Prep Time|Calories|Made this/);
  });

  it('drops paywall and feedback prompts, a chart box with its source and a Chinese source line', () => {
    const html = `<body><h1>The headline</h1><div class="post">${lines(2, 'the first part')}<div class="x-chart"><div>Crossings per month</div><img src="/c.png"><div>Source: harbour office</div></div><div class="premium-wall"><p>Get unlimited reading for a small monthly fee, cancel whenever you like.</p></div><p>Already a subscriber? Log in</p>${lines(2, 'the second part')}<p>Was this article helpful?</p><p>（本文来源：海港日报。转载请注明出处。）</p></div></body>`;
    const text = mainText(html).paragraphs.join('\n');
    expect(text).toMatch(/Note 2 on the second part/);
    expect(text).not.toMatch(
      /Crossings per month|harbour office|monthly fee|Already a subscriber|helpful|本文来源/,
    );
  });
});

describe('generic extractor, round 6 causes', () => {
  const lines = (n: number, t: string) =>
    Array.from(
      { length: n },
      (_, i) =>
        `<p>Line ${i + 1} about ${t}: the night porters at the old grain exchange, who have kept its clocks wound since the war, logged another quiet shift.</p>`,
    ).join('');

  it("keeps a recipe section's heading and items when its header holds scale buttons, named or not", () => {
    const items = ['2 leeks, sliced', '1 litre of stock', '3 potatoes, diced', 'a knob of butter']
      .map((x) => `<li>${x}</li>`)
      .join('');
    const card = (named: boolean) => {
      const c = (name: string) => (named ? ` class="rc-${name}"` : '');
      return `<div${c('card')}><div${c('ingredients')}><div${c('ingredients-header')}><h3>What you need</h3><div${c('scaler')}><span>Scale</span><button>1x</button><button>2x</button><button>3x</button></div></div><div${c('ingredients-list')}><ul>${items}</ul></div></div><div${c('steps')}><div${c('steps-header')}><h3>Method</h3></div><ol><li>Sweat the leeks in the butter until soft, add the potatoes and stock and simmer for twenty minutes.</li></ol></div></div>`;
    };
    for (const named of [true, false]) {
      const html = `<body><h1>The headline</h1><div class="entry">${lines(3, 'the soup')}${card(named)}</div></body>`;
      const text = mainText(html).paragraphs.join('\n');
      expect(text, `named: ${named}`).toMatch(/What you need/);
      expect(text).toMatch(/3 potatoes, diced/);
      expect(text).toMatch(/^Method$/m);
      expect(text).not.toMatch(/Scale|2x/);
    }
  });

  it('drops a card of label-and-value lines when most carry figures, keeps a tip written as a sentence', () => {
    const facts = ['Author: Mira Holt', 'Prep: 15 min', 'Cook: 40 min', 'Serves: 6', 'Course: Supper']
      .map((l) => `<li>${l}</li>`)
      .join('');
    const html = `<body><h1>The headline</h1><div class="entry">${lines(3, 'the stew')}<ul>${facts}</ul><p>Tip: brown the meat in two batches, or it steams instead of searing.</p>${lines(1, 'the end')}</div></body>`;
    const text = mainText(html).paragraphs.join('\n');
    expect(text).not.toMatch(/Mira Holt|Serves|Supper/);
    expect(text).toMatch(/Tip: brown the meat/);
    // Two label lines without figures are not a card of facts.
    const two = `<body><h1>The headline</h1><div class="entry">${lines(3, 'the stew')}<ul><li>Region: Lower Saxony</li><li>Grape: Riesling</li></ul>${lines(1, 'the end')}</div></body>`;
    expect(mainText(two).paragraphs.join('\n')).toMatch(/Grape: Riesling/);
  });

  it('drops station promos, wire update notes, assistance credits, channel calls, affiliate notes and keyword lines', () => {
    const junk = [
      'For the latest news and weather, download the WXYZ 4 app.',
      '(Adds comment from the port authority in sixth paragraph.)',
      '— With assistance from Kofi Mensah and Ruth Adler',
      '📲 Siga o canal do Jornal da Serra no WhatsApp',
      'Join our Telegram channel for breaking news from the valley',
      'This article contains affiliate links, and we may earn a small fee at no cost to you.',
      'Tags: harbour, ferries, winter timetable',
    ];
    const html = `<body><h1>The headline</h1><div class="entry">${lines(3, 'the port')}${junk.map((j) => `<p>${j}</p>`).join('')}<p>The port authority said it would join the channel deepening project next year.</p></div></body>`;
    const text = mainText(html).paragraphs.join('\n');
    for (const j of [
      'WXYZ',
      'Adds comment',
      'Kofi Mensah',
      'Jornal da Serra',
      'Telegram',
      'affiliate',
      'Tags:',
    ])
      expect(text).not.toContain(j);
    expect(text).toMatch(/channel deepening project/);
  });

  it("reads a script store's list blocks item by item, leaves out its related list", () => {
    const blocks = [
      ...Array.from({ length: 4 }, (_, i) => ({
        type: 'paragraph',
        text: `Step ${i + 1} of the allotment guide: the committee, having argued for a season about the water rota, finally pinned a timetable to the shed door.`,
      })),
      {
        type: 'list',
        items: ['Bring your own hose', 'Lock the gate after dusk', { text: 'Label every seed tray' }],
      },
      { type: 'related', items: [{ title: 'A different story about sheds', url: '/sheds' }] },
    ];
    const html = `<body><h1>The allotment water rota</h1><div id="app">Loading…</div><script id="__NEXT_DATA__" type="application/json">${JSON.stringify({ props: { pageProps: { story: { headline: 'The allotment water rota', blocks } } } })}</script></body>`;
    const r = extractMainText(loadHtml(html), { headlines: ['The allotment water rota'] });
    expect(r.source).toBe('script-state');
    expect(r.paragraphs).toContain('Lock the gate after dusk');
    expect(r.paragraphs).toContain('Label every seed tray');
    expect(r.paragraphs.join('\n')).not.toMatch(/different story/);
  });

  it('drops captions written without <figure>: a credit line, a dash-closed credit, a centred or italic line under an image', () => {
    const figures = [
      '<div><div><img src="/a.jpg"></div><div>Divers check the hull of the barge at the northern berth.</div><div>Anna Berg | Nordic Press | Getty Images</div></div>',
      '<div><div><img src="/b.jpg"></div><p>Barcos atracados no cais norte nesta terça-feira — Foto: Paulo Dias/Agência</p></div>',
      '<div style="text-align:center"><a href="/c.jpg"><img src="/c.jpg"></a></div><div style="text-align: center;"><span>The northern berth at low tide</span></div>',
      '<div><img src="/d.jpg"></div><div><i>Looking south from the lighthouse</i></div>',
    ];
    const html = `<body><h1>The headline</h1><div class="entry">${lines(2, 'the berth')}${figures.join(lines(1, 'the tide'))}${lines(2, 'the barge')}<div><i>An editor's note written in italics, with no image above it</i></div></div></body>`;
    const text = mainText(html).paragraphs.join('\n');
    for (const c of ['Divers check', 'Getty', 'Foto: Paulo', 'low tide', 'lighthouse'])
      expect(text).not.toContain(c);
    expect(text).toMatch(/Line 2 about the barge/);
    expect(text).toMatch(/editor's note written in italics/);
  });

  it("drops the standfirst in a lone wrapper under the headline's, keeps a first paragraph there not named as one", () => {
    const page = (second: string) =>
      `<body><article><div class="m1"><div><h1>The headline</h1></div><div>${second}</div>${lines(4, 'the shift')}</div></article></body>`;
    const dek = mainText(
      page('<h2 class="x-subtitle-paragraph">Why the grain exchange still keeps a night watch</h2>'),
    ).paragraphs.join('\n');
    expect(dek).not.toMatch(/still keeps a night watch/);
    expect(dek).toMatch(/Line 1 about the shift/);
    const lead = mainText(
      page(
        '<p class="x-body-paragraph">The first paragraph of this story, in a lone wrapper of its own, says who and when.</p>',
      ),
    ).paragraphs.join('\n');
    expect(lead).toMatch(/The first paragraph of this story/);
  });

  it('keeps a subheading named subhead-embed between two parts of a body', () => {
    const html = `<body><h1>The headline</h1><div class="article-body">${lines(3, 'the mill')}<h2 class="subhead-embed">The second winter</h2>${lines(3, 'the flood')}</div></body>`;
    expect(mainText(html).paragraphs).toContain('The second winter');
  });
});

describe('generic extractor, round 6 check-set causes', () => {
  const widget = (kind: string, inner: string) =>
    `<div class="pb-element pb-widget pb-widget-${kind}"><div class="pb-widget-container">${inner}</div></div>`;
  const text = (i: number) =>
    widget(
      'text-editor',
      `<p>Part ${i} of the orchard diary: the volunteers pruned the old pear trees in the rain, then sat in the barn and argued, kindly, about cider, apples, ladders, and whose turn it was.</p><p>The ${i}th visit ended, as the others had, with a list of jobs for next month, a broken saw, and a promise, again, to fix the gate.</p>`,
    );

  it('keeps a subheading and a plain list written as widgets between parts of the body, not a linked list', () => {
    const list = widget(
      'icon-list',
      '<ul><li><span>Prune in late winter, before the buds swell</span></li><li><span>Cut back to an outward-facing bud</span></li><li><span>Burn nothing that shows canker</span></li></ul>',
    );
    const links = widget(
      'icon-list',
      '<ul><li><a href="/a">Our other orchards</a></li><li><a href="/b">Volunteer days</a></li></ul>',
    );
    const html = `<body><h1>The headline</h1><div class="pb-wrap">${text(1)}${widget('heading', '<h2>What we learned</h2>')}${list}${text(2)}${links}${text(3)}</div></body>`;
    const out = mainText(html).paragraphs;
    expect(out).toContain('What we learned');
    expect(out).toContain('Cut back to an outward-facing bud');
    expect(out.join('\n')).toMatch(/Part 3 of the orchard diary/);
    expect(out.join('\n')).not.toMatch(/Volunteer days/);
  });

  it("keeps a checklist's items with their checkboxes and unit buttons, and a reporter line closed by a mailto link", () => {
    const item = (i: number, x: string) =>
      `<li><span class="cb"><input type="checkbox" id="c${i}"><label for="c${i}"><span class="sr-only">▢ </span></label></span><span class="amt">${i + 1}</span> <span class="unit">cups</span> <span class="name">${x}</span></li>`;
    const html = `<body><h1>The headline</h1><div class="post-body"><p>Our kitchen has made this loaf every Friday for a year, and the only thing that changes is who forgets to feed the starter on Thursday night.</p><div class="ingr"><h3>Ingredients</h3><div class="units"><button>Imperial</button><button>Metric</button></div><ul>${['flour', 'water', 'rye', 'salt'].map((x, i) => item(i, x)).join('')}</ul></div><p>Kneading is optional, folding is not; give the dough four sets of folds over two hours and leave it alone.</p><p>Lena Osei, food desk <a href="mailto:l.osei@paper.example">l.osei@paper.example</a></p></div></body>`;
    const out = mainText(html).paragraphs;
    expect(out).toContain('3 cups rye');
    expect(out).toContain('Ingredients');
    expect(out.join('\n')).not.toMatch(/Imperial|▢/);
    expect(out.join('\n')).toMatch(/l\.osei@paper\.example/);
  });

  it('drops "X contributed to this report" and "X and Y contributed reporting" lines, keeps a sentence about contributions', () => {
    const html = `<body><h1>The headline</h1><div class="story">${Array.from({ length: 3 }, (_, i) => `<p>Paragraph ${i + 1}: the county board, meeting late into the night, approved the levee budget after a long debate about who pays for the pumps.</p>`).join('')}<p>Olivia Sandoval contributed to this report.</p><p>Ana Ruiz and Tom Bell contributed reporting from Lima.</p><p>Farmers contributed to this report's survey of flood damage, the board said.</p></div></body>`;
    const out = mainText(html).paragraphs.join('\n');
    expect(out).not.toMatch(/Sandoval|Tom Bell/);
    expect(out).toMatch(/Farmers contributed/);
  });
});

describe('generic extractor, round 6 second check-set causes', () => {
  it('keeps a table written in a <figure> (WordPress wp-block-table), drops a figure with an image and its caption', () => {
    const paras = Array.from(
      { length: 3 },
      (_, i) =>
        `<p>Note ${i + 1}: the seed library lends its packets for a season, and borrowers bring back twice what they took, labelled by hand and dried on newspaper.</p>`,
    ).join('');
    const html = `<body><h1>The headline</h1><div class="entry-content">${paras}<figure class="wp-block-table"><table><thead><tr><th>Seed</th><th>Packets lent</th></tr></thead><tbody><tr><td>Runner bean</td><td>212</td></tr><tr><td>Kale</td><td>96</td></tr></tbody></table></figure><figure class="wp-block-image"><img src="/s.jpg"><figcaption>The library's drawers in the town hall basement</figcaption></figure>${paras.replace(/Note/g, 'Later note')}</div></body>`;
    const text = mainText(html).paragraphs.join('\n');
    expect(text).toMatch(/Runner bean/);
    expect(text).toMatch(/Packets lent/);
    expect(text).not.toMatch(/drawers in the town hall/);
  });

  it("drops a reporter box's link to their other stories, keeps the reporter line", () => {
    const html = `<body><h3>The headline</h3><article class="view"><p>설악산 일대에 첫눈이 내리면서 탐방로가 통제됐다.<br><br>국립공원 관계자는 눈이 그친 뒤에도 결빙 구간이 많아 안전에 주의해야 한다고 말했다.<br><br>기상청은 내일 오전까지 산지에 눈이 더 내리겠다고 예보했다.</p><p>김하나 기자 hana@paper.example</p><div><strong>김하나 기자</strong><span>다른기사 보기</span></div><div><a href="/by/jane">More stories by Jane Roe</a></div></article></body>`;
    const text = mainText(html).paragraphs.join('\n');
    expect(text).toMatch(/김하나 기자 hana@paper\.example/);
    expect(text).not.toMatch(/다른기사|More stories by/);
  });

  it('drops ad-break lines, paywall prompts and reader-funding pitches in several languages, and Korean caption credits, with no class names', () => {
    const junk = [
      'Continua após a publicidade',
      'Continúa después de la publicidad',
      'Já é assinante? Faça seu login',
      'Este artigo é exclusivo para assinantes',
      'Tenha acesso ilimitado a todo o conteúdo do site por R$ 1,90 no primeiro mês.',
      'Help keep this journalism free for everyone. We rely on readers to fund our work.',
      'The Harbour Post is a reader-supported publication, and you can join for free.',
      '30일 오후 시청 앞 광장에 시민들이 모여 있다. 김하나 기자',
      'As an Amazon Associate and member of other programs, I earn from qualifying purchases.',
    ];
    const body = Array.from(
      { length: 3 },
      (_, i) =>
        `<div>Parágrafo ${i + 1}: a prefeitura anunciou nesta segunda-feira que a feira da praça vai funcionar também aos domingos, a partir de janeiro.</div>`,
    ).join('');
    const html = `<body><h1>The headline</h1><div>${body}${junk.map((j) => `<div>${j}</div>`).join('')}<div>Os feirantes continuam após a publicidade da prefeitura a pedir mais vagas, e leitores que já são assinantes do jornal também opinaram.</div></div></body>`;
    const text = mainText(html).paragraphs.join('\n');
    for (const j of junk) expect(text).not.toContain(j.slice(0, 20));
    expect(text).toMatch(/Os feirantes continuam/);
  });

  it("drops calls to follow the outlet on an app and an author's closing bio line, keeps a bio sentence inside the story", () => {
    const body = (n: number, t: string) =>
      Array.from(
        { length: n },
        (_, i) =>
          `<p>${t} ${i + 1}: the river authority opened the sluice gates at dawn, and by noon the meadows below the weir were under half a metre of water.</p>`,
      ).join('');
    const html = `<body><h1>The headline</h1><div class="story">${body(2, 'Part')}<p>Mara Quist is a reporter for the valley paper who has covered the weir since 2019, and she was there when the gates opened.</p>${body(2, 'Later')}<p>Receba notícias do Jornal do Vale no seu Telegram e fique por dentro de tudo!</p><p>Follow our flood coverage on Instagram for photos from the valley.</p><p><em>Tom Reyes is a staff writer for the Valley Courier covering rivers and farming.</em></p></div></body>`;
    const text = mainText(html).paragraphs.join('\n');
    expect(text).toMatch(/Mara Quist is a reporter/);
    expect(text).not.toMatch(/Telegram|Instagram|Tom Reyes/);
  });

  it("drops a recipe card's lone yield line, keeps a sentence that gives the yield", () => {
    const html = `<body><h1>The headline</h1><div class="entry-content"><p>These oat biscuits keep for a week in a tin, and the dough freezes well if you roll it into a log first.</p><div class="card"><h2>Oat biscuits</h2><div>Yield: 24 biscuits</div><ul><li>200 g oats</li><li>100 g butter</li><li>80 g sugar</li></ul><ol><li>Melt the butter with the sugar, stir in the oats and press into a lined tin.</li></ol></div><p>Makes: enough for a party of twelve, if nobody takes three, which someone always does.</p></div></body>`;
    const text = mainText(html).paragraphs.join('\n');
    expect(text).not.toMatch(/Yield: 24/);
    expect(text).toMatch(/200 g oats/);
    expect(text).toMatch(/enough for a party of twelve/);
  });
});

describe('generic extractor, round 7 causes (full-size pages, heavy perturbations)', () => {
  it('keeps every part of a body cut into unnamed sibling divs, even a part holding a sign-up form or a figure; drops the form, the ads and the rail', () => {
    const para = (t: string) => `<p>${t}</p>`;
    const parts = [
      para(
        'The cooperative in Vellmar bought its first electric tractor in March, and the farmers who share it have since booked every hour of daylight it has.',
      ),
      `${para('Its battery lasts a working morning, which suits the orchards, where the rows are short and the tractor returns to the barn at noon to charge.')}<div><img src="/t.jpg" alt=""><span>The tractor in the pear rows.</span></div>${para('The dairy farms on the plateau are less convinced: their fields lie far from the barn, and a flat battery three kilometres out means a long walk.')}`,
      `${para('A second machine, with a bigger battery, is on order for the autumn, paid for half by the county and half by a levy on every member.')}<div><p>Get the farm letter every Friday.</p><form><input type="email" name="e"><button>Sign up</button></form></div>`,
      para(
        'Whether the plateau farmers will pay their share of the levy is the question the general meeting in November has to settle, and nobody expects it to be short.',
      ),
    ];
    const ad = '<div><span>Advertisement</span><div style="min-height:250px"></div></div>';
    const rail =
      '<div><h3>Most read</h3><ol><li><a href="/a">Bridge closed for repairs</a></li><li><a href="/b">New bus line to the lake</a></li><li><a href="/c">Market moves to Saturday</a></li></ol></div>';
    const html = `<body><h1>Sharing one tractor</h1><div class="story">${parts[0]}</div>${ad}<div>${parts[1]}</div>${rail}<div>${parts[2]}</div>${ad}<div>${parts[3]}</div></body>`;
    const text = mainText(html).paragraphs.join('\n');
    for (const w of [
      'first electric tractor',
      'working morning',
      'dairy farms',
      'second machine',
      'general meeting',
    ])
      expect(text).toContain(w);
    expect(text).not.toMatch(/Advertisement|Most read|Bridge closed|Get the farm letter|Sign up/);
  });

  const shell = (lang: string, headline: string, state: string[], rail: Array<[string, string]>) =>
    `<html lang="${lang}"><head><title>${headline}</title></head><body><div id="__next"><header><a href="/">Site</a></header><main><div class="skeleton"></div><section><h2>Trending</h2>${rail
      .map(([t, d], i) => `<div class="item"><a href="/t/${i}"><h3>${t}</h3></a><p>${d}</p></div>`)
      .join('')}</section></main></div><script id="__NEXT_DATA__" type="application/json">${JSON.stringify({
      props: {
        pageProps: { article: { headline, body: state.map((t) => ({ type: 'paragraph', content: t })) } },
      },
    })}</script></body></html>`;

  it('reads the store of an SPA shell whose DOM holds only a rail of long teasers (more prose than the 400-unit shell limit)', () => {
    const rail: Array<[string, string]> = Array.from({ length: 5 }, (_, i) => [
      `Teaser title number ${i + 1}`,
      `A story about something else entirely, number ${i + 1}, with a long summary sentence that runs on for a while so that the rail holds a lot of prose.`,
    ]);
    const body = [
      'The glassworks at the edge of the old port will close at the end of the year, its owners said on Monday, after a century of making bottles for the region’s wineries.',
      'About ninety people work there. The owners said rising gas prices had made the furnaces too expensive to run, and that no buyer had come forward after a year of talks.',
      'The town council said it would try to keep the building for workshops and a museum of the trade, and asked the regional government for help with the cost.',
    ];
    const html = shell('en', 'Port glassworks to close after a century', body, rail);
    const a = scrapePage(html, 'https://news.example/glassworks', { genericOnly: true });
    expect(a.text).toContain('glassworks at the edge of the old port');
    expect(a.text).not.toMatch(/Teaser title|something else entirely/);
  });

  it('reads the store of a Chinese or Japanese shell: the headline is matched by its character pairs', () => {
    const zh = shell(
      'zh',
      '山区小学新建图书馆对村民开放',
      [
        '山区一所小学的新图书馆本周正式对村民开放，馆内藏书约八千册，其中三分之一是城市学校捐赠的。',
        '校长表示，图书馆在放学后和周末向全村开放，希望老人和孩子都能来这里读书。',
        '当地教育部门计划明年在附近另外两个村子建设类似的图书馆。',
        '村民们说，过去孩子们放学后只能在路边玩，现在有了一个安静又暖和的地方，可以看书，也可以做作业。',
        '图书馆还请了两位退休教师每周六来给孩子们讲故事，第一次活动就来了四十多个孩子和家长。',
      ],
      [
        [
          '另一条新闻',
          '这是一条和图书馆无关的新闻摘要，讲的是城市交通和天气的变化，内容比较长，用来填满侧栏。',
        ],
      ],
    );
    const a = scrapePage(zh, 'https://news.example/zh/library', { genericOnly: true });
    expect(a.text).toContain('新图书馆本周正式对村民开放');
    const ja = shell(
      'ja',
      '夜行バスの運転手不足が深刻に',
      [
        '全国の夜行バス会社で運転手の不足が深刻になっている。業界団体によると、今年は前年より一割ほど便数が減った。',
        '各社は給与の引き上げや休憩時間の見直しを進めているが、若い運転手の確保は難しいという。',
        '国は来年度から、大型免許の取得費用を補助する制度を始める方針で、業界は効果に期待している。',
        '一方で、利用者からは「便が減って予約が取りにくくなった」という声も出ている。',
      ],
      [],
    );
    expect(scrapePage(ja, 'https://news.example/ja/bus', { genericOnly: true }).text).toContain(
      '運転手の不足が深刻',
    );
  });

  it("keeps a DOM body that repeats the headline's words over a shorter store (a store caching a teaser of it)", () => {
    const html = `<html><head><title>Port glassworks to close after a century</title></head><body><h1>Port glassworks to close after a century</h1><div class="story">${Array.from(
      { length: 4 },
      (_, i) =>
        `<p>Paragraph ${i + 1}: the glassworks by the port made bottles for the wineries for a century, and its furnaces will go cold in December, the owners said.</p>`,
    ).join('')}</div><script id="__NEXT_DATA__" type="application/json">${JSON.stringify({
      props: {
        pageProps: {
          article: {
            body: [
              {
                type: 'paragraph',
                content:
                  'Glassworks closing: a short teaser cached by the store, about the century-old port factory.',
              },
            ],
          },
        },
      },
    })}</script></body></html>`;
    const text = scrapePage(html, 'https://news.example/g', { genericOnly: true }).text;
    expect(text).toContain('Paragraph 4');
    expect(text).not.toContain('short teaser cached');
  });

  it('drops a row of labelled facts written as cells on one line, a Key Points box, and a channel call with a longer tail', () => {
    const html = `<body><h1>The headline</h1><div class="entry-content"><div class="css-KeyPoints"><h2>Key Points</h2><ul><li>One point of the summary.</li><li>Another point of it.</li></ul></div><p>The bakery on the square bakes its rye loaves overnight, and the first batch comes out of the oven at four in the morning.</p><div class="recipe-times"><span class="details-label">Prep Time</span> <span>20 mins</span> <span class="details-label">Bake Time</span> <span>45 mins</span></div><p>Its owner says the starter is older than she is, and that it came from her grandmother’s kitchen in a jar wrapped in a towel.</p><p>📲 Participe do canal do Jornal da Praça no WhatsApp e receba as principais notícias da cidade todos os dias</p></div></body>`;
    const text = mainText(html).paragraphs.join('\n');
    expect(text).toMatch(/rye loaves/);
    expect(text).toMatch(/starter is older/);
    expect(text).not.toMatch(/Prep Time|Bake Time|Key Points|One point|WhatsApp/);
  });

  it("drops a builder's testimonial widget and a closing author box with no class names, keeps quotes and a line about the author inside the story", () => {
    const w = (inner: string) => `<div><div>${inner}</div></div>`;
    const story = [
      'The lighthouse keeper’s cottage at the end of the spit has been turned into a two-room guesthouse, and the first guests arrived in May.',
      '"We wanted people to hear the sea all night," said the woman who restored it, "and to wake up to nothing but gulls."',
      'About the keeper himself little is known, except that he kept the light for thirty-one years and planted the rosemary that still grows by the door.',
      'Rooms are booked through the harbour office, which also rents out bicycles for the ride along the dunes.',
    ];
    const html = `<body><h1>The headline</h1><div>${story.map((t) => w(`<p>${t}</p>`)).join('')}${w('<div><div><p>“The quietest night we have had in years, and the best breakfast.”</p><span>Marit, Bergen</span></div><div><p>“We will be back in autumn for the storms, without any doubt.”</p><span>Jonas and Eva</span></div></div>')}${w('<img src="/a.jpg" alt=""><h4>About Carla</h4><p>Carla writes about small islands and the boats that reach them. She lives on one.</p>')}</div></body>`;
    const text = mainText(html).paragraphs.join('\n');
    expect(text).toMatch(/hear the sea all night/);
    expect(text).toMatch(/About the keeper himself/);
    expect(text).toMatch(/harbour office/);
    expect(text).not.toMatch(/quietest night|Marit|Jonas and Eva|About Carla|writes about small islands/);
  });
});
