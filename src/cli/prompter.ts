import { CancelledError } from '../errors.js';
import type { Io } from './io.js';

export type Choice<T extends string> = { name: string; value: T; checked?: boolean };

/** Questions for a clerk at a terminal; injected so tests can type the answers. */
export type Prompter = {
  input(props: { message: string; default?: string; required?: boolean }): Promise<string>;
  select<T extends string>(props: { message: string; choices: Choice<T>[] }): Promise<T>;
  checkbox<T extends string>(props: { message: string; choices: Choice<T>[] }): Promise<T[]>;
};

/** Ctrl-C at a prompt is a clean cancel (exit 130), not a crash. */
async function guarded<T>(ask: () => Promise<T>): Promise<T> {
  try {
    return await ask();
  } catch (error) {
    if ((error as Error)?.name === 'ExitPromptError' || (error as Error)?.name === 'AbortPromptError') throw new CancelledError();
    throw error;
  }
}

/** @inquirer/prompts bound to the injected streams; prompts go to stderr so stdout stays clean. */
export function inquirerPrompter(io: Io): Prompter {
  const context = { input: io.stdin, output: io.stderr };
  const load = () => import('@inquirer/prompts');
  return {
    input: (props) => guarded(async () => (await load()).input(props, context)),
    select: (props) => guarded(async () => (await load()).select(props, context)),
    checkbox: (props) => guarded(async () => (await load()).checkbox(props, context)),
  };
}

/** A prompter that answers from a list, in order (for tests). */
export function scriptedPrompter(answers: unknown[]): Prompter {
  const next = async <T>(): Promise<T> => {
    if (answers.length === 0) throw new Error('scripted prompter ran out of answers');
    const answer = answers.shift();
    if (answer instanceof Error) throw answer;
    return answer as T;
  };
  return { input: next, select: next, checkbox: next };
}
