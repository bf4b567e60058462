import { createHash } from 'node:crypto';
import { ValidationError } from '../errors.js';
import { mapHeaders, type HeaderAliases, type HeaderMap } from './headers.js';
import { isBlank, type ParsedBatch, type ParsedItem, type RawRecord, type RejectReason } from './records.js';

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

/**
 * Turns raw records into parsed items: the header maps the columns (a missing
 * required column refuses the file), blank rows are skipped, a row with more
 * or fewer cells than the header is refused, never trimmed.
 */
export function recordParser<F extends string, V>(parser: RowParser<F, V>) {
  let map: (HeaderMap<F> & { rules: ColumnRule[] }) | undefined;
  const seen = new Map<string | number, number>();
  const content = contentHasher();
  return {
    push(records: RawRecord[]): ParsedBatch<V> {
      const batch: ParsedBatch<V> = { items: [] };
      for (const { row, cells } of records) {
        const line = cells.join(CELL_SEPARATOR);
        content.add(line, cells);
        if (!map) {
          const headerMap = mapHeaders(cells, parser.aliases, parser.required);
          map = { ...headerMap, rules: columnRules(headerMap) };
          batch.header = cells;
          batch.unknownColumns = map.unknown;
          continue;
        }
        if (isBlank(cells)) continue;
        batch.items.push(parseOne(parser, map, { cells, line }, row, seen));
      }
      return batch;
    },
    /** The end of the file: the SHA-256 of its parsed rows. */
    finish(): string {
      if (!map) throw new ValidationError({ key: 'import.empty' });
      return content.digest();
    },
  };
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
  return map.headers.map((header, i) => {
    const field = fieldAt.get(i);
    const prose = field === undefined || LONG_FIELDS.has(field);
    return {
      column: header.trim().slice(0, 40) || String(i + 1),
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
export async function* parseInThread<F extends string, V>(batches: AsyncIterable<RawRecord[]>, parser: RowParser<F, V>): AsyncGenerator<ParsedBatch<V>> {
  const state = recordParser(parser);
  for await (const records of batches) yield state.push(records);
  yield { items: [], contentSha256: state.finish() };
}

/**
 * "The same file" is the same rows, not the same bytes: a re-save with CRLF,
 * a BOM, another encoding or trailing blank lines hashes the same.
 */
function contentHasher() {
  const hash = createHash('sha256');
  return {
    add(line: string, cells: string[]): void {
      if (isBlank(cells)) return;
      hash.update(`${line}\n`);
    },
    digest: () => hash.digest('hex'),
  };
}
