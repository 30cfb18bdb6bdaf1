import { describe, expect, it } from 'vitest';
import { FetchConfigSchema } from '../../src/fetch/config.ts';
import { parseRetryAfter } from '../../src/fetch/http-client.ts';
import { freshnessMs, nextPollAfterFailure, nextPollAfterSuccess } from '../../src/pipeline/schedule.ts';

const cfg = FetchConfigSchema.parse({});
const now = new Date('2025-03-03T10:00:00Z');
const secondsLater = (d: Date) => (d.getTime() - now.getTime()) / 1000;

describe('feed poll scheduling', () => {
  it('reads Cache-Control, Expires (against the server Date) and Retry-After', () => {
    expect(freshnessMs({ 'cache-control': 'public, max-age=300' }, now.getTime())).toBe(300_000);
    expect(freshnessMs({ 'cache-control': 's-maxage=60, max-age=30' }, now.getTime())).toBe(60_000);
    expect(
      freshnessMs(
        { expires: 'Mon, 03 Mar 2025 10:15:00 GMT', date: 'Mon, 03 Mar 2025 10:05:00 GMT' },
        now.getTime(),
      ),
    ).toBe(600_000);
    expect(freshnessMs({ expires: '0' }, now.getTime())).toBe(0);
    expect(freshnessMs({}, now.getTime())).toBeNull();
    expect(parseRetryAfter('120')).toBe(120_000);
    expect(parseRetryAfter('Mon, 03 Mar 2025 10:02:00 GMT', now.getTime())).toBe(120_000);
    expect(parseRetryAfter('soon')).toBeNull();
  });

  it('takes the longest hint, within the configured bounds', () => {
    expect(secondsLater(nextPollAfterSuccess({}, null, now, cfg))).toBe(0);
    expect(secondsLater(nextPollAfterSuccess({ 'cache-control': 'max-age=300' }, 60, now, cfg))).toBe(3600);
    expect(secondsLater(nextPollAfterSuccess({ 'retry-after': '7200' }, 60, now, cfg))).toBe(7200);
    expect(secondsLater(nextPollAfterSuccess({ 'cache-control': 'max-age=31536000' }, null, now, cfg))).toBe(
      86_400,
    );
    expect(secondsLater(nextPollAfterSuccess({}, null, now, { ...cfg, minPollIntervalMs: 900_000 }))).toBe(
      900,
    );
  });

  it('backs off exponentially, capped, unless Retry-After says longer', () => {
    expect(secondsLater(nextPollAfterFailure(1, null, now, cfg))).toBe(60);
    expect(secondsLater(nextPollAfterFailure(3, null, now, cfg))).toBe(240);
    expect(secondsLater(nextPollAfterFailure(30, null, now, cfg))).toBe(6 * 3600);
    expect(secondsLater(nextPollAfterFailure(1, 3_600_000, now, cfg))).toBe(3600);
  });
});
