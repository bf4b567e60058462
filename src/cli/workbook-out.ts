import type { Writable } from 'node:stream';
import { UsageError } from '../errors.js';
import { MODE_PERSONAL, checkOutputTarget, writeAtomically } from '../files/output-file.js';
import type { SheetSpec } from '../files/workbook-writer.js';
import type { CommandEnv } from './command.js';
import { rawStream } from './output-guard.js';
import { checkWorkbookName } from './out-format.js';

/**
 * A printable form (sign-in sheet, roster template) to `--out FILE`, or to a
 * redirected stdout; a terminal would show bytes, so there it is a usage error.
 */
export async function saveWorkbook(env: CommandEnv, out: string | undefined, sheets: SheetSpec[]): Promise<void> {
  if (!out && env.io.stdout.isTTY) throw new UsageError({ key: 'usage.xlsx_needs_out' });
  if (out) {
    checkWorkbookName(out);
    checkOutputTarget(out, env.outputGuard());
  }
  const { writeWorkbook } = await import('../files/workbook-writer.js');
  const write = (stream: Writable) => writeWorkbook(stream, sheets);
  if (!out) {
    await write(rawStream(env.io.stdout));
    return;
  }
  await writeAtomically(out, write, { ...env.outputGuard(), mode: MODE_PERSONAL });
  env.note(env.t('list.written', { path: out }));
}
