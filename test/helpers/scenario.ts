import type { Ctx } from '../../src/domain/context.js';
import { NuanxinError } from '../../src/errors.js';

/**
 * A scenario's record: each step's name beside what it returned ('done' for nothing) or, when the
 * rules refused it, the refusal's key, kind, parameters, hint and the vocabulary its parameters are
 * translated from (terms). Anything else is a failure.
 */
export function scenarioRecorder() {
  const steps: [string, unknown][] = [];
  const step = async (name: string, run: () => Promise<unknown> | unknown) => {
    try {
      steps.push([name, (await run()) ?? 'done']);
    } catch (error) {
      if (!(error instanceof NuanxinError)) throw error;
      const terms = error.terms ? { terms: error.terms } : {};
      steps.push([name, { refused: error.key, kind: error.kind, params: error.params, hint: error.hintKey ?? null, ...terms }]);
    }
  };
  return { steps, step };
}

/** The same district on another business day (the instant stays put). */
export function onDay(ctx: Ctx, today: string): Ctx {
  return { ...ctx, clock: { ...ctx.clock, today: () => today } };
}

/** The same district with a clock that throws `fault`: a failure that is not a row's, which an import must stop on. */
export function failingClock(ctx: Ctx, fault: Error): Ctx {
  return {
    ...ctx,
    clock: {
      ...ctx.clock,
      today: () => {
        throw fault;
      },
    },
  };
}
