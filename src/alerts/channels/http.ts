/** POST a JSON body and classify the answer: 2xx delivered; 408, 429, 5xx and network errors retryable; other statuses final. */
import { DeliveryError } from '../../errors.ts';

export interface HttpOutcome {
  status: number;
  detail: string;
}

/** Retry-After as milliseconds (seconds or an HTTP date), or null. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, at - now) : null;
}

export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

export async function postJson(
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
  channel: string,
): Promise<HttpOutcome> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'seizurewatch-alerts', ...headers },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (cause) {
    const timeout = (cause as Error)?.name === 'TimeoutError';
    throw new DeliveryError(
      `${channel}: ${timeout ? 'timed out' : 'request failed'}: ${(cause as Error).message}`,
      {
        cause,
        retryable: true,
        details: { channel, status: null },
      },
    );
  }
  const text = (await res.text().catch(() => '')).slice(0, 300);
  if (res.status >= 200 && res.status < 300) return { status: res.status, detail: text };
  const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'));
  throw new DeliveryError(`${channel}: receiver answered ${res.status}${text ? `: ${text}` : ''}`, {
    retryable: isRetryableStatus(res.status),
    details: { channel, status: res.status, retryAfterMs },
  });
}
