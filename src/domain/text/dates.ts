import { ValidationError } from '../../errors.js';

const DATE_FORMS = [
  /^(\d{4})-(\d{1,2})-(\d{1,2})$/,
  /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/,
  /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/,
  /^(\d{4})(\d{2})(\d{2})$/,
];

/**
 * Reads a date as clerks write it (2024-03-05, 2024/3/5, 2024.3.5,
 * 2024年3月5日) and returns ISO `YYYY-MM-DD`, or null if it is not a real date.
 */
export function parseDate(input: string): string | null {
  const text = input.normalize('NFKC').trim();
  for (const form of DATE_FORMS) {
    const match = form.exec(text);
    if (!match) continue;
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    return isRealDate(year, month, day) ? isoDate(year, month, day) : null;
  }
  return null;
}

export function isRealDate(year: number, month: number, day: number): boolean {
  if (year < 1900 || year > 2200) return false;
  // The calendar decides: a month or day past its end (or before its start) rolls over and reads back otherwise.
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** parseDate for a flag or field: throws a ValidationError naming the field. */
export function requireDate(input: string, field: string): string {
  const date = parseDate(input);
  if (!date) throw new ValidationError({ key: 'invalid.date', params: { field, value: input } });
  return date;
}

export function optionalDate(input: string | undefined, field: string): string | undefined {
  return input === undefined || input.trim() === '' ? undefined : requireDate(input, field);
}

/**
 * The programme's first year: business records (awards, visits, wishes,
 * events) cannot be dated before the year ahead of it — a date like
 * 1900-01-01 is a typo, and would sit outside every report.
 */
export const PROGRAMME_START_YEAR = 2021;
export const EARLIEST_BUSINESS_DATE = `${PROGRAMME_START_YEAR - 1}-01-01`;

/** One calendar year after `isoDate` (29 February → 28 February). */
export function oneYearAfter(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const next = y + 1;
  return isRealDate(next, m, d) ? `${next}${isoDate.slice(4)}` : `${next}-02-28`;
}

export type DateWindow = { min: string; max: string };

/** A real date within `window`, or a ValidationError naming the field and the window. */
export function dateWithin(input: string, field: string, window: DateWindow): string {
  const date = requireDate(input, field);
  if (date < window.min || date > window.max) {
    throw new ValidationError({
      // Stryker disable next-line EqualityOperator: equivalent as >= — a date equal to max is inside the window and never gets here
      key: date > window.max ? 'invalid.date_late' : 'invalid.date_early',
      params: { field, value: date, min: window.min, max: window.max },
    });
  }
  return date;
}

/** Something that happened: not before the programme, never after today. */
export function happenedWindow(today: string): DateWindow {
  return { min: EARLIEST_BUSINESS_DATE, max: today };
}

/** Something planned: not before the programme, at most a year ahead. */
export function plannedWindow(today: string): DateWindow {
  return { min: EARLIEST_BUSINESS_DATE, max: oneYearAfter(today) };
}

/** A date of something that happened (default today): real, not before the programme, never in the future. */
export function happenedDate(input: string | undefined, field: string, today: string): string {
  if (input === undefined || input.trim() === '') return today;
  const date = requireDate(input, field);
  if (date > today) throw new ValidationError({ key: 'invalid.future_date', params: { field, value: date } });
  return dateWithin(date, field, happenedWindow(today));
}

/** A date of something planned: real, not before the programme, at most a year ahead. */
export function plannedDate(input: string, field: string, today: string): string {
  return dateWithin(input, field, plannedWindow(today));
}
