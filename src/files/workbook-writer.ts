import { createRequire } from 'node:module';
import { once } from 'node:events';
import { PassThrough, type Writable } from 'node:stream';

// exceljs writes the .xlsx files (styles, frozen panes, drop-downs, print set-up, and a
// streaming writer for a million-row export); loaded only when a workbook is written.
type ExcelJs = typeof import('exceljs');
type Worksheet = import('exceljs').Worksheet;

/** A value as a cell: numbers stay numbers, ISO dates become date cells, the rest is text. */
export type CellValue = string | number | boolean | null | undefined | Date | FormattedNumber;
/** A number shown in a format of its own (an amount as 0.00, a rate as 0%). */
export type FormattedNumber = { value: number; numFmt: string };

export type SheetSpec = {
  name: string;
  /** Lines above the header: the first is the title (bold, merged across the columns). */
  title?: string[];
  /** Or rows above the header as they were (a rejects file keeps its input's title rows). */
  above?: CellValue[][];
  headers: string[];
  rows: Iterable<CellValue[]> | AsyncIterable<CellValue[]>;
  /** More tables under the first (a report section's lists), each with a bold title and header row. */
  tables?: { title: string; headers: string[]; rows: CellValue[][] }[];
  /** Column widths in characters; by default measured from the header and the first rows. */
  widths?: number[];
  /** Drop-down lists: the column (0-based) and the values offered, over `rowsWithLists` rows. */
  lists?: { column: number; values: string[] }[];
  rowsWithLists?: number;
  /** Printed on A4 with the header repeated on every page. */
  print?: { landscape?: boolean };
  /** Columns (0-based) in the Text format: a phone or ID number typed there keeps every digit. */
  textColumns?: number[];
  /** Row height for hand-written rows (a sign-in sheet's signature column needs room). */
  rowHeight?: number;
};

/** Excel runs text that starts with = + - @ as a formula once edited; plain numbers are safe. */
export function neutraliseFormula(text: string): string {
  if (/^[=+\-@\t\r]/.test(text) && !/^[+-]?\d+(\.\d+)?$/.test(text)) return `'${text}`;
  return text;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const FORMULA_LIKE = /^[=+\-@\t\r]/;
const AMOUNT = /^-?\d{1,12}\.(\d{1,4})$/;
const RATE = /^(-?\d{1,3}(?:\.(\d{1,2}))?)%$/;

/**
 * Text a list or report shows as a figure (an amount "299.00", a rate "92%"),
 * as the number it is, in the same format; anything else (codes, masked
 * phones, whole numbers that may be phone or ID numbers) stays text.
 */
export function figureCell(text: string): CellValue {
  const amount = AMOUNT.exec(text);
  if (amount) return { value: Number(text), numFmt: `0.${'0'.repeat(amount[1]!.length)}` };
  const rate = RATE.exec(text);
  if (rate) return { value: Number(rate[1]) / 100, numFmt: rate[2] ? `0.${'0'.repeat(rate[2].length)}%` : '0%' };
  return text;
}

/**
 * A cell's value as exceljs writes it, and its number format. Text is never a
 * formula in a workbook, but Excel would make one of `=…` once the clerk
 * edits the cell: such text is written as is, in the Text format (@), which
 * keeps it text when edited — no apostrophe added to the data itself.
 */
function cellValue(value: CellValue): { value: string | number | Date | null; numFmt?: string } {
  if (value === null || value === undefined || value === '') return { value: null };
  if (typeof value === 'number') return { value: Number.isFinite(value) ? value : String(value) };
  if (typeof value === 'boolean') return { value: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) return { value, numFmt: 'yyyy-mm-dd' };
  if (typeof value === 'object') return { value: value.value, numFmt: value.numFmt };
  const date = ISO_DATE.exec(value);
  // A business date is a calendar day: written as UTC midnight, Excel shows that very day.
  if (date) return { value: new Date(Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3]))), numFmt: 'yyyy-mm-dd' };
  return FORMULA_LIKE.test(value) && !/^[+-]?\d+(\.\d+)?$/.test(value) ? { value, numFmt: '@' } : { value };
}

