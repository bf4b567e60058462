import { columnLabel } from './headers.js';
import type { RejectReason } from './records.js';
import { FORMULA_WITHOUT_VALUE, serialDate } from './workbook.js';

// What a workbook's cells can say that a CSV's cannot: a date serial, a failed formula, a
// number Excel kept to 15 digits. The record parser asks these of a sheet's rows only.

/** A whole number in a date column of a workbook: days since 1899-12-30 (18000 is 1949-04-13). */
const DATE_SERIAL = /^\s*(1[89]\d{3}|[2-9]\d{4})\s*$/;
/** A date cell with a time of day, as the workbook reader gives it. */
const DATE_AND_TIME = /^(\d{4}-\d{2}-\d{2}) \d{2}:\d{2}$/;
/** How the workbook reader writes a number that lost digits (1.38001E+10, 2.02611E+15). */
const EXCEL_DIGITS_LOST = /^\d(\.\d+)?E\+\d+$/;
/** What Excel shows for a formula that failed: never data. */
const EXCEL_ERROR = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA)$/;

/** A formula that failed, or one with no saved result: the row cannot be read as the clerk sees it. */
function sheetCellProblem(cells: string[], headers: string[]): RejectReason | undefined {
  const at = cells.findIndex((c) => EXCEL_ERROR.test(c) || c === FORMULA_WITHOUT_VALUE);
  if (at === -1) return undefined;
  const column = columnLabel(headers, at);
  return cells[at] === FORMULA_WITHOUT_VALUE ? { key: 'reject.excel_formula', params: { column } } : { key: 'reject.excel_error', params: { column, value: cells[at]! } };
}

/** Fields that say themselves, in their own words, that Excel turned them into a number. */
const OWN_DIGIT_CHECK = new Set(['phone', 'id_number', 'worker']);

/**
 * A number of more than 15 digits that Excel stored as a number (a 流水号, a
 * long reference) has lost its tail, whatever its column: its row is refused,
 * naming it, before two such cells can pass for one duplicate.
 */
function lostDigits(cells: string[], headers: string[], skip: Set<number>): RejectReason | undefined {
  const at = cells.findIndex((c, i) => !skip.has(i) && EXCEL_DIGITS_LOST.test(c));
  if (at === -1) return undefined;
  return { key: 'reject.excel_digits', params: { column: columnLabel(headers, at), value: cells[at]! } };
}

/** A date column's cell in a workbook: a serial becomes its date, a date cell keeps its day and drops its time. */
export function sheetDate(cell: string): string {
  if (DATE_SERIAL.test(cell)) return serialDate(Number(cell)).slice(0, 10);
  return DATE_AND_TIME.exec(cell)?.[1] ?? cell;
}

/** The row's first problem a CSV row could not have: a failed formula, one with no result, lost digits. */
export function sheetRowProblem(cells: string[], headers: string[], digitColumns: Set<number>): RejectReason | undefined {
  return sheetCellProblem(cells, headers) ?? lostDigits(cells, headers, digitColumns);
}

/** The columns whose fields report Excel's digit loss in their own words (phone, ID number). */
export function columnsCheckingDigits(index: Partial<Record<string, number>>): Set<number> {
  return new Set(Object.entries(index).flatMap(([field, i]) => (OWN_DIGIT_CHECK.has(field) && i !== undefined ? [i] : [])));
}
