/**
 * A local news site for service tests: an RSS feed and article pages on 127.0.0.1 (port 0),
 * generated or taken from fixtures, with an optional delay per page and request counts.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SitePage {
  body: string;
  contentType?: string;
  status?: number;
  headers?: Record<string, string>;
}

export interface Site {
  base: string;
  /** Routes by path (with query string, if the link has one). Mutable while running. */
  routes: Map<string, SitePage | (() => SitePage)>;
  /** Requests per path (without query). */
  hits: Map<string, number>;
  /** Bodies POSTed (webhooks), in order. */
  posts: { path: string; body: string; headers: http.IncomingHttpHeaders }[];
  /** Delay before answering an article page, in ms. */
  pageDelayMs: number;
  close(): Promise<void>;
}

export async function startSite(): Promise<Site> {
  const routes = new Map<string, SitePage | (() => SitePage)>();
  const hits = new Map<string, number>();
  const site = { routes, hits, posts: [], pageDelayMs: 0 } as unknown as Site;
  const server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    if (req.method === 'POST') {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => {
        body += c;
      });
      req.on('end', () => {
        site.posts.push({ path: url, body, headers: req.headers });
        res.writeHead(204).end();
      });
      return;
    }
    const pathOnly = url.split('?')[0] ?? url;
    hits.set(pathOnly, (hits.get(pathOnly) ?? 0) + 1);
    const route = routes.get(url) ?? routes.get(pathOnly);
    const answer = () => {
      if (!route) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      const page = typeof route === 'function' ? route() : route;
      res
        .writeHead(page.status ?? 200, {
          'content-type': page.contentType ?? 'text/html; charset=utf-8',
          ...page.headers,
        })
        .end(page.body);
    };
    const isFeed = pathOnly.endsWith('.xml');
    if (site.pageDelayMs > 0 && !isFeed && route) setTimeout(answer, site.pageDelayMs);
    else answer();
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  site.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  site.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return site;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An RSS 2.0 feed listing these links. */
export function rssFeed(items: { link: string; title: string; published?: string }[]): string {
  const body = items
    .map(
      (it) =>
        `<item><title>${esc(it.title)}</title><link>${esc(it.link)}</link><guid>${esc(it.link)}</guid>` +
        `<pubDate>${new Date(it.published ?? '2025-09-10T10:00:00Z').toUTCString()}</pubDate></item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Test news</title><link>http://127.0.0.1/</link><description>t</description>\n${body}\n</channel></rss>\n`;
}

/** A plain article page whose text is ours (no corpus text), with a seizure sentence when `n` is even. */
export function articlePage(n: number, url: string): string {
  const kg = 100 + n;
  const lead =
    n % 2 === 0
      ? `Customs officers in Antwerp seized ${kg} kilograms of cocaine hidden in a container of bananas on Tuesday, the prosecutor's office said.`
      : `The city council of Ghent approved a new budget for public parks and cycling lanes on Tuesday, officials said.`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test story ${n}</title>
<link rel="canonical" href="${url}"><meta property="og:title" content="Test story ${n}">
<meta property="article:published_time" content="2025-09-${String((n % 28) + 1).padStart(2, '0')}T08:00:00Z"></head>
<body><header><nav>Home | World | Business</nav></header><main><article><h1>Test story ${n}</h1>
<p>${lead}</p>
<p>The investigation started several months ago after a tip from port workers, according to the report number ${n}.</p>
<p>Further details are expected to be published by the authorities later this week, a spokesperson told reporters.</p>
<p>Local residents said they had noticed more police patrols near the docks in recent weeks.</p>
</article></main><footer>Copyright Test News</footer></body></html>`;
}
