import { UsageError } from '../errors.js';
import { isRealDate } from './text/dates.js';
import type { Clock } from './context.js';

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/**
 * The district's zone: NUANXIN_TZ, else Asia/Shanghai. Never the machine's TZ:
 * a server in UTC must count the same business days as a clerk in Beijing.
 * A zone that does not exist is a usage error, not a silent fallback.
 */
export function districtTimeZone(env: Record<string, string | undefined>): string {
  // Stryker disable next-line Regex: no zone name holds a colon but the leading one POSIX allows
  const zone = env.NUANXIN_TZ?.trim().replace(/^:/, '');
  if (!zone) return DEFAULT_TIME_ZONE;
  if (!FIXED_OFFSET_MINUTES.has(zone) && !isValidZone(zone))
    throw new UsageError({ key: 'usage.bad_env', params: { name: 'NUANXIN_TZ', value: zone }, hintKey: 'usage.bad_tz.hint' });
  return zone;
}

function isValidZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-CA', { timeZone: zone });
    return true;
    // Stryker disable next-line BlockStatement: an empty catch returns undefined, as false as false
  } catch {
    return false;
  }
}

/**
 * Zones whose offset has not moved since 1992 (China's last daylight saving ended in 1991):
 * there the local time is arithmetic. ICU takes some 20 ms to load its time-zone data the
 * first time a command asks for a date; the default zone should not pay it on every run.
 */
const FIXED_OFFSET_MINUTES = new Map([
  ['Asia/Shanghai', 480],
  ['UTC', 0],
  ['Etc/UTC', 0],
]);
const FIXED_FROM = Date.UTC(1992, 0, 1);
const FIXED_UNTIL = Date.UTC(9000, 0, 1);

/** `YYYY-MM-DDTHH:mm` of `instant` in a fixed-offset zone, or undefined when ICU must say. */
function fixedLocal(instant: Date, timeZone: string): string | undefined {
  const offset = FIXED_OFFSET_MINUTES.get(timeZone);
  const ms = instant.getTime();
  // The fixed offset only spares loading ICU's zone data; outside its years (or zones) ICU answers, and
  // its answer is the same wherever the fixed one is taken: only the bound before 1992 changes a result.
  // Stryker disable next-line ConditionalExpression: ICU's answer for a fixed zone is the same, only slower
  if (offset === undefined) return undefined;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: as above; 1991's summer time is tested (clock.test.ts)
  if (ms < FIXED_FROM || ms >= FIXED_UNTIL) return undefined;
  return new Date(ms + offset * 60_000).toISOString().slice(0, 16);
}

/** `YYYY-MM-DDTHH:mm` of `instant` in `timeZone`, as ICU reads the zone's rules. */
function icuLocal(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

/** The calendar date of `instant` in `timeZone`, as YYYY-MM-DD. */
export function businessDate(instant: Date, timeZone: string): string {
  return (fixedLocal(instant, timeZone) ?? icuLocal(instant, timeZone)).slice(0, 10);
}

/** A stored instant (ISO, UTC) as a person reads it in `timeZone`: `YYYY-MM-DD HH:mm`; anything else as is. */
export function localTime(instant: string, timeZone: string): string {
  const date = new Date(instant);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(instant) || Number.isNaN(date.getTime())) return instant;
  return (fixedLocal(date, timeZone) ?? icuLocal(date, timeZone)).replace('T', ' ');
}

/**
 * The clock. NUANXIN_NOW (an ISO instant) or NUANXIN_TODAY (a date) pin it,
 * for tests and for re-running a report "as of" a past day.
 */
export function makeClock(env: Record<string, string | undefined>): Clock {
  const timeZone = districtTimeZone(env);
  const pinnedNow = env.NUANXIN_NOW ? pinnedInstant(env.NUANXIN_NOW) : undefined;
  const pinnedToday = env.NUANXIN_TODAY ? pinnedDate(env.NUANXIN_TODAY) : undefined;
  const now = () => pinnedNow ?? new Date();
  return {
    timeZone,
    now,
    today: () => pinnedToday ?? businessDate(now(), timeZone),
  };
}

// A pinned clock outside these years is a typo, and would stamp impossible business dates.
const PIN_YEARS = { min: 2000, max: 2100 };

function pinnedDate(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  const ok = match && isRealDate(Number(match[1]), Number(match[2]), Number(match[3])) && Number(match[1]) >= PIN_YEARS.min && Number(match[1]) <= PIN_YEARS.max;
  if (!ok) throw new UsageError({ key: 'usage.bad_env', params: { name: 'NUANXIN_TODAY', value }, hintKey: 'usage.bad_today.hint' });
  return value.trim();
}

function pinnedInstant(value: string): Date {
  // Spaces around it are a crontab's, as NUANXIN_TODAY takes them.
  const text = value.trim();
  const instant = new Date(text);
  const year = instant.getUTCFullYear();
  // Date() rolls 2024-02-30 over to March: require the written date to survive the round trip.
  const written = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  const real = written && isRealDate(Number(written[1]), Number(written[2]), Number(written[3]));
  // Without Z or an offset, Date() reads the machine's zone: the same pin would mean another day elsewhere.
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/i.test(text);
  if (Number.isNaN(instant.getTime()) || !real || !zoned || year < PIN_YEARS.min || year > PIN_YEARS.max) {
    throw new UsageError({ key: 'usage.bad_env', params: { name: 'NUANXIN_NOW', value }, hintKey: 'usage.bad_now.hint' });
  }
  return instant;
}

/** Adds whole days to an ISO date (calendar arithmetic, no time zone involved). */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((Date.parse(`${toIso}T00:00:00Z`) - Date.parse(`${fromIso}T00:00:00Z`)) / 86_400_000);
}

/** Minutes `timeZone` is ahead of UTC at `instant`. */
function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** The UTC instant at which `isoDate` begins in `timeZone` (for comparing stored timestamps). */
export function startOfDay(isoDate: string, timeZone: string): Date {
  const guess = new Date(`${isoDate}T00:00:00Z`);
  const first = new Date(guess.getTime() - zoneOffsetMinutes(guess, timeZone) * 60_000);
  // Re-check at the candidate instant, in case an offset change lies between.
  return new Date(guess.getTime() - zoneOffsetMinutes(first, timeZone) * 60_000);
}
