/** Test helpers: a real local HTTP receiver, hand-built records, a config for the alerts section. */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { type AlertsConfigInput, parseAlertsConfig } from '../../src/alerts/config.ts';
import { ArticleRecordSchema, RECORD_SCHEMA } from '../../src/records/schema.ts';
import type { ArticleRecord, Seizure } from '../../src/types.ts';
import { GOLDEN } from '../helpers/paths.ts';

export interface Received {
  at: number;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The status the receiver answered. */
  status: number;
}

export interface Receiver {
  url: string;
  requests: Received[];
  /** Requests answered 2xx. */
  delivered(): Received[];
  close(): Promise<void>;
}

/**
 * A local receiver on 127.0.0.1 (port 0); `answer` picks the status for each request from its
 * number and the time the first request came (so "down for 1.5 s" holds on a busy machine too).
 */
export async function startReceiver(
  answer: (n: number, firstAt: number) => number = () => 200,
): Promise<Receiver> {
  const requests: Received[] = [];
  let firstAt = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (requests.length === 0) firstAt = Date.now();
      const status = answer(requests.length, firstAt);
      requests.push({
        at: Date.now(),
        path: req.url ?? '/',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        status,
      });
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.end(status < 300 ? 'ok' : 'nope');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    requests,
    delivered: () => requests.filter((r) => r.status >= 200 && r.status < 300),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * The golden DW article's expected record: a real, valid record with figures. expected.json is
 * written in the first schema version; it is read in the current one (a seizure's confidence
 * and reasons, which it does not give, set to neutral values).
 */
export function goldenRecord(): ArticleRecord {
  const raw = JSON.parse(readFileSync(path.join(GOLDEN, 'expected.json'), 'utf8')) as {
    seizures: Array<Record<string, unknown>>;
  };
  return ArticleRecordSchema.parse({
    ...raw,
    schema: RECORD_SCHEMA,
    seizures: raw.seizures.map((s) => ({ confidence: 0.9, reasons: [], ...s })),
  });
}

/** The golden negative article (a port cargo story) as the pipeline must record it. */
export function negativeRecord(): ArticleRecord {
  return makeRecord({
    id: 'negative-port-cargo',
    url: 'https://www.dw.com/en/hamburg-port-cargo/a-1',
    source: { id: 'dw', name: 'DW' },
    title: 'Hamburg port handles more containers',
    text: 'The port handled 8 million containers last year, and 3 tons of grain left every hour.',
    seizureStory: false,
    seizures: [],
  });
}

export function seizure(over: Partial<Seizure> = {}): Seizure {
  return {
    drug: 'cocaine',
    amount: { value: 2.4, unit: 't' },
    kg: 2400,
    count: null,
    countUnit: null,
    location: 'Rotterdam',
    country: 'NL',
    period: '2024-03-02',
    aggregate: false,
    record: false,
    attribution: null,
    evidence: 'Customs officers seized 2.4 tonnes of cocaine hidden among bananas in Rotterdam.',
    confidence: 0.9,
    reasons: [],
    ...over,
  };
}

/** A valid record, built by hand (checked against the schema). */
export function makeRecord(over: Partial<ArticleRecord> = {}): ArticleRecord {
  return ArticleRecordSchema.parse({
    schema: RECORD_SCHEMA,
    id: 'rec-1',
    url: 'https://news.example/rec-1',
    source: { id: 'example', name: 'Example News' },
    language: 'en',
    title: 'Customs seize 2.4 tonnes of cocaine in Rotterdam',
    teaser: null,
    published: '2024-03-04T09:00:00Z',
    section: null,
    tags: [],
    authors: [],
    editor: null,
    text: 'Customs officers seized 2.4 tonnes of cocaine hidden among bananas in Rotterdam.\n\nTwo port workers were arrested.',
    seizureStory: true,
    seizures: [seizure()],
    trends: [],
    persons: [],
    organizations: [],
    places: [{ name: 'Rotterdam', kind: 'port', country: 'NL' }],
    extractedAt: '2024-03-04T10:00:00Z',
    extractor: 'seizurewatch@0.1.0',
    ...over,
  });
}

export const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

/** An alerts section with one webhook channel and one all-seizures rule, quick retry timings. */
export function alertsConfig(url: string, over: Partial<AlertsConfigInput> = {}) {
  return parseAlertsConfig({
    channels: [{ name: 'desk', type: 'webhook', url, secret: SECRET }],
    rules: [{ name: 'all-seizures', when: { seizureStory: true }, channels: ['desk'] }],
    delivery: { initialBackoffMs: 100, maxBackoffMs: 400, inlineRetryWindowMs: '6s', expireAfterMs: '1m' },
    ...over,
  });
}
