import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { ValidationError } from '../errors.js';
import { HEADER_SCAN_ROWS } from './headers.js';
import type { FileMeta, RawRecord, RecordBatch, SheetChoice } from './records.js';

// SheetJS (the community edition, published as @e965/xlsx) reads both .xlsx and the
// older .xls (BIFF) that WPS and older offices still send; loaded only when a workbook
// is imported. See README "Excel" for why it reads and exceljs writes.
type SheetJs = typeof import('@e965/xlsx');
type Cell = import('@e965/xlsx').CellObject;
type Sheet = import('@e965/xlsx').WorkSheet;

/** Past this a workbook is refused (it is read whole into memory): save it as CSV, which streams. */
const MAX_WORKBOOK_BYTES = 25 * 1024 * 1024;
/** What its parts may unpack to: a small file that inflates to gigabytes is refused, not read. */
const MAX_UNPACKED_BYTES = 512 * 1024 * 1024;

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

export type WorkbookFormat = 'xlsx' | 'xls';

/** A workbook by its first bytes (a ZIP package or an OLE2 compound file), whatever its name says. */
export function workbookFormatOf(head: Buffer): WorkbookFormat | undefined {
  if (head.subarray(0, 4).equals(ZIP)) return 'xlsx';
  if (head.subarray(0, 8).equals(OLE2)) return 'xls';
  return undefined;
}

export type WorkbookRecords = { sheet: SheetChoice; batches: AsyncGenerator<RecordBatch> };

/** Whether a row is the header an import looks for (its required columns named). */
export type HeaderProbe = (cells: string[]) => boolean;

/**
 * Reads the chosen sheet of a workbook as records with their Excel row
 * numbers. Refuses (exit 5) what cannot be read safely: too large, an
 * encrypted file, a damaged ZIP, an OLE2 file that is not a workbook.
 */
export async function readWorkbook(info: Pick<FileMeta, 'path' | 'size' | 'format'>, sheetWanted?: string, isHeader?: HeaderProbe): Promise<WorkbookRecords> {
  if (info.size > MAX_WORKBOOK_BYTES) {
    throw new ValidationError({
      key: 'import.workbook_too_large',
      params: { size: megabytes(info.size), limit: megabytes(MAX_WORKBOOK_BYTES) },
      hintKey: 'import.workbook_too_large.hint',
    });
  }
  const bytes = await readFile(info.path);
  if (info.format === 'xlsx') checkZip(bytes);
  else checkCompoundFile(bytes);
  const XLSX = await loadSheetJs();
  let book: import('@e965/xlsx').WorkBook;
  try {
    // Dense rows, number formats kept (to tell dates and E+ numbers), no HTML or formatted text.
    // Stubs kept: a formula a program wrote without its result is a stub with a formula (see cellText).
    book = XLSX.read(bytes, { type: 'buffer', dense: true, cellNF: true, cellText: false, cellHTML: false, cellDates: false, cellFormula: true, sheetStubs: true });
  } catch (error) {
    throw unreadable(error);
  }
  const date1904 = Boolean(book.Workbook?.WBProps?.date1904);
  const hidden = new Set((book.Workbook?.Sheets ?? []).filter((s) => s.Hidden).map((s) => s.name));
  const visible = book.SheetNames.filter((name) => !hidden.has(name));
  const nonEmpty = visible.filter((name) => hasContent(book.Sheets[name]!));
  // An instructions sheet (说明) before the roster is passed over: the first sheet with a header row is the data.
  const withHeader = isHeader ? nonEmpty.filter((n) => hasHeaderRow(book.Sheets[n]!, isHeader, XLSX, date1904)) : nonEmpty;
  const name = pickSheet(book.SheetNames, withHeader.length ? withHeader : nonEmpty, sheetWanted);
  const sheet = book.Sheets[name]!;
  return { sheet: { name, index: book.SheetNames.indexOf(name) + 1, nonEmpty }, batches: sheetBatches(XLSX, sheet, date1904, info.size) };
}

