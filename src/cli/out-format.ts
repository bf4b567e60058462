import { extname } from 'node:path';
import { UsageError } from '../errors.js';

// What a file's name says it holds. nuanxin writes .xlsx, never the old binary .xls.
const FORMAT_OF_EXTENSION: Record<string, string> = { '.xlsx': 'xlsx', '.xls': 'xls', '.csv': 'csv', '.json': 'json', '.md': 'md', '.html': 'html', '.htm': 'html' };

/** The format a file's name asks for, when it names one. */
export function formatOfPath(path: string): string | undefined {
  return FORMAT_OF_EXTENSION[extname(path).toLowerCase()];
}

/**
 * The output format, from --format/--json and the --out file's name agreeing:
 * with neither flag, a name ending in one of the `inferred` formats chooses it
 * (`--out 周报.xlsx` writes a workbook); a name that says another format than
 * the one asked for is refused (exit 2) — Excel will not open a CSV named
 * .xlsx, nor a workbook named .csv or .xls.
 */
export function outputFormat(flags: { format?: string; json?: boolean; out?: string }, props: { fallback: string; inferred: readonly string[] }): string {
  const asked = flags.json ? 'json' : flags.format;
  const named = flags.out ? formatOfPath(flags.out) : undefined;
  if (named === 'xls') throw new UsageError({ key: 'usage.out_xls', params: { out: flags.out! } });
  if (!asked) return named && props.inferred.includes(named) ? named : props.fallback;
  if (named && named !== asked) throw new UsageError({ key: 'usage.out_mismatch', params: { out: flags.out!, format: asked } });
  return asked;
}

/** A workbook's own --out (a sign-in sheet, a template, a rejects workbook): an .xlsx or a name with no format of its own. */
export function checkWorkbookName(path: string): void {
  const named = formatOfPath(path);
  if (named === 'xls') throw new UsageError({ key: 'usage.out_xls', params: { out: path } });
  if (named && named !== 'xlsx') throw new UsageError({ key: 'usage.out_mismatch', params: { out: path, format: 'xlsx' } });
}
