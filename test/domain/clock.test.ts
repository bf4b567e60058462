// Business dates in fixed-offset zones are computed without ICU (start-up speed):
// they must agree with ICU for every instant the fast path takes, and leave the rest to it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessDate, districtTimeZone, localTime } from '../../src/domain/clock.js';

function icu(instant: Date, timeZone: string): string {
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
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

describe('business dates without ICU', () => {
  it('agree with ICU for any instant from 1992 to 2100 in Asia/Shanghai and UTC', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1992, 0, 1), max: Date.UTC(2100, 0, 1) }), fc.constantFrom('Asia/Shanghai', 'UTC', 'Etc/UTC'), (ms, zone) => {
        const instant = new Date(ms);
        expect(localTime(instant.toISOString(), zone)).toBe(icu(instant, zone));
        expect(businessDate(instant, zone)).toBe(icu(instant, zone).slice(0, 10));
      }),
      { numRuns: 2000 },
    );
  });

  it('turn over at Beijing midnight, not UTC midnight', () => {
    expect(businessDate(new Date('2026-11-29T15:59:59.999Z'), 'Asia/Shanghai')).toBe('2026-11-29');
    expect(businessDate(new Date('2026-11-29T16:00:00Z'), 'Asia/Shanghai')).toBe('2026-11-30');
    expect(localTime('2026-11-29T16:00:00Z', 'Asia/Shanghai')).toBe('2026-11-30 00:00');
  });

  it('leave 1991 to ICU: China kept daylight saving then (UTC+9 in summer)', () => {
    expect(businessDate(new Date('1991-07-01T15:30:00Z'), 'Asia/Shanghai')).toBe('1991-07-02');
    expect(localTime('1991-07-01T15:30:00Z', 'Asia/Shanghai')).toBe('1991-07-02 00:30');
  });

  it('leave other zones to ICU, daylight saving included', () => {
    expect(businessDate(new Date('2026-07-01T23:30:00Z'), 'Europe/London')).toBe('2026-07-02');
    expect(businessDate(new Date('2026-01-01T23:30:00Z'), 'Europe/London')).toBe('2026-01-01');
    expect(localTime('2026-07-01T23:30:00Z', 'Asia/Urumqi')).toBe(icu(new Date('2026-07-01T23:30:00Z'), 'Asia/Urumqi'));
  });

  it('NUANXIN_TZ still refuses a zone that does not exist, and takes the fixed ones', () => {
    expect(districtTimeZone({ NUANXIN_TZ: 'UTC' })).toBe('UTC');
    expect(districtTimeZone({})).toBe('Asia/Shanghai');
    expect(() => districtTimeZone({ NUANXIN_TZ: 'Mars/Olympus' })).toThrow();
  });
});
