import { Option, type Command } from 'commander';
import type { CommandEnv } from '../command.js';
import type { Translate } from '../messages/index.js';
import { maskPersonalText } from '../../domain/privacy.js';
import { UsageError } from '../../errors.js';
import { rawStream } from '../output-guard.js';
import { MODE_REPORT, put, writeAtomically } from '../../files/output-file.js';

export const REPORT_FORMATS = ['table', 'json', 'csv', 'md', 'html', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function reportOptions(cmd: Command, t: Translate, formats: readonly string[] = REPORT_FORMATS): Command {
  return cmd
    .addOption(
      new Option('--format <format>', formats.length === REPORT_FORMATS.length ? t('opt.report_format') : t('opt.format_of', { formats: formats.join(t('list.separator')) }))
        .choices(formats)
        .default('table'),
    )
    .option('--json', t('opt.json'))
    .option('--out <file>', t('opt.report_out'));
}

export function reportFormat(opts: { format?: string; json?: boolean }): ReportFormat {
  return opts.json ? 'json' : ((opts.format ?? 'table') as ReportFormat);
}

/**
 * To stdout, or atomically to --out (temp file, then rename: a half-written
 * report is never picked up). A workbook (bytes, its cells masked when made)
 * goes to a file or a redirected stdout, never to a terminal.
 */
export async function emitReport(env: CommandEnv, out: string | undefined, content: string | Buffer): Promise<void> {
  if (Buffer.isBuffer(content)) {
    if (!out && env.io.stdout.isTTY) throw new UsageError({ key: 'usage.xlsx_needs_out' });
    if (!out) {
      await put(rawStream(env.io.stdout), content);
      return;
    }
    await writeAtomically(out, (stream) => put(stream, content), { ...env.outputGuard(), mode: MODE_REPORT });
    env.note(env.t('report.written', { path: out }));
    return;
  }
  if (!out) {
    env.io.stdout.write(content);
    return;
  }
  // A file gets what stdout would: phone and ID numbers in any text masked (reports have no --reveal).
  await writeAtomically(
    out,
    async (stream) => {
      await put(stream, maskPersonalText(content));
    },
    { ...env.outputGuard(), mode: MODE_REPORT },
  );
  env.note(env.t('report.written', { path: out }));
}