// required, not import()ed: the CLI bundle runs from a V8 code cache, where a dynamic import has no loader.
async function loadSheetJs(): Promise<SheetJs> {
  return createRequire(import.meta.url)('@e965/xlsx') as SheetJs;
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

/** `--sheet 花名册` or `--sheet 2` (1-based); by default the first non-empty visible sheet. */
function pickSheet(names: string[], nonEmpty: string[], wanted: string | undefined): string {
  if (wanted === undefined) {
    const first = nonEmpty[0];
    if (!first) throw new ValidationError({ key: 'import.workbook_empty' });
    return first;
  }
  const key = (s: string) => s.normalize('NFKC').trim();
  const byName = names.find((n) => key(n) === key(wanted));
  if (byName) return byName;
  if (/^\d+$/.test(key(wanted))) {
    const n = Number(key(wanted));
    if (n >= 1 && n <= names.length) return names[n - 1]!;
  }
  throw new ValidationError({ key: 'import.no_such_sheet', params: { sheet: wanted, sheets: names.map((n, i) => `${i + 1}. ${n}`).join(', ') } });
}

/** Whether a row of the sheet's first HEADER_SCAN_ROWS with text is the header the import looks for. */
function hasHeaderRow(sheet: Sheet, isHeader: HeaderProbe, XLSX: SheetJs, date1904: boolean): boolean {
  let scanned = 0;
  for (const row of denseRows(sheet)) {
    const cells = rowText(XLSX, row, date1904);
    if (cells.length === 0) continue;
    if (isHeader(cells)) return true;
    if (++scanned >= HEADER_SCAN_ROWS) return false;
  }
  return false;
}

function hasContent(sheet: Sheet): boolean {
  for (const row of denseRows(sheet)) for (const cell of row ?? []) if (filledCell(cell)) return true;
  return false;
}

function filledCell(cell: Cell | undefined): boolean {
  // A stub is an empty cell with a style, unless it holds a formula with no saved result.
  if (cell?.t === 'z') return cell.f !== undefined;
  return cell !== undefined && cell.v !== undefined && cell.v !== null && String(cell.v).trim() !== '';
}

function denseRows(sheet: Sheet): (Cell[] | undefined)[] {
  return (sheet as unknown as { '!data'?: (Cell[] | undefined)[] })['!data'] ?? [];
}

/**
 * A row's cells as text, from column A to its last filled cell: a gap is an
 * empty string (SheetJS leaves holes), an empty row is no cells at all. So a
 * stray cell at XFD1048576, or a used range that claims the whole sheet,
 * costs one row, not a billion empty cells.
 */
function rowText(XLSX: SheetJs, row: Cell[] | undefined, date1904: boolean): string[] {
  if (!row) return [];
  let last = row.length - 1;
  while (last >= 0 && !filledCell(row[last])) last -= 1;
  const cells: string[] = new Array(last + 1);
  for (let c = 0; c <= last; c++) cells[c] = cellText(XLSX, row[c], date1904);
  return cells;
}

/** Rows a few thousand at a time, as the CSV reader yields them; `bytesRead` drives the progress bar. */
async function* sheetBatches(XLSX: SheetJs, sheet: Sheet, date1904: boolean, size: number): AsyncGenerator<RecordBatch> {
  const rows = denseRows(sheet);
  let end = rows.length;
  while (end > 0 && rowText(XLSX, rows[end - 1], date1904).length === 0) end -= 1;
  const filled = mergedDown(XLSX, sheet, rows, end, date1904);
  let batch: RawRecord[] = [];
  for (let r = 0; r < end; r++) {
    const cells = rowText(XLSX, rows[r], date1904);
    for (const [c, text] of filled.get(r) ?? []) {
      while (cells.length <= c) cells.push('');
      cells[c] = text;
    }
    batch.push({ row: r + 1, cells });
    if (batch.length === 4_096) {
      yield Object.assign(batch, { bytesRead: Math.round((size * r) / end) });
      batch = [];
    }
  }
  yield Object.assign(batch, { bytesRead: size });
}

/**
 * A cell merged down several rows (one 街道 beside its communities) holds its
 * value for every row it spans that has data of its own, as the clerk sees
 * it; a merge across columns only (a title) keeps its value in its first
 * cell, as Excel's CSV export does. Merges past the last row with data stop there.
 */
function mergedDown(XLSX: SheetJs, sheet: Sheet, rows: (Cell[] | undefined)[], end: number, date1904: boolean): Map<number, [number, string][]> {
  const filled = new Map<number, [number, string][]>();
  for (const merge of sheet['!merges'] ?? []) {
    if (merge.e.r === merge.s.r || merge.s.r >= end) continue;
    const text = cellText(XLSX, rows[merge.s.r]?.[merge.s.c], date1904);
    if (text === '') continue;
    for (let r = merge.s.r + 1; r <= Math.min(merge.e.r, end - 1); r++) {
      if (!rows[r]?.some(filledCell)) continue;
      const row = filled.get(r) ?? [];
      row.push([merge.s.c, text]);
      filled.set(r, row);
    }
  }
  return filled;
}

/** A cell as the clerk means it: text as typed, a date cell as an ISO date, a number without float noise. */
function cellText(XLSX: SheetJs, cell: Cell | undefined, date1904: boolean): string {
  // A formula a program wrote without computing it: there is no value to read, and blank would be a lie.
  if (cell?.t === 'z') return cell.f === undefined ? '' : FORMULA_WITHOUT_VALUE;
  if (!cell || cell.v === undefined || cell.v === null) return '';
  switch (cell.t) {
    case 'n':
      return numberText(XLSX, cell.v as number, typeof cell.z === 'string' ? cell.z : undefined, date1904);
    case 'b':
      return cell.v ? 'TRUE' : 'FALSE';
    case 'e':
      return EXCEL_ERRORS[cell.v as number] ?? '#N/A';
    case 'd':
      return (cell.v as Date).toISOString().slice(0, 10);
    default:
      return String(cell.v);
  }
}

/** Excel's error values by their code (SheetJS gives the code): a row holding one is refused, naming it. */
const EXCEL_ERRORS: Record<number, string> = { 0: '#NULL!', 7: '#DIV/0!', 15: '#VALUE!', 23: '#REF!', 29: '#NAME?', 36: '#NUM!', 42: '#N/A', 43: '#GETTING_DATA' };

/** What a formula with no saved result reads as: the import refuses its row, saying so. */
export const FORMULA_WITHOUT_VALUE = '#FORMULA?';

function numberText(XLSX: SheetJs, value: number, format: string | undefined, date1904: boolean): string {
  // A time of day alone (8:00 in an h:mm cell) is a fraction of day 0: its time, not a date in 1899.
  if (format && XLSX.SSF.is_date(format) && value >= 0 && value < 1) return serialDate(1 + value, date1904).slice(11);
  if (format && XLSX.SSF.is_date(format)) return serialDate(value, date1904);
  // Shown as 1.38001E+10, the digits are gone: the text says so, and the phone/ID check refuses it with that reason.
  if (format && /E\+/i.test(format)) return XLSX.SSF.format(format, value);
  if (Number.isInteger(value)) {
    // Excel keeps 15 significant digits: a longer number (an ID number typed as a number) has lost its tail.
    return Math.abs(value) < 1e15 ? String(value) : value.toExponential(5).toUpperCase();
  }
  return String(Number(value.toPrecision(15)));
}

const DAY_MS = 86_400_000;

/** An Excel date serial → YYYY-MM-DD (or with its time, when it has one). */
export function serialDate(serial: number, date1904 = false): string {
  // Day 0 is 1899-12-30 in the 1900 system (Excel's phantom 1900-02-29 sits before day 61), 1904-01-01 in the other.
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const whole = Math.floor(serial);
  const day = !date1904 && whole < 61 ? whole + 1 : whole;
  const ms = Math.round((serial - whole) * DAY_MS);
  const at = new Date(epoch + day * DAY_MS + ms);
  const date = at.toISOString().slice(0, 10);
  return ms === 0 ? date : `${date} ${at.toISOString().slice(11, 16)}`;
}

/**
 * A ZIP's central directory, read before unpacking anything: missing (a
 * truncated or damaged file) or promising more than MAX_UNPACKED_BYTES (a
 * ZIP bomb) is refused here, with a message the clerk can act on.
 */
function checkZip(bytes: Buffer): void {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || end + 22 > bytes.length) throw new ValidationError({ key: 'import.workbook_corrupt', hintKey: 'import.workbook_corrupt.hint' });
  const entries = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  let unpacked = 0;
  let isWorkbook = false;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) throw new ValidationError({ key: 'import.workbook_corrupt', hintKey: 'import.workbook_corrupt.hint' });
    unpacked += bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    if (/^xl\/workbook\d*\.(xml|bin)$/i.test(name)) isWorkbook = true;
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  if (unpacked > MAX_UNPACKED_BYTES) {
    throw new ValidationError({
      key: 'import.workbook_unpacks_too_large',
      params: { size: megabytes(unpacked), limit: megabytes(MAX_UNPACKED_BYTES) },
      hintKey: 'import.workbook_too_large.hint',
    });
  }
  // A .docx, .zip or .ods is a ZIP too, but not a spreadsheet we can read.
  if (!isWorkbook) throw new ValidationError({ key: 'import.not_workbook', hintKey: 'import.workbook_corrupt.hint' });
}

/** An OLE2 file: an encrypted .xlsx (Office's password protection) or an .xls; a .doc is neither. */
function checkCompoundFile(bytes: Buffer): void {
  const has = (name: string) => bytes.includes(Buffer.from(name, 'utf16le'));
  if (has('EncryptedPackage') || has('EncryptionInfo')) throw new ValidationError({ key: 'import.workbook_encrypted', hintKey: 'import.workbook_encrypted.hint' });
  if (!has('Workbook') && !has('Book')) throw new ValidationError({ key: 'import.not_workbook', hintKey: 'import.workbook_corrupt.hint' });
}

function unreadable(error: unknown): ValidationError {
  const reason = error instanceof Error ? error.message : String(error);
  if (/password|encrypt/i.test(reason)) return new ValidationError({ key: 'import.workbook_encrypted', hintKey: 'import.workbook_encrypted.hint' });
  return new ValidationError({ key: 'import.workbook_unreadable', params: { reason: reason.slice(0, 120) }, hintKey: 'import.workbook_corrupt.hint' });
}
