import { CancelledError, NuanxinError } from '../errors.js';
import type { Io } from './io.js';
import type { Translate } from './messages/index.js';

export type Choice<T extends string> = { name: string; value: T; checked?: boolean };

/** An answer's check: `true`, or why it cannot be taken (the question is asked again). */
export type Validate = (value: string) => true | string;

/** Questions for a clerk at a terminal; injected so tests can type the answers. */
export type Prompter = {
  input(props: { message: string; default?: string; required?: boolean; validate?: Validate }): Promise<string>;
  select<T extends string>(props: { message: string; choices: Choice<T>[] }): Promise<T>;
  checkbox<T extends string>(props: { message: string; choices: Choice<T>[] }): Promise<T[]>;
  confirm(props: { message: string; default?: boolean }): Promise<boolean>;
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

/**
 * A domain check as a prompt's validator: the rule that would refuse the
 * whole command refuses the one answer instead, in the same words, and the
 * clerk types it again without losing the answers before it.
 */
export function checkedBy(t: Translate, check: (value: string) => unknown): Validate {
  return (value) => {
    try {
      check(value);
      return true;
    } catch (error) {
      if (error instanceof NuanxinError) return t(error.key, error.params);
      throw error;
    }
  };
}

/** `required` and `validate` as one check (inquirer's own "required" message is English). */
function validation(t: Translate, props: { required?: boolean; validate?: Validate }): Validate {
  return (value) => {
    if (props.required && value.trim() === '') return t('prompt.required');
    return props.validate ? props.validate(value) : true;
  };
}

/** @inquirer/prompts bound to the injected streams and the run's language; prompts go to stderr so stdout stays clean. */
export function inquirerPrompter(io: Io, t: Translate): Prompter {
  const context = { input: io.stdin, output: io.stderr };
  const load = () => import('@inquirer/prompts');
  // The key hints under a list ("↑↓ navigate • ⏎ select") in the clerk's language.
  const keyName = (key: string) => (key === 'space' ? t('prompt.key.space') : key);
  const theme = { style: { keysHelpTip: (keys: [string, string][]) => keys.map(([key, act]) => `${keyName(key)} ${t(`prompt.key.${act}`)}`).join(' • ') } };
  return {
    input: (props) => guarded(async () => (await load()).input({ message: props.message, default: props.default, validate: validation(t, props) }, context)),
    select: (props) => guarded(async () => (await load()).select({ ...props, theme }, context)),
    checkbox: (props) => guarded(async () => (await load()).checkbox({ ...props, theme }, context)),
    confirm: (props) => guarded(async () => (await load()).confirm({ ...props, transformer: (yes: boolean) => t(yes ? 'prompt.yes' : 'prompt.no') }, context)),
  };
}

/**
 * A prompter that answers from a list, in order (for tests). An answer its
 * question's check refuses is recorded in `refused` and the next answer is
 * tried, as a clerk would type again.
 */
export function scriptedPrompter(answers: unknown[]): Prompter & { refused: string[] } {
  const refused: string[] = [];
  const next = async <T>(): Promise<T> => {
    if (answers.length === 0) throw new Error('scripted prompter ran out of answers');
    const answer = answers.shift();
    if (answer instanceof Error) throw answer;
    return answer as T;
  };
  return {
    refused,
    async input(props) {
      for (;;) {
        const answer = await next<string>();
        const verdict = props.required && answer.trim() === '' ? 'required' : props.validate ? props.validate(answer) : true;
        if (verdict === true) return answer;
        refused.push(verdict);
      }
    },
    select: next,
    checkbox: next,
    confirm: next,
  };
}
