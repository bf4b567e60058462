// The text rules every command leans on — dates as clerks write them, money in fen, counts, names that
// are nearly right — value by value, each boundary beside the value just past it.
import { describe, expect, it } from 'vitest';
import { dateWithin, happenedDate, isRealDate, oneYearAfter, optionalDate, parseDate, plannedDate, requireDate } from '../../src/domain/text/dates.js';
import { formatYuan, optionalYuan, parseYuan } from '../../src/domain/text/money.js';
import { normalizeText, optionalText } from '../../src/domain/text/normalize.js';
import { COUNT_LIMIT, countWithin, wholeNumber } from '../../src/domain/text/numbers.js';
import { closestNames, editDistance } from '../../src/domain/text/similar.js';
import { NuanxinError } from '../../src/errors.js';

/** The refusal a call raises: its key and what it says. */
function refusal(run: () => unknown): { key: string; params: unknown } | 'accepted' {
  try {
    run();
    return 'accepted';
  } catch (error) {
    if (!(error instanceof NuanxinError)) throw error;
    return { key: error.key, params: error.params };
  }
}

describe('dates', () => {
  it.each([
    ['2024-03-05', '2024-03-05'],
    ['2024-3-5', '2024-03-05'],
    ['2024/3/5', '2024-03-05'],
    ['2024.03.05', '2024-03-05'],
    ['2024年3月5日', '2024-03-05'],
    ['2024年3月5', '2024-03-05'],
    ['20240305', '2024-03-05'],
    [' ２０２４－０３－０５ ', '2024-03-05'],
    ['2024-02-29', '2024-02-29'],
    ['2023-02-29', null],
    ['2024-13-01', null],
    ['2024-00-10', null],
    ['2024-04-31', null],
    ['2024-04-00', null],
    ['1899-12-31', null],
    ['1900-01-01', '1900-01-01'],
    ['2200-12-31', '2200-12-31'],
    ['2201-01-01', null],
    ['24-3-5', null],
    ['2024-03-05T10:00', null],
    ['2024 03 05', null],
    ['', null],
  ])('%s reads as %s', (input, iso) => {
    expect(parseDate(input)).toBe(iso);
  });

  it('lets the calendar roll a month or day past its end over, and refuses what rolled', () => {
    // Month 13 rolls to January with the day intact; day 367 of January 2024 rolls to 1 January 2025.
    expect([isRealDate(2024, 13, 5), isRealDate(2024, 1, 367), isRealDate(2024, 0, 5), isRealDate(2024, 3, 0), isRealDate(2024, 3, -1)]).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('knows the real days of each month', () => {
    expect([isRealDate(2024, 2, 29), isRealDate(2100, 2, 29), isRealDate(2000, 2, 29), isRealDate(2024, 12, 31), isRealDate(2024, 12, 32)]).toEqual([
      true,
      false,
      true,
      true,
      false,
    ]);
  });

  it('names the field when a date is refused, and takes an empty optional date as none', () => {
    expect(refusal(() => requireDate('2024-02-30', 'date'))).toEqual({ key: 'invalid.date', params: { field: 'date', value: '2024-02-30' } });
    expect(requireDate('2024/2/29', 'date')).toBe('2024-02-29');
    expect(optionalDate(undefined, 'date')).toBeUndefined();
    expect(optionalDate('  ', 'date')).toBeUndefined();
    expect(optionalDate('2024.1.2', 'date')).toBe('2024-01-02');
    expect(refusal(() => optionalDate('明天', 'from'))).toEqual({ key: 'invalid.date', params: { field: 'from', value: '明天' } });
  });

  it('counts a year ahead, 29 February falling back to the 28th', () => {
    expect([oneYearAfter('2026-11-29'), oneYearAfter('2024-02-29'), oneYearAfter('2023-02-28'), oneYearAfter('2026-12-31')]).toEqual([
      '2027-11-29',
      '2025-02-28',
      '2024-02-28',
      '2027-12-31',
    ]);
  });

  it('keeps what happened between 2020-01-01 and today, and what is planned up to a year ahead', () => {
    const today = '2026-11-29';
    expect(happenedDate(undefined, 'date', today)).toBe(today);
    expect(happenedDate(' ', 'date', today)).toBe(today);
    expect(happenedDate('2026/11/29', 'date', today)).toBe(today);
    expect(happenedDate('2020-01-01', 'date', today)).toBe('2020-01-01');
    expect(refusal(() => happenedDate('2019-12-31', 'date', today))).toEqual({
      key: 'invalid.date_early',
      params: { field: 'date', value: '2019-12-31', min: '2020-01-01', max: today },
    });
    expect(refusal(() => happenedDate('2026-11-30', 'on', today))).toEqual({ key: 'invalid.future_date', params: { field: 'on', value: '2026-11-30' } });
    expect(plannedDate('2027-11-29', 'due', today)).toBe('2027-11-29');
    expect(plannedDate('2020-01-01', 'due', today)).toBe('2020-01-01');
    expect(refusal(() => plannedDate('2027-11-30', 'due', today))).toEqual({
      key: 'invalid.date_late',
      params: { field: 'due', value: '2027-11-30', min: '2020-01-01', max: '2027-11-29' },
    });
    expect(refusal(() => dateWithin('2026-01-01', 'x', { min: '2026-01-02', max: '2026-01-03' }))).toMatchObject({ key: 'invalid.date_early' });
    expect(dateWithin('2026-01-03', 'x', { min: '2026-01-02', max: '2026-01-03' })).toBe('2026-01-03');
  });
});

describe('money in fen', () => {
  it.each([
    ['12', 1200],
    ['12.5', 1250],
    ['12.50', 1250],
    ['0.01', 1],
    ['0', 0],
    ['¥12.50', 1250],
    ['￥8', 800],
    ['12元', 1200],
    ['１２．５', 1250],
    ['1,000', 100000],
    ['12,345.50', 1234550],
    ['9999999999.99', 999999999999],
    ['0009999999999', 999999999900],
  ])('%s yuan is %i fen', (written, fen) => {
    expect(parseYuan(written, 'cost')).toBe(fen);
  });

  it('takes a number as it is written', () => {
    expect(parseYuan(12.5, 'cost')).toBe(1250);
    expect(parseYuan(7, 'cost')).toBe(700);
  });

  it.each([
    ['¥ 12.5', 1250],
    ['12 元', 1200],
    ['1,234,567.5', 123456750],
  ])('%s yuan is %i fen, spaces and separators aside', (written, fen) => {
    expect(parseYuan(written, 'cost')).toBe(fen);
  });

  it.each([['12¥'], ['元12'], ['1234,567'], ['1,5'], ['12,34'], ['1,0000'], ['12.345'], ['-5'], ['abc'], [''], ['1.2.3'], ['.5'], ['12.']])('%s is refused as money', (written) => {
    expect(refusal(() => parseYuan(written, 'cost'))).toEqual({ key: 'invalid.money', params: { field: 'cost', value: written } });
  });

  it('refuses a figure past ten billion yuan', () => {
    expect(refusal(() => parseYuan('10000000000', 'pledge'))).toEqual({ key: 'invalid.money_range', params: { field: 'pledge', value: '10000000000' } });
  });

  it('takes an empty optional amount as none, and writes fen back as yuan', () => {
    expect(optionalYuan(undefined, 'cost')).toBeUndefined();
    expect(optionalYuan(' ', 'cost')).toBeUndefined();
    expect(optionalYuan('3.2', 'cost')).toBe(320);
    expect([formatYuan(1250), formatYuan(5), formatYuan(0), formatYuan(-1250), formatYuan(-7), formatYuan(100000), formatYuan(null), formatYuan(undefined)]).toEqual([
      '12.50',
      '0.05',
      '0.00',
      '-12.50',
      '-0.07',
      '1000.00',
      null,
      null,
    ]);
  });
});

describe('text as typed', () => {
  it('folds full-width forms, drops invisible characters and collapses spaces', () => {
    expect(normalizeText('  张\u200B三  ')).toBe('张三');
    expect(normalizeText('\uFEFF夹马营\u3000社区')).toBe('夹马营 社区');
    expect(normalizeText('ＡＢＣ１２３')).toBe('ABC123');
    expect(normalizeText('a\t\n b\u2060')).toBe('a b');
    expect(normalizeText('x\u200Cy\u200Dz')).toBe('xyz');
    expect(normalizeText(null)).toBe('');
    expect(normalizeText(undefined)).toBe('');
    expect(optionalText(' \u200B ')).toBeUndefined();
    expect(optionalText(null)).toBeUndefined();
    expect(optionalText(' 备注 ')).toBe('备注');
  });
});

describe('whole numbers', () => {
  it('takes 1 up to the limit (or 0 when allowed) and refuses the rest, naming the field', () => {
    expect(wholeNumber(1, 'qty')).toBe(1);
    expect(wholeNumber(COUNT_LIMIT, 'qty')).toBe(COUNT_LIMIT);
    expect(wholeNumber(0, 'stock', 0)).toBe(0);
    expect(refusal(() => wholeNumber(0, 'qty'))).toEqual({ key: 'invalid.positive', params: { field: 'qty', value: 0, max: COUNT_LIMIT } });
    expect(refusal(() => wholeNumber(COUNT_LIMIT + 1, 'qty'))).toEqual({ key: 'invalid.positive', params: { field: 'qty', value: COUNT_LIMIT + 1, max: COUNT_LIMIT } });
    expect(refusal(() => wholeNumber(1.5, 'qty'))).toMatchObject({ key: 'invalid.positive' });
    expect(refusal(() => wholeNumber(-1, 'stock', 0))).toEqual({ key: 'invalid.whole_number', params: { field: 'stock', value: -1, max: COUNT_LIMIT } });
    expect(refusal(() => wholeNumber(Number.NaN, 'stock', 0))).toMatchObject({ key: 'invalid.whole_number' });
    expect(countWithin(0, 'met', 500)).toBe(0);
    expect(countWithin(500, 'met', 500)).toBe(500);
    expect(refusal(() => countWithin(501, 'met', 500))).toEqual({ key: 'invalid.whole_number', params: { field: 'met', value: 501, max: 500 } });
    expect(refusal(() => countWithin(-1, 'met', 500))).toMatchObject({ key: 'invalid.whole_number' });
    expect(refusal(() => countWithin(2.5, 'met', 500))).toMatchObject({ key: 'invalid.whole_number' });
  });
});

describe('names that are nearly right', () => {
  it('measures edits by characters, not bytes', () => {
    expect([
      editDistance('', ''),
      editDistance('夹马营', '夹马营'),
      editDistance('夹马营', '夹马'),
      editDistance('夹马营', '央马营'),
      editDistance('', 'abc'),
      editDistance('kitten', 'sitting'),
    ]).toEqual([0, 0, 1, 1, 3, 3]);
    expect(editDistance('😀a', 'a')).toBe(1);
  });

  it('suggests names containing what was typed first, then the closest within a third of its length', () => {
    const names = ['夹马营社区', '和平里社区', '西关社区', '夹马营南社区', '马营社区'];
    // Ties in the order of the names themselves (夹马营南 before 夹马营社: nán before shè).
    expect(closestNames('夹马营', names)).toEqual(['夹马营南社区', '夹马营社区']);
    expect(closestNames('夹马营社', names)).toEqual(['夹马营社区']);
    expect(closestNames('和平社区', names)).toEqual(['和平里社区']);
    expect(closestNames('东城', names)).toEqual([]);
    expect(closestNames('社区', names, 2)).toEqual(['和平里社区', '夹马营南社区']);
    expect(closestNames('社区', names)).toHaveLength(3);
    expect(closestNames('ab', ['ac', 'xy'])).toEqual(['ac']);
    // Eight characters allow two edits; the one containing what was typed comes before a closer name.
    expect(closestNames('西城区夹马营社区', ['东城区夹马营小区', '南城区夹马营小区东'])).toEqual(['东城区夹马营小区']);
    expect(closestNames('白塔社区', ['白塔杜区', '白塔社区东', '白塔寺'])).toEqual(['白塔社区东', '白塔杜区']);
  });
});
