/**
 * Checks shared by the config sections (kept apart from src/config.ts, which imports the
 * sections and so cannot be imported by them).
 */
import type { z } from 'zod';

/**
 * Report every repeated `key` value in `items` (a list at `listPath`) as an issue on the repeat,
 * naming where it first stood. Items without a string `key` are skipped (their own schema reports
 * them). Returns each value's first index.
 */
export function checkUnique(
  items: readonly unknown[],
  key: string,
  listPath: string,
  label: string,
  ctx: z.RefinementCtx,
): Map<string, number> {
  const first = new Map<string, number>();
  items.forEach((item, i) => {
    const value = item && typeof item === 'object' ? (item as Record<string, unknown>)[key] : undefined;
    if (typeof value !== 'string') return;
    const at = first.get(value);
    if (at !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: [listPath, i, key],
        message: `duplicate ${label} "${value}" (first at ${listPath}[${at}])`,
      });
    } else first.set(value, i);
  });
  return first;
}
