/**
 * The demo's local site: the golden DW feed (tests/fixtures/golden-dw-belgium/) with its item
 * links rewritten to this server, and the two pages served as they are (their rel=canonical
 * keeps the dw.com URL, so records carry the real URL and id). 127.0.0.1, a free port.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { packagePath } from '../package-root.ts';

/** Where the golden fixture lives in the repository (and in the npm package, which ships it). */
export const GOLDEN_DIR = packagePath('tests/fixtures/golden-dw-belgium');
/** The pages of the feed's items, in feed order (see the fixture's README). */
const PAGES = ['article.html', 'negative-article.html'];
const ORIGIN = 'https://www.dw.com';

export interface GoldenServer {
  url: string;
  feedUrl: string;
  close(): Promise<void>;
}

/** Start the demo site on 127.0.0.1. */
export async function startGoldenServer(dir = GOLDEN_DIR): Promise<GoldenServer> {
  const feedXml = readFileSync(path.join(dir, 'feed.xml'), 'utf8');
  const itemLinks = [...feedXml.matchAll(/<item rdf:about="([^"]+)"/g)].map((m) => m[1]!);
  const pages = new Map<string, Buffer>();
  itemLinks.forEach((link, i) => {
    const page = PAGES[i];
    if (page) pages.set(new URL(link.replace(/&amp;/g, '&')).pathname, readFileSync(path.join(dir, page)));
  });
  let base = '';
  const server = http.createServer((req, res) => {
    const p = (req.url ?? '/').split('?')[0]!;
    if (p === '/rss-en-all.rdf') {
      // Only the article links move to this server; the channel link and the rest stay DW's.
      let xml = feedXml;
      for (const link of itemLinks) xml = xml.split(link).join(link.replace(ORIGIN, base));
      res.writeHead(200, { 'content-type': 'application/rdf+xml; charset=utf-8' }).end(xml);
      return;
    }
    if (p === '/robots.txt') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nAllow: /\n');
      return;
    }
    const page = pages.get(p);
    if (page) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    feedUrl: `${base}/rss-en-all.rdf`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
