import { createHash } from 'node:crypto';
import { ValidationError } from '../errors.js';
import { columnLabel, HEADER_SCAN_ROWS, headerScore, isIgnoredHeader, mapHeaders, type HeaderAliases, type HeaderMap } from './headers.js';
import { columnsCheckingDigits, sheetDate, sheetRowProblem } from './sheet-cells.js';
import { isBlank, type ParsedBatch, type ParsedItem, type RawRecord, type RecordBatch, type RejectReason, type SkippedRows } from './records.js';

/** Thrown by a parser (or a plan's apply) to refuse one row; the rest go on. */
export class RowRejection extends Error {
  constructor(readonly reason: RejectReason) {
    super(reason.key);
  }
}

/** How one kind of file is read: its headers and how a record becomes a value. Pure: runs in any thread. */
export type RowParser<F extends string, V> = {
  aliases: HeaderAliases<F>;
  required: readonly F[];
  /** Fields holding dates: in a workbook, a whole number there is an Excel date serial (45292 → 2024-01-01). */
  dateFields?: readonly F[];
  parse(map: HeaderMap<F>, cells: string[], row: number): V;
  /** A key that must not repeat within one file (the later row is refused as a duplicate). */
  keyOf?(value: V): string | number | undefined;
  /** The field that key is (`phone`, `code`): a duplicate's refusal names it. */
  keyField?(value: V): string;
  /**
   * Whether a write may still refuse this row (then its cells travel with it,
   * for the rejects file). Default: yes. Fewer strings cross the thread.
   */
  mayBeRefused?(value: V): boolean;
};

