import { writeFile, rename } from 'node:fs/promises';
import { stringify } from 'csv-stringify/sync';
import { encodeLike, type FileInfo } from './decode.js';

/**
 * The rejected rows with their original cells plus a reason column, in the
 * input's encoding and delimiter, so the clerk can fix them in Excel and
 * import the file again. Written to a temp file, then renamed.
 */
export async function writeRejects(
  path: string,
  info: Pick<FileInfo, 'encoding' | 'bom' | 'delimiter'>,
  header: string[],
  rows: { row: number; cells: string[]; reason: string }[],
  labels: { row: string; reason: string },
): Promise<void> {
  const records = [[...header, labels.row, labels.reason], ...rows.map((r) => [...padded(r.cells, header.length), String(r.row), r.reason])];
  const text = stringify(records, { delimiter: info.delimiter, record_delimiter: '\r\n' });
  const temp = `${path}.partial-${process.pid}`;
  await writeFile(temp, encodeLike(info, text), { mode: 0o600 });
  await rename(temp, path);
}

/** A short row is padded so the row and reason columns line up in Excel. */
function padded(cells: string[], length: number): string[] {
  return cells.length >= length ? cells : [...cells, ...Array<string>(length - cells.length).fill('')];
}