/** Adds one row of cells, each with its number format; the caller styles and commits it. */
function putRow(sheet: Worksheet, values: CellValue[]) {
  const cells = values.map(cellValue);
  const row = sheet.addRow(cells.map((c) => c.value));
  cells.forEach((c, i) => {
    if (c.numFmt) row.getCell(i + 1).numFmt = c.numFmt;
  });
  return row;
}

/** Width in Excel's character units: a Chinese character takes two. */
function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3ffff}]/u.test(ch) ? 2 : 1;
  return width;
}

const MEASURED_ROWS = 200;

/** The header to measure: as many columns as the widest table of the sheet. */
function widest(headers: string[], tables: SheetSpec['tables']): string[] {
  const columns = Math.max(headers.length, ...(tables ?? []).map((t) => t.headers.length));
  return Array.from({ length: columns }, (_, i) => headers[i] ?? '');
}

function measuredWidths(headers: string[], sample: CellValue[][]): number[] {
  return headers.map((header, i) => {
    let widest = textWidth(header) + 2;
    for (const row of sample) {
      const v = row[i];
      const shown = v instanceof Date || (typeof v === 'string' && ISO_DATE.test(v)) ? '2026-01-01' : v === null || v === undefined ? '' : String(v);
      widest = Math.max(widest, textWidth(shown) + 2);
    }
    return Math.min(Math.max(widest, 8), 60);
  });
}

// required, not import()ed: the CLI bundle runs from a V8 code cache, where a dynamic import has no loader.
async function loadExcelJs(): Promise<ExcelJs> {
  return createRequire(import.meta.url)('exceljs') as ExcelJs;
}

/** Column letters of a 1-based column number (1 → A, 27 → AA). */
function columnLetter(n: number): string {
  let out = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) out = String.fromCharCode(65 + ((k - 1) % 26)) + out;
  return out;
}

/**
 * Writes the sheets to `out` as one .xlsx, streaming row by row (a million
 * rows stay in bounded memory): a bold header row frozen under its title,
 * widths for Chinese text, number and date cells kept as such.
 */
export async function writeWorkbook(out: Writable, sheets: SheetSpec[]): Promise<void> {
  const ExcelJS = await loadExcelJs();
  // exceljs ends the stream it is given; `out` belongs to the caller (an atomic file, stdout), so it gets the bytes only.
  const zip = new PassThrough();
  const forwarded = (async () => {
    for await (const chunk of zip) if (!out.write(chunk)) await once(out, 'drain');
  })();
  forwarded.catch(() => undefined);
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: zip, useStyles: true, useSharedStrings: false });
  book.creator = 'nuanxin';
  let listSheet: Worksheet | undefined;
  let listColumn = 0;
  for (const spec of sheets) {
    const titleRows = (spec.title?.length ?? 0) + (spec.above?.length ?? 0);
    const headerRow = titleRows + 1;
    const sheet = book.addWorksheet(safeSheetName(spec.name, book), {
      views: [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }],
      pageSetup: spec.print
        ? {
            paperSize: 9,
            orientation: spec.print.landscape ? 'landscape' : 'portrait',
            fitToPage: true,
            fitToWidth: 1,
            fitToHeight: 0,
            printTitlesRow: `${headerRow}:${headerRow}`,
            horizontalCentered: true,
          }
        : undefined,
    });
    const iterator = iterate(spec.rows);
    const sample: CellValue[][] = [];
    while (sample.length < MEASURED_ROWS) {
      const next = await iterator.next();
      if (next.done) break;
      sample.push(next.value);
    }
    const widths =
      spec.widths ?? measuredWidths(widest(spec.headers, spec.tables), [...sample, ...(spec.tables ?? []).flatMap((t) => [t.headers, ...t.rows.slice(0, MEASURED_ROWS)])]);
    sheet.columns = widths.map((width, i) => (spec.textColumns?.includes(i) ? { width, style: { numFmt: '@' } } : { width }));
    writeTitle(sheet, spec);
    writeAbove(sheet, spec);
    const header = putRow(sheet, spec.headers);
    header.font = { bold: true };
    header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    header.commit();
    const addRow = (values: CellValue[]) => {
      const row = putRow(sheet, values);
      if (spec.rowHeight) row.height = spec.rowHeight;
      row.commit();
    };
    for (const values of sample) addRow(values);
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) addRow(next.value);
    for (const table of spec.tables ?? []) {
      sheet.addRow([]).commit();
      const title = putRow(sheet, [table.title]);
      title.font = { bold: true };
      title.commit();
      const head = putRow(sheet, table.headers);
      head.font = { bold: true };
      head.commit();
      for (const values of table.rows) addRow(values);
    }
    if (spec.lists?.length) {
      listSheet ??= book.addWorksheet('选项', { state: 'veryHidden' });
      for (const list of spec.lists) {
        listColumn += 1;
        list.values.forEach((value, i) => {
          listSheet!.getCell(i + 1, listColumn).value = value;
        });
        const letter = columnLetter(list.column + 1);
        const range = `${letter}${headerRow + 1}:${letter}${headerRow + (spec.rowsWithLists ?? 500)}`;
        const source = `'选项'!$${columnLetter(listColumn)}$1:$${columnLetter(listColumn)}$${Math.max(list.values.length, 1)}`;
        (sheet as unknown as { dataValidations: { add(range: string, rule: object): void } }).dataValidations.add(range, {
          type: 'list',
          allowBlank: true,
          formulae: [source],
          showErrorMessage: false,
        });
      }
    }
    sheet.commit();
  }
  listSheet?.commit();
  await book.commit();
  await forwarded;
}