/** A 合计/总计 line under the data (or "Total"): not a record, counted apart. */
const TOTALS_ROW = /^(合计|总计|小计|共计|累计|total|subtotal|sum)(\s|[:：(（]|$)|^(制表|填表|审核|审批|复核|统计)人?[:：]/i;

/**
 * Turns raw records into parsed items. The header is the first row naming
 * every required column (title rows above it are skipped and kept for the
 * rejects file); a missing required column or no header at all refuses the
 * file. Blank rows and a 合计 row are skipped and counted; a row with more
 * or fewer cells than the header is refused, never trimmed.
 */
export function recordParser<F extends string, V>(parser: RowParser<F, V>) {
  let map: (HeaderMap<F> & { rules: ColumnRule[]; ignored: boolean[] }) | undefined;
  const seen = new Map<string | number, number>();
  const content = contentHasher();
  const skipped: SkippedRows = { above_header: 0, blank: 0, totals: 0 };
  const preamble: RawRecord[] = [];
  let best: { cells: string[]; known: number } | undefined;
  let workbook = false;
  let blankRun = 0;
  let storedTail = 0;
  // Stryker disable next-line ArrayDeclaration: set with the header before any row reads it
  let serialColumns: number[] = [];
  let digitColumns = new Set<number>();
  let scanned = 0;
  const refuse = (): never => {
    // The closest row is treated as a header missing columns; with no known column at all, say what was seen.
    if (best && best.known >= 2) mapHeaders(best.cells, parser.aliases, parser.required);
    throw noHeader(parser, preamble);
  };
  return {
    push(records: RecordBatch): ParsedBatch<V> {
      const batch: ParsedBatch<V> = { items: [] };
      if (records.sheet) {
        batch.sheet = records.sheet;
        workbook = true;
      }
      for (const { row, cells } of records) {
        if (!map) {
          const score = isBlank(cells) ? undefined : headerScore(cells, parser.aliases, parser.required);
          if (!score?.complete) {
            preamble.push({ row, cells });
            if (score && score.known > (best?.known ?? 0)) best = { cells, known: score.known };
            if (score && ++scanned >= HEADER_SCAN_ROWS) refuse();
            continue;
          }
          const headerMap = mapHeaders(cells, parser.aliases, parser.required);
          map = { ...headerMap, rules: columnRules(headerMap), ignored: cells.map(isIgnoredHeader) };
          serialColumns = (parser.dateFields ?? []).map((f) => headerMap.index[f]).filter((i): i is number => i !== undefined);
          digitColumns = columnsCheckingDigits(headerMap.index);
          skipped.above_header = preamble.length;
          content.add(cells.join(CELL_SEPARATOR));
          batch.header = cells;
          batch.headerRow = row;
          batch.preamble = preamble.map((r) => r.cells);
          batch.unknownColumns = map.unknown;
          continue;
        }
        // A row the sheet does not store at all (a gap in its row numbers) has no cells.
        const stored = cells.length > 0;
        if (workbook) {
          // A sheet has no short or long rows: cells past the header's last column belong to no field.
          cells.length = map.headers.length;
          for (let i = 0; i < cells.length; i++) cells[i] ??= '';
        }
        if (isBlank(cells) || onlyIgnored(cells, map.ignored)) {
          // Empty rows are counted; at the end only the ones the file holds (a stray cell at XFD1048576
          // is not a million empty rows).
          blankRun += 1;
          if (stored) storedTail += 1;
          continue;
        }
        skipped.blank += blankRun;
        blankRun = 0;
        storedTail = 0;
        if (isTotalsRow(cells)) {
          skipped.totals += 1;
          continue;
        }
        if (workbook) {
          for (const i of serialColumns) cells[i] = sheetDate(cells[i]!);
          const refusal = sheetRowProblem(cells, map.headers, digitColumns);
          if (refusal) {
            batch.items.push({ row, reject: refusal, cells });
            continue;
          }
        }
        const line = cells.join(CELL_SEPARATOR);
        content.add(line);
        batch.items.push(parseOne(parser, map, { cells, line }, row, seen));
      }
      return batch;
    },
    /** The end of the file: the SHA-256 of its parsed rows, and the rows skipped. */
    finish(): { contentSha256: string; skipped: SkippedRows } {
      if (!map) {
        if (preamble.length === 0) throw new ValidationError({ key: 'import.empty' });
        refuse();
      }
      return { contentSha256: content.digest(), skipped: { ...skipped, blank: skipped.blank + storedTail } };
    },
  };
}

/** A pre-numbered line of a printed sheet with nothing else filled in. */
function onlyIgnored(cells: string[], ignored: boolean[]): boolean {
  // Stryker disable next-line ConditionalExpression: time only — with no ignored column the loop below finds the row's non-blank cell
  if (!ignored.includes(true)) return false;
  for (let i = 0; i < cells.length; i++) if (!ignored[i] && cells[i]!.trim() !== '') return false;
  return true;
}

function isTotalsRow(cells: string[]): boolean {
  // Only non-blank rows are looked at: one cell at least is not blank.
  const first = cells.find((c) => c.trim() !== '')!;
  return TOTALS_ROW.test(first.normalize('NFKC').replace(/\s/g, ''));
}

/** No row looked like the header: what was expected, and the first rows seen, as short text. */
function noHeader<F extends string>(parser: RowParser<F, unknown>, seen: RawRecord[]): ValidationError {
  const expected = parser.required.map((f) => parser.aliases[f][0] ?? f).join(', ');
  const rows = seen
    .filter((r) => !isBlank(r.cells))
    .slice(0, 3)
    .map(
      (r) =>
        `${r.row}: ${r.cells
          .map((c) => c.trim().slice(0, 20))
          .filter(Boolean)
          .slice(0, 8)
          .join(' | ')
          .slice(0, 120)}`,
    )
    .join('; ');
  return new ValidationError({ key: 'import.no_header', params: { expected, rows: rows || '—', scanned: HEADER_SCAN_ROWS }, hintKey: 'import.no_header.hint' });
}

/** Fields that hold prose (notes, details, addresses): longer, and may span lines. */
const LONG_FIELDS = new Set(['note', 'detail', 'summary', 'description', 'address', 'reason', 'outcome']);
export const SHORT_CELL_LIMIT = 4_096;
// Joins a row's cells for hashing and the quick check: a noncharacter, never in text and not a control.
const CELL_SEPARATOR = '\uFDD0';
export const LONG_CELL_LIMIT = 65_536;
// Controls never typed by a clerk: NUL, escape sequences, DEL. Prose may keep tab and line breaks.
const CONTROL_IN_PROSE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const CONTROL_IN_FIELD = /[\u0000-\u001F\u007F]/;

type ColumnRule = { column: string; limit: number; control: RegExp };

/** Per column, decided once from the header: how long a cell may be and which controls it may hold. */
function columnRules<F extends string>(map: HeaderMap<F>): ColumnRule[] {
  const fieldAt = new Map<number, string>(Object.entries(map.index).map(([field, i]) => [i as number, field]));
  return map.headers.map((_, i) => {
    const field = fieldAt.get(i);
    const prose = field === undefined || LONG_FIELDS.has(field);
    return {
      column: columnLabel(map.headers, i),
      limit: prose ? LONG_CELL_LIMIT : SHORT_CELL_LIMIT,
      control: prose ? CONTROL_IN_PROSE : CONTROL_IN_FIELD,
    };
  });
}

/** Why a cell cannot be stored as it is (too long, or holding control characters), if it cannot. */
function cellProblem(rules: ColumnRule[], cells: string[]): RejectReason | undefined {
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!;
    const rule = rules[i]!;
    if (cell.length > rule.limit) return { key: 'reject.too_long', params: { column: rule.column, length: cell.length, limit: rule.limit } };
    if (rule.control.test(cell)) return { key: 'reject.control', params: { column: rule.column } };
  }
  return undefined;
}

