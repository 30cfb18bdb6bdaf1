/**
 * The hints the generic main-text extractor reads from a page: class/id patterns, ARIA roles
 * and the paragraphs that are page furniture wherever they appear. Named constants, as in
 * Readability.js, so that a reader can see (and extend) what each stage looks for.
 */

/** class/id of blocks that are almost never the article (removed unless they hold most of the page's prose). */
export const UNLIKELY =
  /-ad-|ai2html|banner|breadcrumb|combx|comment|conversation|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|newsletter|subscribe|cookie|consent|share|sharing|outbrain|taboola|recirc|trending|most-?popular|most-?read|read-?more|read-?next|more-stories|more-?from|promo|paywall|(?:reg|premium|login|meter(?:ed)?|subscriber|subscription)[-_]?wall|signup|navbar|topbar|masthead|you-?may-?like|also-?like|recommend/i;
/** class/id that rescue an unlikely-looking block. */
export const MAYBE =
  /and|article|body|column|content|main|shadow|story|text|post|entry|materia|noticia|cuerpo|corpo|texto|artikel|inhalt/i;

/** class/id that raise a container's score. Several languages: the class names of news CMSs. */
export const POSITIVE =
  /article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|paragraph|prose|materia|noticia|cuerpo|corpo|texto|conteudo|contenido|artikel|inhalt|beitrag|testo|tekst|view_con|news_?txt|news_?body|art_?txt/i;
/** class/id that lower a container's score. */
export const NEGATIVE =
  /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget|kontakt|contato|contacto|caption|credit|byline|author|newsletter|recommend|teaser|video|gallery|social|timestamp|dateline|trending|popular|ranking|rank-|aside|lateral|card|feed-/i;

/**
 * class/id / itemprop of the article body itself: a strong candidate wherever it is, and never
 * removed as junk.
 */
export const BODY_HINT =
  /article[-_]?body|articlebody|article__body|article[-_]?content|article[-_]?text|articletext|story[-_]?body|storybody|story[-_]?content|story[-_]?text|entry[-_]?content|post[-_]?content|post[-_]?body|post[-_]?text|body[-_]?text|bodytext|body[-_]?copy|article[-_]?view|news[-_]?body|news[-_]?text|news[-_]?content|content[-_]?body|content[-_]?text|main[-_]?text|rich[-_]?text|text[-_]?body|cuerpo[-_]?noticia|materia[-_]?conteudo|corpo[-_]?materia|texto[-_]?materia|artikel[-_]?text|article_txt|articeBody|newsEndContents|dic_area|view_con|paragraph/i;

/** Blocks removed from the chosen content (unless they hold most of its prose). */
export const CONTENT_JUNK =
  /download|attachment|caption|legend|credit|copyright|share|sharing|social|sns|related|relation|recommend|newsletter|signup|subscribe|suscripci|boletin|abonnement|assinatura|promo|advert|publicidad|dfp-|gpt-ad|ad-slot|adslot|byline|author|writer|tags|tag-list|topics|keywords|entities|breadcrumb|video|player|embed|gallery|slideshow|outbrain|taboola|read-?more|more-on|more-stories|most-read|trending|toolbar|tools|print|comments?$|disclaimer|sidebar|timestamp|dateline|kicker|eyebrow|rubric|image|photo|picture|figure|(?:^|[-_])chart|infographic|media|affiliate|disclosure|rating|nutrition|pull-?quote|call-to-action|\bcta|bio\b|contributor|metadata|attribution|(?<!sub)header|footer|category|categories|key-?points|takeaways/i;
/** Advertising and metadata blocks, matched as whole class tokens (`ad`, `InlineAd`, `entry-meta`). */
export const JUNK_TOKEN =
  /(?:^|[\s_-])(?:ad|ads|Ad|Ads|meta|Meta|date|Date|img|pic|thumb|rate|rating|ratings)(?:$|[\s_-])|[a-z](?:Ad|Ads)(?:$|[\s_A-Z-])/;

/** Embedded posts whose text the benchmark's annotators keep (tweets): never junk. */
export const KEEP_EMBED = /twitter-tweet|tweet-embed|embed-tweet/i;

