import { stringify } from 'csv-stringify/sync';
import { put, writeAtomically, type OutputGuard } from '../files/output-file.js';
import { encodeLike, type FileInfo } from './decode.js';

/**
 * The rejected rows with their original cells plus a reason column, in the
 * input's encoding and delimiter, so the clerk can fix them in Excel and
 * import the file again. Written atomically, mode 0600 (rows hold personal
 * data), never over the input itself or the database (see `guard`).
 */
export async function writeRejects(
  path: string,
  info: Pick<FileInfo, 'encoding' | 'bom' | 'delimiter' | 'path'>,
  header: string[],
  rows: { row: number; cells: string[]; reason: string }[],
  labels: { row: string; reason: string },
  guard: OutputGuard,
): Promise<void> {
  const records = [[...header, labels.row, labels.reason], ...rows.map((r) => [...padded(r.cells, header.length), String(r.row), r.reason])];
  const text = stringify(records, { delimiter: info.delimiter, record_delimiter: '\r\n' });
  await writeAtomically(path, (out) => put(out, encodeLike(info, text)), { protect: [...guard.protect, info.path] });
}

/** A short row is padded so the row and reason columns line up in Excel. */
function padded(cells: string[], length: number): string[] {
  // Stryker disable next-line EqualityOperator: a row of exactly `length` cells padded with none is the same row
  return cells.length >= length ? cells : [...cells, ...Array<string>(length - cells.length).fill('')];
}

/**
 * The rejects of a workbook as a workbook: the rows above its header (title,
 * date line), the header, then each refused row as read plus 行号/原因 — fix
 * the cells in Excel and import the file again.
 */
export async function writeRejectsWorkbook(
  path: string,
  input: { path: string; sheet: string },
  layout: { header: string[]; preamble: string[][] },
  rows: { row: number; cells: string[]; reason: string }[],
  labels: { row: string; reason: string },
  guard: OutputGuard,
): Promise<void> {
  const { writeWorkbook } = await import('../files/workbook-writer.js');
  const { header, preamble } = layout;
  const sheet = {
    name: input.sheet,
    above: preamble,
    headers: [...header, labels.row, labels.reason],
    rows: rows.map((r) => [...padded(r.cells, header.length), r.row, r.reason]),
  };
  await writeAtomically(path, (out) => writeWorkbook(out, [sheet]), { protect: [...guard.protect, input.path] });
}
