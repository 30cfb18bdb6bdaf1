/**
 * A real local HTTP server for tests (127.0.0.1, port 0). Routes are static responses or
 * handler functions; every request is logged with its headers and time, so tests can check
 * conditional GETs, spacing between requests and redirects.
 *
 *   const srv = await startTestServer({ '/feed.xml': { body: xml, headers: { etag: '"v1"' } } });
 *   ... fetch `${srv.url}/feed.xml` ...
 *   await srv.close();
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StaticResponse {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, srv: TestServer) => void | Promise<void>;
export type Route = StaticResponse | Handler;

export interface LoggedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  /** Date.now() when the request arrived. */
  at: number;
}

export interface TestServer {
  /** `http://127.0.0.1:<port>` (no trailing slash). */
  url: string;
  port: number;
  requests: LoggedRequest[];
  /** Requests to one path (query string ignored). */
  requestsTo(path: string): LoggedRequest[];
  /** Add or replace a route while running. */
  route(path: string, route: Route): void;
  close(): Promise<void>;
}

/** Start a server. Paths match without the query string; unknown paths get 404. */
export async function startTestServer(routes: Record<string, Route> = {}): Promise<TestServer> {
  const table = new Map<string, Route>(Object.entries(routes));
  const requests: LoggedRequest[] = [];
  let srv!: TestServer;
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    requests.push({ method: req.method ?? 'GET', path, headers: req.headers, at: Date.now() });
    const route = table.get(path);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    if (typeof route === 'function') {
      Promise.resolve(route(req, res, srv)).catch((err: unknown) => {
        if (!res.headersSent) res.writeHead(500).end(String(err));
        else res.destroy();
      });
      return;
    }
    res.writeHead(route.status ?? 200, route.headers ?? {});
    res.end(route.body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  srv = {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    requestsTo: (p) => requests.filter((r) => r.path === p),
    route: (p, r) => {
      table.set(p, r);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return srv;
}
