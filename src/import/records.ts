import type { MessageParams } from '../errors.js';

/** A record as the clerk sees it in Excel: `row` 1 is the header. */
export type RawRecord = { row: number; cells: string[] };

/** What an import needs to know of its file (see decode.ts, which is loaded only when importing). */
export type FileMeta = {
  path: string;
  name: string;
  size: number;
  sha256: string;
  /** The text encoding of a CSV/TSV file; null for a workbook. */
  encoding: 'utf-8' | 'gb18030' | 'utf-16le' | null;
  bom: boolean;
  delimiter: ',' | '\t';
  /** CSV/TSV text, or a workbook (told by its first bytes, not its name). */
  format: 'csv' | 'xlsx' | 'xls';
  /** For a workbook: the sheet to read (`--sheet`), by name or 1-based number. */
  sheet?: string;
};

/** The sheet an import read, and every visible sheet with something in it. */
export type SheetChoice = { name: string; index: number; nonEmpty: string[] };

/** Records as a reader yields them: `bytesRead` for the progress bar; a workbook's first batch names its sheet. */
export type RecordBatch = RawRecord[] & { bytesRead?: number; sheet?: SheetChoice };

/** Why a row was refused: a message key, its values, and which values are vocabulary codes (shown as labels). */
export type RejectReason = { key: string; params?: MessageParams; terms?: Record<string, string> };

/** One data row after parsing: a value to write (with its cells, if a write may still refuse it), or why it was refused. */
export type ParsedItem<V> = { row: number; value: V; cells?: string[] } | { row: number; reject: RejectReason; cells: string[] };

/** Rows that are not records: title lines above the header, empty rows, a 合计 row. */
export type SkippedRows = { above_header: number; blank: number; totals: number };

/** Parsed rows in order; the first batch of a file carries its header. */
export type ParsedBatch<V> = {
  header?: string[];
  /** The header's row number, and the rows above it (a title, a date line), kept for the rejects file. */
  headerRow?: number;
  preamble?: string[][];
  /** For a workbook: the sheet read. */
  sheet?: SheetChoice;
  /** On the last batch: the rows skipped. */
  skipped?: SkippedRows;
  unknownColumns?: string[];
  items: ParsedItem<V>[];
  bytesRead?: number;
  /** On the last batch: SHA-256 of the file's parsed rows (what "the same file" means). */
  contentSha256?: string;
};

/** A record that only has empty cells: an empty line or a row of commas. */
export function isBlank(cells: string[]): boolean {
  for (const cell of cells) if (cell.trim() !== '') return false;
  return true;
}
