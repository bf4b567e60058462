// The roster sheet at its edges, in this thread (the import parses it in a worker thread, which no
// in-process test reaches): every header clerks write, and each row's columns or refusal.
import { describe, expect, it } from 'vitest';
import { ROSTER_HEADERS, rosterParser } from '../../src/domain/workers/roster-parse.js';
import { mapHeaders } from '../../src/import/headers.js';
import { RowRejection } from '../../src/import/parse-records.js';

const cases = Object.entries(ROSTER_HEADERS).flatMap(([field, labels]) => labels.map((label) => [label, field] as const));

describe('the roster sheet', () => {
  it('has the headers clerks write', () => {
    expect(Object.fromEntries(Object.entries(ROSTER_HEADERS))).toEqual({
      name: ['姓名', '名字'],
      phone: ['手机号码', '手机号', '联系电话', '电话', '手机', 'mobile'],
      id_number: ['身份证号', '身份证号码', '身份证', 'id', 'idnumber'],
      gender: ['性别', 'sex'],
      occupation: ['从业类型', '职业', '岗位', '工种'],
      platform: ['所属平台', '平台', '所属企业', '企业'],
      site: ['所属站点', '站点', '网点', '营业部'],
      community: ['居住社区', '所在社区', '社区'],
      subdistrict: ['所属街道', '街道', '乡镇街道'],
      joined_on: ['入职日期', '加入日期', '入职时间', 'joined'],
      note: ['备注', 'notes'],
    });
  });

  it.each(cases)('header %s is the %s column', (label, field) => {
    const core = { name: '姓名', phone: '手机号码', occupation: '从业类型' } as Record<string, string>;
    const headers = [...Object.entries(core).map(([f, l]) => (f === field ? label : l)), ...(field in core ? [] : [label])];
    const map = mapHeaders(headers, ROSTER_HEADERS, rosterParser({ today: '2026-11-29', communities: [] }).required);
    expect(map.index[field as keyof typeof map.index]).toBe(headers.indexOf(label));
    expect(map.unknown).toEqual([]);
  });

  it('reads every column of a row, and refuses what validation refuses', () => {
    const parser = rosterParser({ today: '2026-11-29', communities: [['夹马营社区', 7]] });
    expect(parser.required).toEqual(['name', 'phone', 'occupation']);
    expect(parser.dateFields).toEqual(['joined_on']);
    const headers = ['姓名', '手机号码', '身份证号', '性别', '从业类型', '所属平台', '所属站点', '居住社区', '所属街道', '入职日期', '备注'];
    const map = mapHeaders(headers, ROSTER_HEADERS, parser.required);
    const parse = (cells: string[]) => {
      try {
        return parser.parse(map, cells, 2);
      } catch (error) {
        if (error instanceof RowRejection) return { refused: error.reason.key, params: error.reason.params };
        throw error;
      }
    };
    const row = parse(['张三', '138 0013 8000', '41030419900307008x', '男', '外卖骑手', '美团', '西关站', '夹马营社区', '西关街道', '2025/3/1', '夜班']);
    expect(row).toEqual({
      phone: '13800138000',
      columns: {
        name: '张三',
        id_number: '41030419900307008X',
        gender: 'male',
        occupation: 'rider',
        platform: '美团',
        site: '西关站',
        subdistrict: '西关街道',
        community_id: 7,
        joined_on: '2025-03-01',
        note: '夜班',
      },
    });
    expect(parser.keyOf?.(row as never)).toBe(13800138000);
    expect(parser.keyField?.(row as never)).toBe('phone');
    expect(parser.mayBeRefused?.(row as never)).toBe(true);
    const plain = parse(['李四', '13900139000', '', '', '快递员', '', '', '', '', '', '']);
    expect(plain).toMatchObject({ phone: '13900139000', columns: { name: '李四', occupation: 'courier' } });
    expect(parser.mayBeRefused?.(plain as never)).toBe(false);
    expect(parse(['王五', '1380013800', '', '', 'rider', '', '', '', '', '', ''])).toMatchObject({ refused: 'reject.phone' });
    expect(parse(['', '13700137000', '', '', 'rider', '', '', '', '', '', ''])).toMatchObject({ refused: 'reject.required', params: { field: 'name' } });
    expect(parse(['王五', '13700137000', '', '', '厨师', '', '', '', '', '', ''])).toMatchObject({ refused: 'reject.occupation' });
    expect(parse(['王五', '13700137000', '', '', 'rider', '', '', '和平里', '', '', ''])).toMatchObject({ refused: expect.stringMatching(/^reject\.community/) });
  });
});
