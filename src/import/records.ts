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

/** A record that only has empty cells: an empty line or a row of commas. */
export function isBlank(cells: string[]): boolean {
  return cells.every((c) => c.trim() === '');
}
