// Workbooks for tests: written with exceljs (cell types set by hand, as a clerk's Excel would
// store them) and read back with SheetJS, the library the imports use.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
export const XLSX = require('@e965/xlsx') as typeof import('@e965/xlsx');
const ExcelJS = require('exceljs') as typeof import('exceljs');

export type Cell = string | number | Date | null | { value: number; format: string } | { formula: string; result: string | number };

/** Writes one sheet per entry; `merge` spans the first row's cell over the given columns. */
export async function writeXlsx(path: string, sheets: { name: string; rows: Cell[][]; merge?: string[]; hidden?: boolean }[]): Promise<void> {
  const book = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const sheet = book.addWorksheet(spec.name, spec.hidden ? { state: 'hidden' } : {});
    spec.rows.forEach((cells, r) => {
      cells.forEach((cell, c) => {
        if (cell === null) return;
        const target = sheet.getCell(r + 1, c + 1);
        if (typeof cell === 'object' && 'format' in cell) {
          target.value = cell.value;
          target.numFmt = cell.format;
        } else if (cell instanceof Date) {
          target.value = cell;
          target.numFmt = 'yyyy/m/d';
        } else target.value = cell as never;
      });
    });
    for (const range of spec.merge ?? []) sheet.mergeCells(range);
  }
  await book.xlsx.writeFile(path);
}

export type ReadSheet = { name: string; rows: unknown[][]; cells: Record<string, import('@e965/xlsx').CellObject>; sheet: import('@e965/xlsx').WorkSheet };

/** Every sheet's rows (raw values: numbers stay numbers, date cells as Date) and its cells by address. */
export function readXlsx(path: string): { sheets: ReadSheet[]; book: import('@e965/xlsx').WorkBook } {
  const book = XLSX.read(readFileSync(path), { type: 'buffer', cellNF: true, cellDates: true, cellStyles: true });
  const sheets = book.SheetNames.map((name) => {
    const sheet = book.Sheets[name]!;
    return { name, sheet, cells: sheet as never, rows: XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true, defval: null }) };
  });
  return { sheets, book };
}

/** One part of the package (a sheet's XML, styles) as text: what no reader's model exposes (panes, validations, print set-up). */
export function packagePart(path: string, part: string): string {
  const zip = XLSX.CFB.read(readFileSync(path), { type: 'buffer' });
  const entry = XLSX.CFB.find(zip, `/${part}`);
  if (!entry?.content) throw new Error(`${part} not in ${path}`);
  return Buffer.from(entry.content as Uint8Array).toString('utf8');
}
