// A worker's fields value by value: phone numbers as typed or as Excel mangled them, ID numbers at the
// edges of their birth date, and the roster's optional fields given, left out or blanked.
import { describe, expect, it } from 'vitest';
import { idNumberProblem, normalizeIdNumber, parseMobile } from '../../src/domain/workers/fields.js';
import { findWorker, listWorkers, searchDigits } from '../../src/domain/workers/read.js';
import { addWorker } from '../../src/domain/workers/write.js';
import { NuanxinError } from '../../src/errors.js';
import { freshCtx } from '../helpers/db.js';
import { validateWorker, validPhone, WorkerProblem } from '../../src/domain/workers/validate.js';

/** GB 11643's check character, computed here, not by the code under test. */
function withCheck(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(first17[i]), 0);
  return first17 + '10X98765432'[sum % 11];
}

function problem(run: () => unknown): unknown {
  try {
    return run();
  } catch (error) {
    if (error instanceof WorkerProblem) return error.problem;
    throw error;
  }
}

const TODAY = '2026-11-29';
const communities = new Map([
  ['夹马营社区', 1],
  ['白塔社区', 2],
]);

describe('phone numbers at their edges', () => {
  it.each([
    ['1.38001E+10', { ok: false, excel: true, value: '1.38001E+10' }],
    ['1E+10', { ok: false, excel: true, value: '1E+10' }],
    ['1.38e10', { ok: false, excel: true, value: '1.38e10' }],
    ['a1.38E+10', { ok: false, excel: false, value: 'a1.38E+10' }],
    ['1.38E+10a', { ok: false, excel: false, value: '1.38E+10a' }],
    ['9913800138000', { ok: false, excel: false, value: '9913800138000' }],
    ['0086 138 0013 8000', { ok: true, phone: '13800138000' }],
    ['86138001380', { ok: false, excel: false, value: '86138001380' }],
  ])('%s', (input, result) => expect(parseMobile(input)).toEqual(result));

  it('refuses a blank phone as missing, naming the field', () => {
    expect(problem(() => validPhone(' '))).toEqual({ key: 'reject.required', params: { field: 'phone' } });
    expect(problem(() => validPhone('1.38E+10'))).toEqual({ key: 'reject.phone_excel', params: { value: '1.38E+10' } });
  });
});

describe('ID numbers at their edges', () => {
  it.each([
    ['4.10306E+17', 'excel'],
    ['4E+17', 'excel'],
    ['4.10306E17', 'excel'],
    ['A4.10306E+17', 'length'],
    ['4.10306E+17A', 'length'],
    [withCheck('41030420261129123'), undefined],
    [withCheck('41030420260101123'), undefined],
    [withCheck('41030420261130123'), 'birth'],
    [withCheck('41030420270101123'), 'birth'],
  ])('%s → %s (today %s)', (id, expected) => expect(idNumberProblem(id, TODAY)).toBe(expected));

  it('drops every space and reads x as X', () => {
    expect(normalizeIdNumber(' 4103 0419 9001 0112 3x ')).toBe('41030419900101123X');
  });
});

