/**
 * Story assignment by several processes on one store: a tracker that opened before another
 * process clustered an article catches up (its new members, or everything after a merge), so
 * the same story gets the same key whichever process sees the next report.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AlertsConfigSchema } from '../../src/alerts/config.ts';
import { StoryTracker } from '../../src/alerts/stories.ts';
import { SqliteStore } from '../../src/store/sqlite.ts';
import { testRecord, testSeizure } from '../helpers/records.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'sw-stories-shared-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cluster = AlertsConfigSchema.parse({}).cluster;

const report = (id: string, source: string) =>
  testRecord(id, {
    source: { id: source, name: source },
    title: 'Customs find 2.4 tonnes of cocaine in banana boxes at the port of Antwerp',
    text: 'Customs officers at the port of Antwerp found 2.4 tonnes of cocaine hidden in boxes of bananas from Ecuador, prosecutors said on Tuesday. Two dock workers were arrested.',
    published: '2031-04-08T09:00:00Z',
    seizures: [testSeizure({ drug: 'cocaine', kg: 2400, amount: { value: 2.4, unit: 't' }, country: 'BE' })],
  });

describe('StoryTracker across processes', () => {
  it('joins a report to the story another process started', async () => {
    const a = SqliteStore.open(path.join(dir, 's1'));
    const b = SqliteStore.open(path.join(dir, 's1'));
    try {
      const ta = await StoryTracker.open(a.alerts, cluster);
      const tb = await StoryTracker.open(b.alerts, cluster); // opened before a clusters anything
      const first = await a.alerts.withStoryLock(() => ta.add(report('r1', 'wire-a'), 1_000));
      const second = await b.alerts.withStoryLock(() => tb.add(report('r2', 'wire-b'), 2_000));
      expect(second.storyKey).toBe(first.storyKey);
      const third = await a.alerts.withStoryLock(() => ta.add(report('r3', 'wire-c'), 3_000));
      expect(third.storyKey).toBe(first.storyKey);
      expect((await b.alerts.storyMembers(first.storyKey)).map((m) => m.id)).toEqual(['r1', 'r2', 'r3']);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('without catching up, a stale tracker would start a second story (the test can fail)', async () => {
    const a = SqliteStore.open(path.join(dir, 's2'));
    const b = SqliteStore.open(path.join(dir, 's2b')); // another store: b never sees a's story
    try {
      const ta = await StoryTracker.open(a.alerts, cluster);
      const tb = await StoryTracker.open(b.alerts, cluster);
      const first = await ta.add(report('r1', 'wire-a'), 1_000);
      const second = await tb.add(report('r2', 'wire-b'), 2_000);
      expect(second.storyKey).not.toBe(first.storyKey);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
