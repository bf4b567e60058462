import { Option, type Command } from 'commander';
import type { CommandEnv } from '../command.js';
import type { Translate } from '../messages/index.js';
import { maskPersonalText } from '../../domain/privacy.js';
import { outputFormat } from '../out-format.js';
import { writeWorkbookOutput } from '../workbook-out.js';
import { MODE_REPORT, put, writeAtomically } from '../../files/output-file.js';

export const REPORT_FORMATS = ['table', 'json', 'csv', 'md', 'html', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function reportOptions(cmd: Command, t: Translate, formats: readonly string[] = REPORT_FORMATS): Command {
  return cmd
    .addOption(
      new Option(
        '--format <format>',
        formats.length === REPORT_FORMATS.length ? t('opt.report_format') : t('opt.format_of', { formats: formats.join(t('list.separator')) }),
      ).choices(formats),
    )
    .option('--json', t('opt.json'))
    .option('--out <file>', t('opt.report_out'));
}

/** --format, or what --out's name says (`--out 周报.xlsx`), else a table; a name at odds with --format is refused (exit 2). */
export function reportFormat(opts: { format?: string; json?: boolean; out?: string }): ReportFormat {
  return outputFormat(opts, { fallback: 'table', inferred: ['xlsx', 'csv', 'json', 'md'] }) as ReportFormat;
}

/**
 * To stdout, or atomically to --out (temp file, then rename: a half-written
 * report is never picked up). A workbook (bytes, its cells masked when made)
 * goes to a file or a redirected stdout, never to a terminal.
 */
export async function emitReport(env: CommandEnv, out: string | undefined, content: string | Buffer): Promise<void> {
  if (Buffer.isBuffer(content)) {
    await writeWorkbookOutput(env, out, (stream) => put(stream, content), { mode: MODE_REPORT, noteKey: 'report.written' });
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
