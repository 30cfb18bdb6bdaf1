/** Stand-in records and seizures for tests: every field set, override what the test is about. */
import { RECORD_SCHEMA } from '../../src/records/schema.ts';
import type { ArticleRecord, Seizure } from '../../src/types.ts';

export function testSeizure(over: Partial<Seizure> = {}): Seizure {
  return {
    drug: 'cocaine',
    amount: { value: 1, unit: 't' },
    kg: 1000,
    count: null,
    countUnit: null,
    location: null,
    country: null,
    period: null,
    aggregate: false,
    record: false,
    attribution: null,
    evidence: 'Police seized drugs.',
    confidence: 0.9,
    reasons: [],
    ...over,
  };
}

export function testRecord(id: string, over: Partial<ArticleRecord> = {}): ArticleRecord {
  return {
    schema: RECORD_SCHEMA,
    id,
    url: `https://news.example/${id}`,
    source: { id: 'wire', name: 'Wire' },
    language: 'en',
    title: `Story ${id}`,
    teaser: null,
    published: '2025-01-15T10:00:00Z',
    section: null,
    tags: [],
    authors: [],
    editor: null,
    text: 'Nothing to see.',
    seizureStory: true,
    seizures: [],
    trends: [],
    persons: [],
    organizations: [],
    places: [],
    extractedAt: '2025-01-15T12:00:00Z',
    extractor: 'test',
    ...over,
  };
}
