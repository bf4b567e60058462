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
  if (month < 1 || month > 12 || day < 1 || year < 1900 || year > 2200) return false;
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
