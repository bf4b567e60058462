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
  let map: HeaderMap<F> | undefined;
  const seen = new Map<string | number, number>();
  return {
    push(records: RawRecord[]): ParsedBatch<V> {
      const batch: ParsedBatch<V> = { items: [] };
      for (const { row, cells } of records) {
        if (!map) {
          map = mapHeaders(cells, parser.aliases, parser.required);
          batch.header = cells;
          batch.unknownColumns = map.unknown;
          continue;
        }
        if (isBlank(cells)) continue;
        batch.items.push(parseOne(parser, map, cells, row, seen));
      }
      return batch;
    },
    finish(): void {
      if (!map) throw new ValidationError({ key: 'import.empty' });
    },
  };
}

function parseOne<F extends string, V>(
  parser: RowParser<F, V>,
  map: HeaderMap<F>,
  cells: string[],
  row: number,
  seen: Map<string | number, number>,
): ParsedItem<V> {
  try {
    if (cells.length !== map.headers.length) {
      throw new RowRejection({ key: 'reject.cells', params: { found: cells.length, expected: map.headers.length } });
    }
    const value = parser.parse(map, cells, row);
    const key = parser.keyOf?.(value);
    if (key !== undefined) {
      const first = seen.get(key);
      if (first !== undefined) throw new RowRejection({ key: 'reject.duplicate', params: { row: first } });
      seen.set(key, row);
    }
    return parser.mayBeRefused?.(value) === false ? { row, value } : { row, value, cells };
  } catch (error) {
    if (error instanceof RowRejection) return { row, reject: error.reason, cells };
    throw error;
  }
}

/** Parses in this thread (small files, tests, or where no worker is available). */
export async function* parseInThread<F extends string, V>(
  batches: AsyncIterable<RawRecord[]>,
  parser: RowParser<F, V>,
): AsyncGenerator<ParsedBatch<V>> {
  const state = recordParser(parser);
  for await (const records of batches) yield state.push(records);
  state.finish();
}