describe('a worker’s fields given, left out or blanked', () => {
  const validate = (input: Parameters<typeof validateWorker>[0], extra: { blankClears?: boolean; requireCore?: boolean } = {}) =>
    problem(() => validateWorker(input, { today: TODAY, communities, ...extra }));

  it('writes only the fields given', () => {
    expect(validate({ name: ' 张三 ' })).toEqual({ name: '张三' });
    expect(validate({ name: '张三', occupation: '', idNumber: '', gender: '', joinedOn: '', community: '', note: '' })).toEqual({ name: '张三' });
  });

  it('clears the optional fields blanked when asked, but never the occupation', () => {
    expect(validate({ occupation: ' ', idNumber: ' ', gender: ' ', joinedOn: ' ', community: ' ', note: ' ' }, { blankClears: true })).toEqual({
      id_number: null,
      gender: null,
      joined_on: null,
      community_id: null,
      note: null,
    });
  });

  it('requires a name and an occupation for a new worker', () => {
    expect(validate({ occupation: 'rider' }, { requireCore: true })).toEqual({ key: 'reject.required', params: { field: 'name' } });
    expect(validate({ name: '张三' }, { requireCore: true })).toEqual({ key: 'reject.required', params: { field: 'occupation' } });
    expect(validate({ name: '张三', occupation: '外卖骑手' }, { requireCore: true })).toEqual({ name: '张三', occupation: 'rider' });
  });

  it('names what is wrong with a gender, a joining date or a community', () => {
    expect(validate({ gender: '未知' })).toEqual({ key: 'reject.gender', params: { value: '未知' } });
    expect(validate({ joinedOn: TODAY })).toEqual({ joined_on: TODAY });
    expect(validate({ joinedOn: '2026-11-30' })).toEqual({ key: 'invalid.future_date', params: { field: 'joined_on', value: '2026-11-30' } });
    expect(validate({ joinedOn: '1950-01-01' })).toEqual({ joined_on: '1950-01-01' });
    expect(validate({ joinedOn: '1949-12-31' })).toEqual({ key: 'invalid.date_early', params: { field: 'joined_on', value: '1949-12-31', min: '1950-01-01' } });
    expect(validate({ community: '夹马营' })).toEqual({ key: 'reject.community_suggest', params: { value: '夹马营', suggestions: '夹马营社区' } });
    expect(validate({ community: '白塔社区' })).toEqual({ community_id: 2 });
    expect(validate({ community: '社区' })).toEqual({ key: 'reject.community_suggest', params: { value: '社区', suggestions: '夹马营社区, 白塔社区' } });
  });
});

describe('searching by digits without revealing them', () => {
  it.each([
    [' 138-0013-8000 ', false, [['phone', '13800138000']]],
    ['41030419900101123x', false, [['id_number', '41030419900101123X']]],
    [
      '8000',
      true,
      [
        ['phone', '%8000%'],
        ['id_number', '%8000%'],
      ],
    ],
    ['410304', false, [['id_number', '410304%']]],
    [
      '1234',
      false,
      [
        ['id_number', '1234%'],
        ['phone', '%1234'],
        ['id_number', '%1234'],
      ],
    ],
    [
      '138',
      false,
      [
        ['id_number', '138%'],
        ['phone', '138%'],
        ['phone', '%138'],
        ['id_number', '%138'],
      ],
    ],
    ['12345', false, [['id_number', '12345%']]],
    ['张三', false, []],
    ['a123', false, []],
    ['123a', false, []],
  ])('%s (revealed: %s) may match %j', (text, revealed, patterns) => expect(searchDigits(text, revealed)).toEqual(patterns));

  it('refuses seven to ten digits unrevealed: they could recover a masked number', () => {
    expect(() => searchDigits('1380013', false)).toThrow(expect.objectContaining({ key: 'search.digits_hidden', params: { count: 7 }, hintKey: 'reveal.hint' }));
  });
});

describe('finding a worker by key', () => {
  it('takes a phone or an id (12 or #12), and says where names are looked up', async () => {
    const { ctx, close } = await freshCtx({ today: TODAY });
    try {
      await addWorker(ctx, { name: '张三', phone: '13800138000', occupation: 'rider', site: '站点_A' });
      await addWorker(ctx, { name: '李四', phone: '13900139000', occupation: 'rider', site: '站点BA' });
      const key = async (text: string) => {
        try {
          return (await findWorker(ctx.db, text)).name;
        } catch (error) {
          if (!(error instanceof NuanxinError)) throw error;
          return { key: error.key, params: error.params, hint: error.hintKey ?? null };
        }
      };
      expect([await key('1'), await key('#2'), await key(' 138 0013 8000 ')]).toEqual(['张三', '李四', '张三']);
      expect(await key('#12')).toEqual({ key: 'worker.not_found', params: { key: '#12' }, hint: null });
      expect(await key('#99999999999999999999')).toEqual({ key: 'worker.not_found', params: { key: '#99999999999999999999' }, hint: null });
      expect(await key('x#1')).toEqual({ key: 'worker.not_found', params: { key: 'x#1' }, hint: 'worker.not_found.hint' });
      expect(await key('#1x')).toEqual({ key: 'worker.not_found', params: { key: '#1x' }, hint: 'worker.not_found.hint' });
      // A search for _ or % means the character itself, not any character.
      expect((await listWorkers(ctx.db, { search: '_' })).map((w) => w.name)).toEqual(['张三']);
      expect((await listWorkers(ctx.db, { search: '%' })).map((w) => w.name)).toEqual([]);
    } finally {
      await close();
    }
  });
});
