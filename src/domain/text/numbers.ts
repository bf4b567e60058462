import { ValidationError } from '../../errors.js';

/** Points, quantities, capacities and counts: far past any real figure, far inside 64 bits (the database refuses more too). */
export const COUNT_LIMIT = 1_000_000_000;

/** A whole number from `min` up to COUNT_LIMIT, or a ValidationError naming the field. */
export function wholeNumber(value: number, field: string, min = 1): number {
  if (!Number.isSafeInteger(value) || value < min || value > COUNT_LIMIT) {
    throw new ValidationError({ key: min > 0 ? 'invalid.positive' : 'invalid.whole_number', params: { field, value, max: COUNT_LIMIT } });
  }
  return value;
}

/** A count from 0 up to `max` (workers met on one visit): a ValidationError naming the field beyond it. */
export function countWithin(value: number, field: string, max: number): number {
  if (!Number.isSafeInteger(value) || value < 0 || value > max) throw new ValidationError({ key: 'invalid.whole_number', params: { field, value, max } });
  return value;
}