function writeTitle(sheet: Worksheet, spec: SheetSpec): void {
  (spec.title ?? []).forEach((line, i) => {
    const row = putRow(sheet, [line]);
    if (i === 0) {
      row.font = { bold: true, size: 14 };
      row.alignment = { horizontal: 'center', vertical: 'middle' };
      row.height = 24;
    }
    // Merged before the row is committed: a streamed row cannot be touched after.
    if (i === 0 && spec.headers.length > 1) sheet.mergeCells(1, 1, 1, spec.headers.length);
    row.commit();
  });
}

/**
 * Rows above the header kept as they were (a rejects file's title lines): a
 * first row holding one cell is the title, bold and merged across, as it was.
 */
function writeAbove(sheet: Worksheet, spec: SheetSpec): void {
  (spec.above ?? []).forEach((values, i) => {
    const row = putRow(sheet, values);
    const title = i === 0 && values.slice(1).every((v) => v === null || v === undefined || v === '');
    if (title && spec.headers.length > 1) {
      row.font = { bold: true, size: 14 };
      row.alignment = { horizontal: 'center', vertical: 'middle' };
      sheet.mergeCells(row.number, 1, row.number, spec.headers.length);
    }
    row.commit();
  });
}

/** Excel allows 31 characters and none of : \ / ? * [ ] in a sheet's name, and no two alike. */
function safeSheetName(name: string, book: { getWorksheet(name: string): unknown }): string {
  const clean = name.replace(/[:\\/?*[\]]/g, ' ').trim();
  // Cut at a word where there are words ("8. Rider-friendly communities", not "… communities (").
  const base = (clean.length > 31 ? /^(.{1,31})\s/su.exec(clean)?.[1]?.trim() || clean.slice(0, 31) : clean) || 'Sheet';
  let candidate = base;
  for (let n = 2; book.getWorksheet(candidate); n++) candidate = `${base.slice(0, 28)} (${n})`;
  return candidate;
}

function iterate<T>(rows: Iterable<T> | AsyncIterable<T>): AsyncIterator<T> | Iterator<T> {
  return Symbol.asyncIterator in rows ? (rows as AsyncIterable<T>)[Symbol.asyncIterator]() : (rows as Iterable<T>)[Symbol.iterator]();
}
