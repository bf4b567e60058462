import type { MessageParams } from '../errors.js';

/** A record as the clerk sees it in Excel: `row` 1 is the header. */
export type RawRecord = { row: number; cells: string[] };

/** What an import needs to know of its file (see decode.ts, which is loaded only when importing). */
export type FileMeta = {
  path: string;
  name: string;
  size: number;
  sha256: string;
  encoding: 'utf-8' | 'gb18030' | 'utf-16le';
  bom: boolean;
  delimiter: ',' | '\t';
};

export type RejectReason = { key: string; params?: MessageParams };

/** One data row after parsing: a value to write (with its cells, if a write may still refuse it), or why it was refused. */
export type ParsedItem<V> = { row: number; value: V; cells?: string[] } | { row: number; reject: RejectReason; cells: string[] };

/** Parsed rows in order; the first batch of a file carries its header. */
export type ParsedBatch<V> = {
  header?: string[];
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