/** ARIA roles of page furniture. */
export const UNLIKELY_ROLES = new Set([
  'menu',
  'menubar',
  'complementary',
  'navigation',
  'alert',
  'alertdialog',
  'dialog',
  'banner',
  'contentinfo',
  'search',
  'tablist',
  'toolbar',
]);

/** Paragraphs that are page furniture wherever they appear (checked on short paragraphs only). */
export const BOILERPLATE_PARAGRAPH =
  /^(?:advertisement|advertising|anzeige|werbung|publicité|publicidad|publicidade|pubblicità|reclame|광고|広告|share(?: this)?(?: article| story| on \w+)?:?|read more:?|read next:?|related(?: articles| stories| content| coverage)?:|related:|more:|see also:|leia (?:também|mais):?|veja (?:também|mais):?|lee también:?|lire aussi:?|mehr zum thema:?|lesen sie auch:?|sign up|subscribe|suscr[ií]bete|abonnez-vous|inscrivez-vous|abonnieren sie|assine|inscreva-se|iscriviti|abonneer|follow us|síguenos|suivez-nous|folgen sie uns|siga-nos|seguici|تابعونا|click here|skip (?:to|next|advertisement|ad)|image:|photo:|foto:|bild:|getty images|reuters|ap photo|©|continue reading|story continues below|scroll to continue|continua (?:após a|depois da) publicidade|(?:la nota )?contin[uú]a (?:después de la publicidad|debajo)|l'article continue (?:ci-)?dessous|(?:the )?article continues (?:below|after (?:this )?(?:ad|advertisement))|recommended:|watch:|listen:|v[ií]deos?:|assista:|loading|\((?:photos?|images?|fotos?|bild|pictures?)(?: by|:))(?![a-z0-9\u00c0-\u024f])/i;

/** Whole-paragraph trailers: promotions and credits that close many articles. */
export const TRAILERS: readonly RegExp[] = [
  /^Like this story\?/i,
  /^Have a (?:news )?tip\?/i,
  /^Got a confidential news tip\?/i,
  /^Get the latest .{0,40} in your inbox/i,
  /^Subscribe to .{0,40}newsletters?\b/i,
  /^Sign up for .{0,60}newsletter/i,
  /^(?:[A-Z][\w.'-]+ )+writers? .{0,200} contributed (?:to )?this report\.?$/,
  /^(?:[A-Z][\w.'-]+ ){1,4}contributed reporting\b.{0,80}$/,
  // "Olivia Sandoval contributed to this report.", "Ana Ruiz and Tom Bell contributed reporting from Lima."
  /^(?:[\p{Lu}][\p{L}.'’-]+ ){1,4}(?:(?:and |, )(?:[\p{Lu}][\p{L}.'’-]+ ){1,4})*contributed (?:to this (?:report|article|story)|reporting(?: (?:from|in) [^.]{1,60})?)\.?$/u,
  // "Peoples reported from New York and Thomson-DeVeaux from Washington. ... contributed to this report."
  /^(?:[A-Z][\w.'-]+ ){1,3}(?:and (?:[A-Z][\w.'-]+ ){1,3})?reported from .{0,400}contributed(?: to this report| reporting)?\.?$/,
  /^Our Standards:/i,
  /^\(?Reporting by .{0,300}(?:Editing by|Writing by) .{0,200}$/i,
  /^Follow \w+(?: \w+)? on (?:Instagram|Facebook|Twitter|X|YouTube)\b.{0,120}$/i,
  /^Continue reading the main story$/i,
  /^(?:Copyright|©) .{0,120}(?:all rights reserved|alle rechte vorbehalten|todos los derechos|tous droits)/i,
  /무단\s?전재.{0,20}재배포\s?금지/,
  /無断転載を禁じます/,
  // Chinese reprint disclaimers: "声明：本网转载内容版权归原作者所有…", "未经许可，不得转载".
  /^(?:免责)?(?:声明|聲明)\s*[：:]/,
  /版权归.{0,12}所有.{0,40}(?:侵权|转载)|未经.{0,8}(?:许可|授权|同意).{0,4}不得转载/,
  // A portal's source and reprint line: "（本文来源：某报。转载请注明出处。）".
  /^[（(]?本文来源\s*[：:].{0,40}$|转载请注明(?:出处|来源)/,
  // A wire press release's closing source line: "SOURCE Fjordline Aquatech ASA".
  /^SOURCE [\p{Lu}\d][^.!?]{1,80}$/u,
  // Paywall prompts and comment prompts.
  /^この記事は有料記事です/,
  /会員(?:登録)?(?:になると|すると|の方は|限定).{0,40}(?:読み放題|お読みいただけます|読むことができます|閲覧できます)/,
  /^(?:this (?:article|story|content) is (?:only )?(?:for|available to) (?:subscribers|members)|subscribe to (?:continue|keep) reading|you have \d+ free (?:articles?|stories) (?:left|remaining))/i,
  /^(?:log ?in|sign ?in|register) (?:or register )?to (?:post|leave|add|read) (?:a )?comments?\.?$/i,
  /^already (?:a |an )?(?:subscriber|member|registered)\b.{0,60}$/i,
  // The same prompts in other languages: "Já é assinante? Faça seu login", "¿Ya eres suscriptor?", "Déjà abonné ?".
  /^(?:j[áa] (?:é|és) assinante|¿?ya eres (?:suscriptor|socio|miembro)|d[ée]j[àa] abonn[ée]|bereits abonnent|sei già abbonato)(?!\p{L}).{0,60}$/iu,
  // "Este artigo é exclusivo para assinantes", "This story is exclusive to subscribers", "Ce contenu est réservé aux abonnés".
  /^(?:este|esta|this|ce|cet|cette|dieser|dieses)\s(?:artigo|conteúdo|matéria|reportagem|artículo|contenido|nota|article|story|content|contenu|artikel|inhalt)(?:\s[^.!?]{0,20})?\s(?:é|es|is|est|ist)\s(?:exclusiv[oa]s?|only|réservée?|nur|reservad[oa])\s(?:(?:para|for|aux|für|a|to)\s)?(?:(?:os|los|las|nos|our)\s)?(?:assinantes|suscriptores|subscribers|members|abonnés|abonnenten|socios)(?:[\s.!,:;].{0,40})?$/iu,
  // A recipe card's call to share: "Tried this recipe? Tag @site ...", "Made this? Leave a review".
  /^(?:tried|made|did you make) (?:this|it)(?: recipe)?\?.{0,100}$/i,
  // Feedback widgets: "Was this page helpful? Yes No".
  /^(?:was|is|did you find) this (?:page|article|story|answer|information|guide)(?: \w+)? (?:helpful|useful)\b.{0,30}$/i,
  // Subscription pitches: "Assine o Jornal e tenha acesso ilimitado ...", "Subscribe for unlimited access".
  /^(?:assine|subscribe|suscr[ií]bete|abonnez-vous|abonnieren sie|abonneer|become a (?:subscriber|member)|join|tenha|obtenha|get|enjoy|disfrut[ae]|profitez|genie(?:ß|ss)en sie)\b.{0,120}\b(?:acesso ilimitado|acceso ilimitado|unlimited (?:digital )?access|accès illimité|unbegrenzte[nr]? zugang|onbeperkt toegang)/i,
  // A site's licence line: "Text licensed CC BY-SA unless noted".
  /^.{0,80}\blicen[cs]ed (?:under )?(?:a )?(?:CC[ -]BY|Creative Commons)\b.{0,60}$/i,
  // Editor lines closing Chinese articles: "（责任编辑：周敏）".
  /^[（(]?(?:责任编辑|責任編輯|编辑|編輯|校对|校對)\s*[：:].{0,30}$/,
  // A station group's closing promo: "For the latest news, weather, sports, and streaming video, head to KVTR 7."
  /^For the latest (?:news|headlines|local news)\b.{0,80}\b(?:head to|go to|visit|download)\b.{0,60}$/i,
  // A wire story's update note: "(Updates with analyst forecast in fourth paragraph.)".
  /^\((?:Updates|Adds|Recasts|Corrects|Rewrites|Changes|Refiles|Removes)\b[^()]{0,160}\)$/,
  // "— With assistance from Daniel Okafor" (as "... contributed to this report").
  /^[—–-]?\s*With assistance from (?:[\p{Lu}][\p{L}.'’-]+\s?){1,4}(?:(?:,\s*|\s+and\s+)(?:[\p{Lu}][\p{L}.'’-]+\s?){1,4}){0,6}\.?$/u,
  // Messaging-channel calls: "📲 Participe do canal do g1 no WhatsApp", "Join our WhatsApp channel".
  /^[^\p{L}]{0,4}(?:participe|entre|siga|junte-se|inscreva-se|join|follow|subscribe to|únete|sigue|rejoignez|suivez)\b.{0,60}\b(?:(?:canal|channel|grupo|group|comunidade|community|chaîne)\b.{0,60}\b(?:WhatsApp|Telegram|Signal)\b.{0,60}|(?:WhatsApp|Telegram|Signal)\s+(?:canal|channel|grupo|group|comunidade|community|chaîne)\b.{0,60})$/iu,
  // Calls to follow the outlet elsewhere: "Receba notícias do X no seu Telegram ...", "Siga a cobertura do X no Instagram."
  /^[^\p{L}]{0,4}(?:receba|recebe|acompanhe|siga|sigue|follow|get)\s.{0,80}\s(?:no|na|en|on|via|pelo|por)\s(?:(?:seu|sua|nosso|nossa|our|your|su|nuestro)\s)?(?:WhatsApp|Telegram|Instagram|Facebook|X|Twitter|TikTok|YouTube|Google News|Threads)(?![\p{L}]).{0,100}$/iu,
  // Affiliate disclosures: "This post may contain affiliate links. Please read my disclosure policy."
  /^\(?(?:this (?:post|article|page|story|recipe) (?:may )?contains? affiliate links|as an amazon associate\b.{0,80}\b(?:i|we) earn|we may earn (?:a )?commission|(?:when|if) you buy .{0,60}(?:we|i) (?:may )?(?:receive|earn|get) (?:a )?(?:small )?commission)\b.{0,200}$/i,
  // A reporter box's link to their other stories: "박민재 기자 다른기사 보기", "More stories by Jane Roe".
  /^(?:\S{2,5}\s?기자\s*)?(?:의\s*)?다른\s?기사\s?(?:보기|더\s?보기)?$|^(?:more|other) (?:stories|articles|posts) (?:by|from) [\p{Lu}][\p{L}.'’ -]{1,40}$/iu,
  // Reader-funding pitches: "Help keep this journalism free for everyone. ...", "X is free to read and paid for by readers."
  /^(?:help (?:us )?keep (?:this|our) (?:journalism|reporting|site) free|support (?:our|independent|local) journalism\b|we rely on readers (?:like you )?to (?:fund|support)|will you (?:give|support us|make a (?:gift|contribution)) today)/i,
  /^.{0,60}\b(?:is (?:a )?reader-supported|is free to read and (?:paid for|funded|supported) by (?:its |our )?readers)\b.{0,200}$/i,
  // A list of the page's keywords written as one line: "Keywords: lentil salad, meal prep".
  /^(?:keywords?|tags?|labels?|filed under|palavras-chave|tópicos|schlagworte|stichworte|etiquetas|mots-clés|키워드|태그)\s*:\s*[^.!?]{1,160}$/i,
];

/**
 * An author's bio line closing a story: "Gideon Marsh is a reporter for Wire Markets covering
 * travel." (checked on the last lines of the content only: inside a story it is a sentence).
 */
export const BIO_LINE =
  /^(?:[\p{Lu}][\p{L}.'’-]+ ){1,4}is an? (?:[\p{L}-]+ ){0,3}(?:reporter|writer|editor|correspondent|journalist|columnist|contributor|producer)\b (?:for|at|with|on) .{0,160}$/u;

/**
 * The heading of an author box closing a post: "About Ines", "About the author", "Sobre a
 * autora", "Über den Autor", "À propos de l'auteur", "Acerca del autor".
 */
export const ABOUT_AUTHOR_HEADING =
  /^(?:about (?:the )?(?:author|writer|[\p{Lu}][\p{L}'’-]+(?: [\p{Lu}][\p{L}'’-]+)?)|sobre (?:o |a )?(?:autora?|[\p{Lu}][\p{L}-]+)|über (?:den autor|die autorin)|à propos de l['’]auteure?|acerca del? (?:la )?autora?)$/iu;

/** A testimonial: a line wholly in quotes (its attribution on the next line). */
export const QUOTED_LINE = /^["“«„][^"“”«»„]{20,300}["”»“]$/u;

/**
 * A metadata line: a reading time with whatever sits beside it ("November 30, 2026 · 4 min
 * read · #plants"), in several languages.
 */
export const READ_TIME_LINE =
  /\b\d+\s*(?:-\s*)?(?:min(?:ute)?s?|minutos?|minuten?|minuti)\.?\s+(?:read|reading|de lectura|de leitura|lesezeit|leestijd|di lettura)\b|\blesezeit\b|\btemps de lecture\b|읽는 데 \d+분|\d+분 분량/i;

/**
 * A relative time alone on a line, maybe after a clock time: "2h ago", "18:31 3 hours ago",
 * "vor 5 Minuten", "há 2 horas" (a live blog's entry stamp, a card's age).
 */
export const RELATIVE_TIME_LINE =
  /^(?:\d{1,2}[:.]\d{2}\s*)?(?:\d+\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?)\s+ago|just now|vor \d+ (?:sekunden|minuten|stunden|tagen)|há \d+ (?:minutos?|horas?|dias?)|hace \d+ (?:minutos?|horas?|días?)|il y a \d+ (?:minutes?|heures?|jours?)|\d+\s*(?:분|시간|일) 전|\d+\s*(?:分|時間|日)前)$/i;

/**
 * A photo credit ending a caption line, in Chinese: "隧道内部。记者 陈明 摄", "（新华社记者 王某 摄）".
 * Checked on short lines only.
 */
/** A caption closed by an agency photo credit: "... February 11, 2023. REUTERS/Issam Abdallah". */
export const PHOTO_CREDIT_LINE_EN =
  /[.)]\s+(?:REUTERS|AP Photo|AFP|EPA(?:-EFE)?|ANP|dpa|Getty Images|Bloomberg)\s?\/\s?[\p{L}][\p{L}.' -]{1,40}(?:\/File(?: Photo)?)?\.?$/u;
/** A caption closed by its credit after a dash: "... nesta sexta-feira — Foto: Rafael Souza/g1". */
export const PHOTO_CREDIT_TAIL =
  /\s[—–-]\s*(?:Fotos?|Photos?|Photograph|Imagem|Image|Bild|Crédito|Credit)\s*:\s*[\p{L}][^.!?]{0,60}$/u;
export const PHOTO_CREDIT_LINE =
  /[.。]\s*(?:\S{1,10}\s)?(?:\S{2,4}\s?기자|자료\s?사진|사진\s?제공\s?\S{0,12}|\S{1,12}\s?제공)\s*$|(?:记者|記者|通讯员|通訊員|摄影|攝影)\s*\S{1,12}(?:\s+\S{1,6})?\s*[摄攝][)）]?\s*$|^[(（][^()（）]{0,30}[摄攝][)）]$/u;

/**
 * Labels of a page's metadata list (`<li><strong>Date</strong> 10.06.2013</li>`,
 * `<li><b>Keywords</b> ...</li>`, "Permalink ..."), in several languages.
 */
export const METADATA_LABEL =
  /^(?:date|datum|fecha|data|published|updated|author|authors|auteur|autor|autora|autores|editor|edition|édition|keywords?|mots-clés|schlagworte|palabras clave|palavras-chave|tags?|topics?|subjects?|related subjects|themen|thèmes|temas|category|categories|section|source|print|imprimer|drucken|imprimir|permalink|permalien|permalink\/url|feedback|share|teilen|partager|compartir|compartilhar|send|e-mail|email)\s*:?$/i;

/**
 * A line that asks the reader to do something else (a promo box's items: "Follow live updates
 * from ...", "Sign up for our newsletter", "Tell us why ..."), in several languages.
 */
export const CALL_TO_ACTION =
  /\b(?:sign up|subscribe|follow (?:live|us|our|the latest|along)|tell us|learn more|click here|download (?:the|our)|newsletter|listen (?:to|now)|watch (?:live|now|the)|read (?:more|the latest)|send us|inscreva-se|assine|suscr[ií]bete|abonnez-vous|abonnieren|melden sie sich)\b/i;

/**
 * A promo label opening a line that links elsewhere ("Te puede interesar<a>Another story</a>
 * its teaser", "Leia também: ..."): an inline card written as one run.
 */
export const INLINE_PROMO_LABEL =
  /^(?:(?:también )?te puede interesar|te recomendamos|leia (?:também|mais)|veja (?:também|mais)|lee también|lire aussi|à lire aussi|read (?:more|also|next)|related|see also|mehr zum thema|lesen sie auch|auch interessant|관련기사|関連記事|相关阅读|اقرأ أيضاً?)\s*:?/i;

/** Heading-like paragraphs that open a related-links or promo block. */
export const PROMO_HEADINGS =
  /^(?:related(?: articles| stories| content| coverage| subjects| topics)?|(?:audios? (?:and|et|und|y|e) )?v[ií]d[eé]os? (?:on|sur|zum|sobre|about) (?:the |le |el |o )?(?:topic|sujet|thema|tema)|more on (?:the|this) topic|plus sur (?:le|ce) sujet|mehr zum thema|read more|more from .{1,40}|more on this|you may also like|you might also like|recommended(?: for you)?|most read|most popular|trending(?: now)?|top stories|recommended (?:products|equipment)|nutrition(?: information| facts| info)?|latest news|leia também|veja também|lee también|lire aussi|mehr zum thema|관련기사|많이 본 뉴스|関連記事|(?:table of )?contents|in this (?:article|story|post)|on this page|inhaltsverzeichnis|sommaire|índice|목차|目次|目录)$/i;

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
/** A paragraph that is only a date (and time): "March 3, 2025", "Updated 12.03.2025 14:05". */
export const DATE_LINE = new RegExp(
  `^(?:(?:published|updated|posted|last updated)(?: on)?:?\\s*)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?(?:${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}\\.?\\s+${MONTH},?\\s+\\d{4}|\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}|\\d{4}[./-]\\d{1,2}[./-]\\d{1,2})(?:,?\\s*(?:at\\s+)?\\d{1,2}[:.]\\d{2}(?:\\s*[ap]\\.?m\\.?)?(?:\\s+[A-Z]{2,4})?)?$`,
  'i',
);

/**
 * Labels of a recipe card's (or a product box's) facts: "Yield: 30 crackers", "Serves: 4",
 * "Prep Time: 10 mins". A line with one of them and a figure is card metadata even alone.
 */
export const CARD_FACT_LABEL =
  /^(?:yields?|servings?|serves|makes|prep(?:aration)? time|cook(?:ing)? time|total time|active time|inactive time|calories|course|cuisine|difficulty|rendimento|porç(?:ão|ões)|tempo de preparo|raciones|porciones|tiempo de (?:preparación|cocción)|portionen|zubereitungszeit|kochzeit|portions|temps de (?:préparation|cuisson)|분량|조리 시간|準備時間|調理時間)\s*:/i;

/** A rating line: "★★★★★ 4.8 from 96 votes", "4.5 out of 5 (212 reviews)", "Rated 4/5". */
export const RATING_LINE =
  /^(?:[★☆✩✪⭐]{3,}|rated\b)|^[★☆\s]*\d(?:[.,]\d+)?\s*(?:out of|\/|von|sur|de)\s*5\b|\b\d(?:[.,]\d+)?\s+(?:from|based on)\s+\d+\s+(?:votes|ratings|reviews)\b/i;
