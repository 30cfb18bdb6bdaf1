/** The sample alert `seizurewatch alerts test` sends: clearly marked, with made-up figures. */
import { randomBytes } from 'node:crypto';
import { type Alert, buildAlert, type RecordSummary } from './alert.ts';

export function sampleAlert(now = new Date()): { alert: Alert; messageId: string } {
  const day = now.toISOString().slice(0, 10);
  const record: RecordSummary = {
    id: 'test-alert',
    url: 'https://example.org/seizurewatch-test-alert',
    title: 'TEST: seizurewatch test alert (customs seize 1.2 t of cocaine at an example port)',
    source: { id: 'seizurewatch', name: 'seizurewatch' },
    language: 'en',
    published: now.toISOString(),
    seizureStory: true,
    seizures: [
      {
        drug: 'cocaine',
        amount: { value: 1.2, unit: 't' },
        kg: 1200,
        count: null,
        countUnit: null,
        location: 'Example Port',
        country: null,
        period: day,
        aggregate: false,
        record: false,
        attribution: null,
        evidence: 'This is a test alert: customs officers at Example Port seized 1.2 tonnes of cocaine.',
        confidence: 0.9,
        reasons: ['test-alert'],
      },
    ],
  };
  const alert = buildAlert(
    record,
    'test',
    {
      key: 'test-alert',
      reports: [
        {
          recordId: record.id,
          source: record.source,
          url: record.url,
          title: record.title,
          published: record.published,
        },
      ],
      alsoReportedBy: [],
      disagreements: [],
    },
    true,
  );
  return { alert, messageId: `msg_test_${randomBytes(8).toString('hex')}` };
}
