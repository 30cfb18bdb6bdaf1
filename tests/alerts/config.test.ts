/** The `alerts:` section: shape, defaults, environment secrets, every problem with its path. */
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import { ConfigError } from '../../src/errors.ts';

/** A `${NAME}` environment reference, as a config file writes it. */
const ref = (name: string): string => `\${${name}}`;

const base = {
  feeds: [{ id: 'a', url: 'https://example.org/feed' }],
  output: { ndjson: 'o.ndjson' },
  store: { dir: 'd' },
};

function problems(alerts: unknown): Array<{ path: string; message: string }> {
  try {
    parseConfig({ ...base, alerts }, 'test.yaml');
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

afterEach(() => {
  delete process.env.SW_TEST_HOOK_SECRET;
  delete process.env.SW_TEST_SLACK_URL;
  delete process.env.SW_TEST_SMTP_PASS;
});

describe('alerts config', () => {
  it('flags a repeated channel name on the repeat, and still knows the first for rules', () => {
    const found = problems({
      channels: [
        { name: 'desk', type: 'webhook', url: 'https://example.org/a' },
        { name: 'desk', type: 'webhook', url: 'https://example.org/b' },
      ],
      rules: [{ name: 'r', when: { seizureStory: true }, channels: ['desk'] }],
    });
    expect(found).toEqual([
      { path: 'alerts.channels[1].name', message: 'duplicate channel name "desk" (first at channels[0])' },
    ]);
  });

  it('reads the documented shape with defaults (quiet hours off, 24 h expiry)', () => {
    const cfg = parseConfig(
      {
        ...base,
        alerts: {
          channels: [
            { name: 'desk', type: 'webhook', url: 'https://example.org/hook', secret: 'whsec_c2VjcmV0' },
          ],
          rules: [{ name: 'all-seizures', when: { seizureStory: true }, channels: ['desk'] }],
        },
      },
      'test.yaml',
    );
    expect(cfg.alerts.channels[0]).toMatchObject({
      name: 'desk',
      type: 'webhook',
      secret: 'whsec_c2VjcmV0',
      timeoutMs: 10_000,
    });
    expect(cfg.alerts.channels[0]!.quietHours).toBeUndefined();
    expect(cfg.alerts.delivery).toEqual({
      expireAfterMs: 86_400_000,
      initialBackoffMs: 1000,
      maxBackoffMs: 300_000,
      inlineRetryWindowMs: 30_000,
    });
    expect(cfg.alerts.cluster).toEqual({ windowDays: 7, figureTolerance: 0.05 });
    expect(parseConfig(base, 'x').alerts).toMatchObject({ channels: [], rules: [] });
  });

  it('takes secrets from the environment, by a NAME reference or by *Env keys', () => {
    process.env.SW_TEST_HOOK_SECRET = 'whsec_ZW52LXNlY3JldA==';
    process.env.SW_TEST_SLACK_URL = 'https://hooks.slack.example/T000/B000/XXX';
    process.env.SW_TEST_SMTP_PASS = 'hunter2';
    const cfg = parseConfig(
      {
        ...base,
        alerts: {
          channels: [
            { name: 'a', type: 'webhook', url: 'https://example.org/a', secret: ref('SW_TEST_HOOK_SECRET') },
            { name: 'b', type: 'webhook', url: 'https://example.org/b', secretEnv: 'SW_TEST_HOOK_SECRET' },
            { name: 's', type: 'slack', urlEnv: 'SW_TEST_SLACK_URL' },
            {
              name: 'm',
              type: 'email',
              smtp: { host: 'smtp.example.org', user: 'bot', passEnv: 'SW_TEST_SMTP_PASS' },
              from: 'bot@example.org',
              to: 'desk@example.org',
            },
          ],
          delivery: { expireAfterMs: '2h', inlineRetryWindowMs: '3s' },
        },
      },
      'test.yaml',
    );
    const [a, b, s, m] = cfg.alerts.channels;
    expect(a).toMatchObject({ secret: 'whsec_ZW52LXNlY3JldA==' });
    expect(b).toMatchObject({ secret: 'whsec_ZW52LXNlY3JldA==' });
    expect(s).toMatchObject({ url: 'https://hooks.slack.example/T000/B000/XXX' });
    expect(m).toMatchObject({ smtp: { pass: 'hunter2', port: 587 }, to: ['desk@example.org'] });
    expect(cfg.alerts.delivery).toMatchObject({ expireAfterMs: 7_200_000, inlineRetryWindowMs: 3000 });
  });

  it('reports every problem with its path: unknown channels, missing env, bad secrets and values', () => {
    const found = problems({
      channels: [
        { name: 'desk', type: 'webhook', url: 'https://example.org/hook', secret: 'not-a-whsec' },
        { name: 'desk', type: 'slack', url: ref('SW_TEST_SLACK_URL') },
        { name: 'fax', type: 'fax' },
        {
          name: 'q',
          type: 'webhook',
          url: 'https://example.org/q',
          secretEnv: 'SW_TEST_HOOK_SECRET',
          quietHours: { start: '25:00', end: '07:00' },
        },
      ],
      rules: [
        { name: 'r', when: { drugs: ['cocaine', 'chalk'], minKg: -1 }, channels: ['desk', 'nowhere'] },
        { name: 'empty', channels: [] },
      ],
      delivery: { expireAfterMs: 'soon' },
    });
    const paths = found.map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'alerts.channels[0].secret',
        'alerts.channels[1].name',
        'alerts.channels[1].url',
        'alerts.channels[2].type',
        'alerts.channels[3].secretEnv',
        'alerts.channels[3].quietHours.start',
        'alerts.rules[0].when.drugs[1]',
        'alerts.rules[0].when.minKg',
        'alerts.rules[1].channels',
        'alerts.delivery.expireAfterMs',
      ]),
    );
    expect(found.find((p) => p.path === 'alerts.channels[1].url')!.message).toContain('SW_TEST_SLACK_URL');
    expect(found.find((p) => p.path === 'alerts.channels[3].secretEnv')!.message).toContain(
      'SW_TEST_HOOK_SECRET is not set',
    );
  });

  it('names unknown channels in rules, with the channels there are', () => {
    const found = problems({
      channels: [{ name: 'desk', type: 'webhook', url: 'https://example.org/hook' }],
      rules: [{ name: 'r', channels: ['desk', 'nowhere'] }],
    });
    expect(found).toEqual([
      { path: 'alerts.rules[0].channels[1]', message: 'unknown channel "nowhere" (channels: desk)' },
    ]);
  });
});
