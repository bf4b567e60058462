import { NuanxinError } from '../../src/errors.js';
import { RowRejection } from '../../src/import/parse-records.js';

export type Refusal = { key: string; params: unknown; hint?: string; terms?: unknown };

/**
 * What a call was refused with — the key, parameters, hint and terms a clerk's message is made
 * from — or 'accepted'. Any other error is not a refusal: it fails the test.
 */
export async function refusalOf(run: () => Promise<unknown> | unknown): Promise<Refusal | 'accepted'> {
  try {
    await run();
    return 'accepted';
  } catch (error) {
    if (error instanceof NuanxinError) {
      return { key: error.key, params: error.params, ...(error.hintKey ? { hint: error.hintKey } : {}), ...(error.terms ? { terms: error.terms } : {}) };
    }
    if (error instanceof RowRejection) return { key: error.reason.key, params: error.reason.params, ...(error.reason.terms ? { terms: error.reason.terms } : {}) };
    throw error;
  }
}