function parseOne<F extends string, V>(
  parser: RowParser<F, V>,
  map: HeaderMap<F> & { rules: ColumnRule[] },
  { cells, line }: { cells: string[]; line: string },
  row: number,
  seen: Map<string | number, number>,
): ParsedItem<V> {
  try {
    if (cells.length !== map.headers.length) {
      throw new RowRejection({ key: 'reject.cells', params: { found: cells.length, expected: map.headers.length } });
    }
    // Most rows are short and plain: one test of the whole row spares a look at each cell.
    // Stryker disable next-line ConditionalExpression,EqualityOperator: time only — cellProblem finds nothing in a short row without controls
    const problem = line.length <= SHORT_CELL_LIMIT && !CONTROL_IN_FIELD.test(line) ? undefined : cellProblem(map.rules, cells);
    if (problem) return { row, reject: problem, cells: cells.map((c) => c.slice(0, LONG_CELL_LIMIT)) };
    const value = parser.parse(map, cells, row);
    const key = parser.keyOf?.(value);
    if (key !== undefined) {
      const first = seen.get(key);
      if (first !== undefined) throw new RowRejection({ key: 'reject.duplicate', params: { row: first, field: parser.keyField?.(value) ?? 'key' } });
      seen.set(key, row);
    }
    return parser.mayBeRefused?.(value) === false ? { row, value } : { row, value, cells };
  } catch (error) {
    if (error instanceof RowRejection) return { row, reject: error.reason, cells };
    throw error;
  }
}

/** Parses in this thread (small files, tests, or where no worker is available). */
export async function* parseInThread<F extends string, V>(batches: AsyncIterable<RecordBatch>, parser: RowParser<F, V>): AsyncGenerator<ParsedBatch<V>> {
  const state = recordParser(parser);
  for await (const records of batches) yield state.push(records);
  yield { items: [], ...state.finish() };
}

/**
 * "The same file" is the same rows, not the same bytes: a re-save with CRLF,
 * a BOM, another encoding or trailing blank lines hashes the same.
 */
function contentHasher() {
  const hash = createHash('sha256');
  return {
    /** Only the header and non-blank rows are added: blank ones never reach the hash. */
    add(line: string): void {
      hash.update(`${line}\n`);
    },
    digest: () => hash.digest('hex'),
  };
}
