import { describe, expect, it } from 'vitest';
import { idNumberProblem, parseGender, parseMobile, parseOccupation } from '../../src/domain/workers/fields.js';
import { parseDate } from '../../src/domain/text/dates.js';
import { maskIdNumber, maskPhone } from '../../src/domain/privacy.js';

describe('phone numbers', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['138-0013-8000', '13800138000'],
    [' 138 0013 8000 ', '13800138000'],
    ['+86 13800138000', '13800138000'],
    ['8613800138000', '13800138000'],
    ['１３８００１３８０００', '13800138000'],
  ])('%s → %s', (input, phone) => expect(parseMobile(input)).toEqual({ ok: true, phone }));

  it('spots numbers Excel turned into scientific notation', () => {
    expect(parseMobile('1.38001E+10')).toEqual({ ok: false, excel: true, value: '1.38001E+10' });
  });

  it.each(['12800138000', '1380013800', '0379-63212345', 'abc'])('refuses %s', (input) => expect(parseMobile(input).ok).toBe(false));
});

describe('GB 11643 ID numbers', () => {
  it.each([
    ['11010519491231002X', undefined],
    ['110105194912310021', 'check'],
    ['410304199002301234', 'birth'],
    ['41030419900101123', 'length'],
    ['110105209912310020', 'birth'],
  ])('%s → %s', (id, problem) => expect(idNumberProblem(id, '2026-11-29')).toBe(problem));
});

describe('labels and dates', () => {
  it('maps occupation labels', () => {
    expect(['外卖骑手', '网约配送员', '快递小哥', '网约车司机', '出租车司机', '货运司机', '主播', 'Rider'].map(parseOccupation)).toEqual([
      'rider',
      'rider',
      'courier',
      'ride_hailing',
      'taxi',
      'truck',
      'streamer',
      'rider',
    ]);
    expect(parseOccupation('厨师')).toBeUndefined();
  });
  it('reads the date forms clerks write', () => {
    expect(['2024-03-05', '2024/3/5', '2024.3.5', '2024年3月5日', '２０２４年３月５日'].map(parseDate)).toEqual(Array(5).fill('2024-03-05'));
    expect(parseDate('2024-02-30')).toBeNull();
  });
  it('genders', () => expect(['男', '女', 'F', 'x'].map(parseGender)).toEqual(['male', 'female', 'female', undefined]));
  it('masks', () => {
    expect(maskPhone('13800138000')).toBe('138****8000');
    expect(maskIdNumber('41030419900101123X')).toBe('410304********123X');
    expect(maskPhone('0379-63212345')).toBe('0379-****2345');
  });
});
