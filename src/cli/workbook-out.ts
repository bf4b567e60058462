import type { Writable } from 'node:stream';
import { UsageError } from '../errors.js';
import { MODE_PERSONAL, checkOutputTarget, writeAtomically } from '../files/output-file.js';
import type { SheetSpec } from '../files/workbook-writer.js';
import type { CommandEnv } from './command.js';
import type { OutStream } from './io.js';
import { rawStream } from './output-guard.js';
import { checkWorkbookName } from './out-format.js';

/** A workbook is bytes: to a file or a redirected stdout, never shown on a terminal (exit 2). */
export function refuseWorkbookOnTerminal(stdout: OutStream, out: string | undefined): void {
  if (!out && stdout.isTTY) throw new UsageError({ key: 'usage.xlsx_needs_out' });
}

/**
 * A workbook's bytes to `--out` (atomically, with `mode`) or past the text
 * guard to a redirected stdout (the cells were masked as they were made).
 */
export async function writeWorkbookOutput(
  env: CommandEnv,
  out: string | undefined,
  write: (stream: Writable) => Promise<void>,
  props: { mode: number; noteKey: string },
): Promise<void> {
  refuseWorkbookOnTerminal(env.io.stdout, out);
  if (!out) {
    await write(rawStream(env.io.stdout));
    return;
  }
  await writeAtomically(out, write, { ...env.outputGuard(), mode: props.mode });
  env.note(env.t(props.noteKey, { path: out }));
}

/** A printable form (sign-in sheet, roster template): an .xlsx name, or a redirected stdout. */
export async function saveWorkbook(env: CommandEnv, out: string | undefined, sheets: SheetSpec[]): Promise<void> {
  refuseWorkbookOnTerminal(env.io.stdout, out);
  if (out) {
    checkWorkbookName(out);
    checkOutputTarget(out, env.outputGuard());
  }
  const { writeWorkbook } = await import('../files/workbook-writer.js');
  await writeWorkbookOutput(env, out, (stream) => writeWorkbook(stream, sheets), { mode: MODE_PERSONAL, noteKey: 'list.written' });
}
