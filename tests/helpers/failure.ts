import { expect } from 'vitest';
import { SeizurewatchError } from '../../src/errors.ts';

/** The typed error a promise rejects with (fails the test when it resolves or throws another kind). */
export async function failure(p: Promise<unknown>): Promise<SeizurewatchError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err, 'expected a typed error').toBeInstanceOf(SeizurewatchError);
  return err as SeizurewatchError;
}
