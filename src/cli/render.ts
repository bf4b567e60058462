import type { Io } from './io.js';

export type Format = 'table' | 'json' | 'csv' | 'md' | 'xlsx';
export const FORMATS: readonly Format[] = ['table', 'json', 'csv', 'md', 'xlsx'];

/** A column: `value` is what JSON holds (codes stay codes); `shown`, when given, is what a person reads. */
export type Column<T> = { key: string; header: string; value: (row: T) => unknown; shown?: (row: T) => unknown };

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join(',');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export { neutraliseFormula } from '../files/workbook-writer.js';
import { figureCell, neutraliseFormula, type CellValue } from '../files/workbook-writer.js';

export function writeJson(io: Io, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** CSV for Excel: UTF-8 with BOM, CRLF, formula-injection safe. */
export async function toCsv(headers: string[], rows: string[][]): Promise<string> {
  const { stringify } = await import('csv-stringify/sync');
  const body = stringify([headers, ...rows.map((r) => r.map(neutraliseFormula))], { record_delimiter: '\r\n' });
  return `\uFEFF${body}`;
}

/** A cell's text as Markdown shows it: a pipe cannot end the cell, and a name like `<img onerror=…>` stays text. */
function escapeMd(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

export function toMarkdown(headers: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map(escapeMd).join(' | ')} |`;
  return `${[line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n')}\n`;
}

/** A terminal table (cli-table3 measures CJK characters as double width). */
export async function toTable(headers: string[], rows: string[][]): Promise<string> {
  const { default: Table } = await import('cli-table3');
  // No rule between body rows: compact enough for long reports, still aligned for CJK.
  const table = new Table({ head: headers, style: { head: [], border: [] }, chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' } });
  table.push(...rows);
  return `${table.toString()}\n`;
}

/** Piped output: tab-separated with a header line, for grep/cut/awk. */
export function toTsv(headers: string[], rows: string[][]): string {
  const clean = (s: string) => s.replace(/[\t\r\n]+/g, ' ');
  return `${[headers, ...rows].map((r) => r.map(clean).join('\t')).join('\n')}\n`;
}

/** Renders a list in the chosen format; "table" becomes TSV when stdout is not a TTY. */
export async function renderRows<T>(io: Io, format: Format, columns: Column<NoInfer<T>>[], rows: T[]): Promise<void> {
  if (format === 'json') {
    writeJson(
      io,
      rows.map((row) => Object.fromEntries(columns.map((c) => [c.key, c.value(row) ?? null]))),
    );
    return;
  }
  const headers = columns.map((c) => c.header);
  if (format === 'xlsx') {
    addSheet(
      io,
      headers,
      rows.map((row) => columns.map((c) => (c.shown ?? c.value)(row))),
    );
    return;
  }
  const cells = rows.map((row) => columns.map((c) => cellText((c.shown ?? c.value)(row))));
  if (format === 'csv') io.stdout.write(await toCsv(headers, cells));
  else if (format === 'md') io.stdout.write(toMarkdown(headers, cells));
  else if (io.stdout.isTTY) io.stdout.write(rows.length ? await toTable(headers, cells) : '');
  else io.stdout.write(toTsv(headers, cells));
}

/**
 * A list as a sheet of the workbook `--format xlsx` writes: numbers stay
 * numbers (dates become date cells in the writer), text is masked as on stdout.
 */
function addSheet(io: Io, headers: string[], rows: unknown[][]): void {
  const book = io.workbook;
  // The format is offered only where action() collects a workbook: reaching here without one is a bug.
  if (!book) throw new Error('--format xlsx without a workbook to write');
  const typed = (value: unknown): CellValue => {
    if (typeof value === 'number') return value;
    const text = cellText(value);
    return text === '' ? null : figureCell(book.cell(text));
  };
  book.sheets.push({ name: book.sheets.length ? `${book.sheetName} ${book.sheets.length + 1}` : book.sheetName, headers, rows: rows.map((r) => r.map(typed)) });
}

/** One record as "label: value" lines (or its JSON). */
/** A titled table under a record (`worker show`, `unit show`): nothing at all when it has no rows. */
export async function renderTitledTable(io: Io, title: string, headers: string[], rows: unknown[][]): Promise<void> {
  if (rows.length === 0) return;
  io.stdout.write(`\n${title}\n`);
  await renderRows(
    io,
    'table',
    headers.map((h, i) => ({ key: String(i), header: h, value: (r: unknown[]) => r[i] })),
    rows,
  );
}

export function renderRecord(io: Io, format: Format, record: object, fields: [string, unknown][]): void {
  if (format === 'json') {
    writeJson(io, record);
    return;
  }
  if (format === 'xlsx') {
    // One record is one row under its labels, as a roster row is.
    addSheet(
      io,
      fields.map(([label]) => label),
      [fields.map(([, value]) => value)],
    );
    return;
  }
  const width = Math.max(...fields.map(([label]) => displayWidth(label)));
  for (const [label, value] of fields) {
    io.stdout.write(`${label}${' '.repeat(width - displayWidth(label))}  ${cellText(value)}\n`);
  }
}

/** Width in terminal columns: CJK and full-width characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    width +=
      code >= 0x1100 &&
      (code <= 0x115f ||
        (code >= 0x2e80 && code <= 0xa4cf) ||
        (code >= 0xac00 && code <= 0xd7a3) ||
        (code >= 0xf900 && code <= 0xfaff) ||
        (code >= 0xfe30 && code <= 0xfe4f) ||
        (code >= 0xff00 && code <= 0xff60) ||
        (code >= 0xffe0 && code <= 0xffe6) ||
        code >= 0x20000)
        ? 2
        : 1;
  }
  return width;
}
