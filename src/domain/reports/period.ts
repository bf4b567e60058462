import { ValidationError } from '../../errors.js';
import { addDays, daysBetween } from '../clock.js';
import { parseDate } from '../text/dates.js';

export type Period = { from: string; to: string; week?: string };

function weekday(isoDate: string): number {
  // 1 = Monday … 7 = Sunday
  const day = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

export function mondayOf(isoDate: string): string {
  return addDays(isoDate, 1 - weekday(isoDate));
}

/** ISO 8601 week label of a date: the week's Thursday decides its year. */
export function isoWeek(isoDate: string): string {
  const thursday = addDays(isoDate, 4 - weekday(isoDate));
  const year = Number(thursday.slice(0, 4));
  const firstThursday = addDays(`${year}-01-04`, 4 - weekday(`${year}-01-04`));
  const week = 1 + Math.round(daysBetween(firstThursday, thursday) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** "2024-W37" → Monday 2024-09-09 … Sunday 2024-09-15. */
export function weekPeriod(label: string): Period {
  const match = /^(\d{4})-?W(\d{2})$/i.exec(label.trim());
  if (!match) throw new ValidationError({ key: 'report.bad_week', params: { value: label } });
  const [year, week] = [Number(match[1]), Number(match[2])];
  const week1Monday = mondayOf(`${year}-01-04`);
  const from = addDays(week1Monday, (week - 1) * 7);
  // Week 00 falls in the year before and weeks past 53 in the year after, so the label check refuses them.
  if (isoWeek(from) !== `${year}-W${match[2]}`) throw new ValidationError({ key: 'report.bad_week', params: { value: label } });
  return { from, to: addDays(from, 6), week: `${year}-W${match[2]}` };
}

/** The last complete ISO week (Monday–Sunday) before `today`: what a Monday-morning cron job reports. */
export function lastCompleteWeek(today: string): Period {
  const from = addDays(mondayOf(today), -7);
  return { from, to: addDays(from, 6), week: isoWeek(from) };
}

/** A year so far: 1 January to today, or the whole of a past year. A year not yet begun is refused. */
export function yearPeriod(value: string, today: string): Period {
  const year = value.trim();
  if (!/^\d{4}$/.test(year) || Number(year) < 2000 || `${year}-01-01` > today) throw new ValidationError({ key: 'report.bad_year', params: { value } });
  const end = `${year}-12-31`;
  // Stryker disable next-line EqualityOperator: on the year's last day today and its end are the same date
  return { from: `${year}-01-01`, to: today < end ? today : end };
}

/** --week, or --from/--to, or --year, or the default: the last complete week. */
export function resolvePeriod(input: { week?: string; from?: string; to?: string; year?: string }, today: string): Period {
  if ([input.week, input.from || input.to, input.year].filter(Boolean).length > 1) throw new ValidationError({ key: 'report.week_or_range' });
  if (input.year) return yearPeriod(input.year, today);
  if (input.week) return weekPeriod(input.week);
  if (input.from || input.to) {
    const from = input.from ? parseDate(input.from) : null;
    const to = input.to ? parseDate(input.to) : null;
    if (!from || !to) throw new ValidationError({ key: 'report.need_range', params: { from: input.from ?? '', to: input.to ?? '' } });
    if (from > to) throw new ValidationError({ key: 'report.range_backwards', params: { from, to } });
    const period: Period = { from, to };
    if (weekday(from) === 1 && daysBetween(from, to) === 6) period.week = isoWeek(from);
    return period;
  }
  return lastCompleteWeek(today);
}

/** The period of the same length just before. */
export function previousPeriod(period: Period): Period {
  const length = daysBetween(period.from, period.to) + 1;
  const to = addDays(period.from, -1);
  const prev: Period = { from: addDays(to, 1 - length), to };
  if (period.week) prev.week = isoWeek(prev.from);
  return prev;
}
