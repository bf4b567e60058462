// From raw records to parsed rows, in this thread: header labels as clerks write them, the header
// row found under title lines, blank, signature-only and 合计 rows, cells too long or holding
// controls, duplicates, and the rejects file written back in the input's encoding.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { cellOf, columnLabel, headerKey, headerScore, mapHeaders } from '../../src/import/headers.js';
import { LONG_CELL_LIMIT, parseInThread, type RowParser, RowRejection, recordParser, SHORT_CELL_LIMIT } from '../../src/import/parse-records.js';
import { isBlank, type ParsedBatch, type RawRecord } from '../../src/import/records.js';
import { writeRejects, writeRejectsWorkbook } from '../../src/import/rejects.js';
import { tempDir } from '../helpers/cli.js';
import { refusalOf } from '../helpers/refusal.js';
import { readXlsx } from '../helpers/workbook.js';

type Field = 'name' | 'phone' | 'note';
const ALIASES = { name: ['姓名', '名字'], phone: ['手机号码', '电话', 'Mobile'], note: ['备注'] };
type Person = { name: string; phone: string; note?: string };

/** A roster-like sheet: name and phone required, the phone unique, a 139 number may still be refused. */
const roster: RowParser<Field, Person> = {
  aliases: ALIASES,
  required: ['name', 'phone'],
  parse(map, cells) {
    const phone = cellOf(map, cells, 'phone') ?? '';
    if (!/^1\d{10}$/.test(phone)) throw new RowRejection({ key: 'reject.phone', params: { value: phone } });
    const note = cellOf(map, cells, 'note');
    return { name: cellOf(map, cells, 'name') ?? '', phone, ...(note === undefined ? {} : { note }) };
  },
  keyOf: (v) => v.phone,
  keyField: () => 'phone',
  mayBeRefused: (v) => v.phone.startsWith('139'),
};

const rows = (...lines: string[][]): RawRecord[] => lines.map((cells, i) => ({ row: i + 1, cells }));

function parseAll<V>(parser: RowParser<Field, V>, records: RawRecord[]): { batch: ParsedBatch<V>; end: ReturnType<ReturnType<typeof recordParser>['finish']> } {
  const state = recordParser(parser);
  const batch = state.push(records);
  return { batch, end: state.finish() };
}

describe('header labels', () => {
  it('compare without marks, spaces, zero-width characters or case', () => {
    expect(headerKey(' *手机号码（必填） ')).toBe('手机号码');
    expect(headerKey('\u200B姓名\uFEFF')).toBe('姓名');
    expect(headerKey('Mobile_No - 1')).toBe('mobileno1');
    expect(headerKey('ＰＨＯＮＥ')).toBe('phone');
  });

  it('name a column by its header, or its number when the header is blank', () => {
    expect(columnLabel(['姓名', '手机号码', '  '], 2)).toBe('3');
    expect(columnLabel(['姓名', ` ${'备注'.repeat(30)} `], 1)).toBe('备注'.repeat(20));
  });

  it('do not count a cell longer than any header', () => {
    expect(headerScore(['姓名', `手机号码${' '.repeat(70)}`], ALIASES, ['name', 'phone'])).toEqual({ known: 1, complete: false });
    expect(headerScore(['姓名', '手机号码 '], ALIASES, ['name', 'phone'])).toEqual({ known: 2, complete: true });
  });

  it('list the unknown columns trimmed, never the blank or ignored ones', () => {
    const map = mapHeaders<Field>(['序号', '姓名', ' 手机号码 ', '', '  ', ' 工号 ', '签名'], ALIASES, ['name', 'phone']);
    expect(map).toEqual({ index: { name: 1, phone: 2 }, unknown: ['工号'], headers: ['序号', '姓名', ' 手机号码 ', '', '  ', ' 工号 ', '签名'] });
    expect(cellOf(map, ['1', '张三', '13800138000', '', '', 'A01', ''], 'phone')).toBe('13800138000');
    expect(cellOf(map, ['1', '张三', '13800138000', '', '', 'A01', ''], 'note')).toBeUndefined();
  });

  it('refuse two columns for one field, naming the second as written (short)', async () => {
    const long = `手机号码${'*'.repeat(50)}`;
    expect(await refusalOf(() => mapHeaders(['姓名', '电话', ` ${long} `], ALIASES, ['name', 'phone']))).toEqual({
      key: 'import.duplicate_column',
      params: { column: long.slice(0, 40), first: 2, second: 3 },
    });
  });

  it('refuse a missing column, listing at most twenty headers found, each short', async () => {
    const headers = ['姓名', '  ', ` ${'身份证号码'.repeat(10)} `, ...Array.from({ length: 25 }, (_, i) => `列${i + 1}`)];
    expect(await refusalOf(() => mapHeaders(headers, ALIASES, ['name', 'phone']))).toEqual({
      key: 'import.missing_columns',
      params: {
        missing: 'phone (手机号码/电话)',
        found: ['姓名', '身份证号码'.repeat(8), ...Array.from({ length: 18 }, (_, i) => `列${i + 1}`)].join(', '),
      },
    });
    expect(await refusalOf(() => mapHeaders(['', ' '], ALIASES, ['name']))).toEqual({ key: 'import.missing_columns', params: { missing: 'name (姓名/名字)', found: '—' } });
  });
});

describe('finding the header', () => {
  it('skips title and date lines above it, and keeps them', () => {
    const { batch, end } = parseAll(
      roster,
      rows(['2026年11月 骑手花名册', '', ''], ['', '', ''], ['填报日期：2026-11-29'], ['姓名', '手机号码', '备注'], ['张三', '13800138000', '早班']),
    );
    expect(batch).toEqual({
      header: ['姓名', '手机号码', '备注'],
      headerRow: 4,
      preamble: [['2026年11月 骑手花名册', '', ''], ['', '', ''], ['填报日期：2026-11-29']],
      unknownColumns: [],
      items: [{ row: 5, value: { name: '张三', phone: '13800138000', note: '早班' } }],
    });
    expect(end.skipped).toEqual({ above_header: 3, blank: 0, totals: 0 });
  });

  it('looks at thirty non-blank rows, blank ones not counted', async () => {
    const titles = Array.from({ length: 29 }, (_, i) => [`说明第${i + 1}行`, '']);
    const found = parseAll(roster, rows(...titles, ['', ''], ['姓名', '手机号码'], ['张三', '13800138000']));
    expect(found.batch.headerRow).toBe(31);
    const tooLate = [...titles, ['说明第30行', '']];
    expect(await refusalOf(() => recordParser(roster).push(rows(...tooLate, ['姓名', '手机号码'], ['张三', '13800138000'])))).toEqual({
      key: 'import.no_header',
      params: { expected: '姓名, 手机号码', rows: '1: 说明第1行; 2: 说明第2行; 3: 说明第3行', scanned: 30 },
      hint: 'import.no_header.hint',
    });
  });

  it('treats the closest row as a header missing columns, the first of equals', async () => {
    const state = recordParser(roster);
    state.push(rows(['骑手名单'], ['姓名', '备注'], ['手机号码', '备注'], ['张三', '早班']));
    expect(await refusalOf(() => state.finish())).toEqual({ key: 'import.missing_columns', params: { missing: 'phone (手机号码/电话)', found: '姓名, 备注' } });
  });

  it('says what it saw when no row names two known columns', async () => {
    const state = recordParser(roster);
    state.push(rows(['', ''], ['  骑手 ', '', `${'很长的说明文字'.repeat(4)}`], ['姓名'], ['一', '二', '三', '四', '五', '六', '七', '八', '九'], ['第四行']));
    expect(await refusalOf(() => state.finish())).toEqual({
      key: 'import.no_header',
      params: { expected: '姓名, 手机号码', rows: `2: 骑手 | ${'很长的说明文字'.repeat(4).slice(0, 20)}; 3: 姓名; 4: 一 | 二 | 三 | 四 | 五 | 六 | 七 | 八`, scanned: 30 },
      hint: 'import.no_header.hint',
    });
  });

  it('refuses an empty file, and a file of blank lines as having no header', async () => {
    const empty = recordParser(roster);
    empty.push([]);
    expect(await refusalOf(() => empty.finish())).toEqual({ key: 'import.empty', params: {} });
    const blank = recordParser(roster);
    blank.push(rows([''], ['', '']));
    expect(await refusalOf(() => blank.finish())).toEqual({
      key: 'import.no_header',
      params: { expected: '姓名, 手机号码', rows: '—', scanned: 30 },
      hint: 'import.no_header.hint',
    });
  });
});

describe('data rows', () => {
  it('counts blank, signature-only and 合计 rows apart', () => {
    const { batch, end } = parseAll(
      roster,
      rows(
        ['序号', '姓名', '手机号码', '签名'],
        ['1', '张三', '13800138000', ''],
        ['2', ' ', '  ', ''],
        ['', '', '', ''],
        ['3', '李四', '13700137000', ''],
        ['', ' 合 计 ', '2', ''],
        ['  ', '制表人：王五', '', ''],
      ),
    );
    expect(batch.items).toEqual([
      { row: 2, value: { name: '张三', phone: '13800138000' } },
      { row: 5, value: { name: '李四', phone: '13700137000' } },
    ]);
    expect(end.skipped).toEqual({ above_header: 0, blank: 2, totals: 2 });
  });

  it('keeps the cells of a row a write may still refuse, and refuses repeats and bad rows', () => {
    const { batch } = parseAll(roster, rows(['姓名', '手机号码'], ['张三', '13900139000'], ['李四', '13800138000'], ['王五', '13900139000'], ['赵六', '1380013'], ['孙七']));
    expect(batch.items).toEqual([
      { row: 2, value: { name: '张三', phone: '13900139000' }, cells: ['张三', '13900139000'] },
      { row: 3, value: { name: '李四', phone: '13800138000' } },
      { row: 4, reject: { key: 'reject.duplicate', params: { row: 2, field: 'phone' } }, cells: ['王五', '13900139000'] },
      { row: 5, reject: { key: 'reject.phone', params: { value: '1380013' } }, cells: ['赵六', '1380013'] },
      { row: 6, reject: { key: 'reject.cells', params: { found: 1, expected: 2 } }, cells: ['孙七'] },
    ]);
  });

  it('works with a parser that has no key, key field or refusal hint', () => {
    const plain: RowParser<Field, string> = { aliases: ALIASES, required: ['name', 'phone'], parse: (map, cells) => cellOf(map, cells, 'name') ?? '' };
    expect(parseAll(plain, rows(['姓名', '电话'], ['张三', '138'], ['张三', '139'])).batch.items).toEqual([
      { row: 2, value: '张三', cells: ['张三', '138'] },
      { row: 3, value: '张三', cells: ['张三', '139'] },
    ]);
    const unnamed: RowParser<Field, string> = { ...plain, keyOf: (v) => v };
    expect(parseAll(unnamed, rows(['姓名', '电话'], ['张三', '138'], ['张三', '139'])).batch.items[1]).toEqual({
      row: 3,
      reject: { key: 'reject.duplicate', params: { row: 2, field: 'key' } },
      cells: ['张三', '139'],
    });
  });

  it('lets a parser failure that is not a refusal through', () => {
    const broken: RowParser<Field, string> = {
      aliases: ALIASES,
      required: ['name', 'phone'],
      parse: () => {
        throw new TypeError('数据库连接中断');
      },
    };
    expect(() => recordParser(broken).push(rows(['姓名', '电话'], ['张三', '138']))).toThrow(new TypeError('数据库连接中断'));
  });

  it('limits short fields to 4,096 characters and no controls; prose and unknown columns get 65,536 and line breaks', () => {
    const atLimit = '张'.repeat(SHORT_CELL_LIMIT);
    const header = ['姓名', '手机号码', '备注', '说明'];
    const { batch } = parseAll(
      roster,
      rows(
        header,
        [atLimit, '13800138000', '', ''],
        [`${atLimit}三`, '13800138001', '', ''],
        ['李四', '13800138002', '早班\t晚班\r\n周末', '第一行\n第二行'],
        ['王五\t', '13800138003', '', ''],
        ['赵六', '13800138004', '', '响铃\u0007'],
        ['孙七', '13800138005', '长'.repeat(LONG_CELL_LIMIT + 5), ''],
      ),
    );
    expect(batch.items).toEqual([
      { row: 2, value: { name: atLimit, phone: '13800138000', note: '' } },
      {
        row: 3,
        reject: { key: 'reject.too_long', params: { column: '姓名', length: SHORT_CELL_LIMIT + 1, limit: SHORT_CELL_LIMIT } },
        cells: [`${atLimit}三`, '13800138001', '', ''],
      },
      { row: 4, value: { name: '李四', phone: '13800138002', note: '早班\t晚班\r\n周末' } },
      { row: 5, reject: { key: 'reject.control', params: { column: '姓名' } }, cells: ['王五\t', '13800138003', '', ''] },
      { row: 6, reject: { key: 'reject.control', params: { column: '说明' } }, cells: ['赵六', '13800138004', '', '响铃\u0007'] },
      {
        row: 7,
        reject: { key: 'reject.too_long', params: { column: '备注', length: LONG_CELL_LIMIT + 5, limit: LONG_CELL_LIMIT } },
        cells: ['孙七', '13800138005', '长'.repeat(LONG_CELL_LIMIT), ''],
      },
    ]);
  });

  it('hashes the parsed rows, not the bytes: the same rows hash the same', async () => {
    async function* batches() {
      yield rows(['报表'], ['姓名', '手机号码'], ['张三', '13800138000'], ['', '']);
      yield [{ row: 5, cells: ['李四', '13700137000'] }];
    }
    const out: ParsedBatch<Person>[] = [];
    for await (const batch of parseInThread(batches(), roster)) out.push(batch);
    const expected = createHash('sha256').update('姓名\uFDD0手机号码\n张三\uFDD013800138000\n李四\uFDD013700137000\n').digest('hex');
    expect(out.at(-1)).toEqual({ items: [], contentSha256: expected, skipped: { above_header: 1, blank: 1, totals: 0 } });
    expect(out.map((b) => b.items.length)).toEqual([1, 1, 0]);
  });
});

describe('a workbook sheet', () => {
  type Joined = 'name' | 'phone' | 'joined';
  const dated: RowParser<Joined, string[]> = {
    aliases: { name: ['姓名'], phone: ['手机号码'], joined: ['入职日期'] },
    required: ['name', 'phone'],
    dateFields: ['joined'],
    parse: (_map, cells) => [...cells],
    mayBeRefused: () => false,
  };
  const lines = () => rows(['姓名', '手机号码', '入职日期'], ['张三', '13800138000', '45292'], ['李四', '13700137000', '#N/A'], ['王五', '13600136000']);
  const sheet = { name: '花名册', index: 1, nonEmpty: ['花名册'] };

  it('turns date serials into dates, pads short rows and refuses failed formulas', () => {
    const batch = recordParser(dated).push(Object.assign(lines(), { sheet }));
    expect(batch.sheet).toEqual(sheet);
    expect(batch.items).toEqual([
      { row: 2, value: ['张三', '13800138000', '2024-01-01'] },
      { row: 3, reject: { key: 'reject.excel_error', params: { column: '入职日期', value: '#N/A' } }, cells: ['李四', '13700137000', '#N/A'] },
      { row: 4, value: ['王五', '13600136000', ''] },
    ]);
  });

  it('leaves the same cells of a CSV as written', () => {
    const batch = recordParser(dated).push(lines());
    expect(batch.sheet).toBeUndefined();
    expect(batch.items).toEqual([
      { row: 2, value: ['张三', '13800138000', '45292'] },
      { row: 3, value: ['李四', '13700137000', '#N/A'] },
      { row: 4, reject: { key: 'reject.cells', params: { found: 2, expected: 3 } }, cells: ['王五', '13600136000'] },
    ]);
  });
});

describe('blank rows', () => {
  it('are rows of empty or whitespace cells', () => {
    expect(isBlank(['', '  ', '\t', '\u3000'])).toBe(true);
    expect(isBlank(['', ' 张三 '])).toBe(false);
    expect(isBlank([])).toBe(true);
  });
});

describe('the rejects file', () => {
  const dir = tempDir();
  const labels = { row: '行号', reason: '原因' };

  it('pads short rows, in the input encoding, delimiter and BOM', async () => {
    const input = join(dir, '花名册.csv');
    writeFileSync(input, iconv.encode('姓名\t手机号码\t备注\r\n', 'gb18030'));
    const out = join(dir, '花名册.rejects.csv');
    const refused = [
      { row: 4, cells: ['孙七'], reason: '应有 3 列，实有 1 列' },
      { row: 6, cells: ['赵六', '1380013', '早班'], reason: '手机号码格式不对' },
    ];
    await writeRejects(out, { path: input, encoding: 'gb18030', bom: false, delimiter: '\t' }, ['姓名', '手机号码', '备注'], refused, labels, { protect: [] });
    expect(iconv.decode(readFileSync(out), 'gb18030')).toBe(
      '姓名\t手机号码\t备注\t行号\t原因\r\n孙七\t\t\t4\t应有 3 列，实有 1 列\r\n赵六\t1380013\t早班\t6\t手机号码格式不对\r\n',
    );
    await writeRejects(
      out,
      { path: input, encoding: 'utf-8', bom: true, delimiter: ',' },
      ['姓名', '手机号码'],
      [{ row: 2, cells: ['张三', '1', '多'], reason: '多一列' }],
      labels,
      {
        protect: [],
      },
    );
    expect(readFileSync(out)).toEqual(Buffer.from('\uFEFF姓名,手机号码,行号,原因\r\n张三,1,多,2,多一列\r\n', 'utf8'));
  });

  it('is never written over the input', async () => {
    const input = join(dir, '名单.csv');
    writeFileSync(input, iconv.encode('姓名,手机号码\r\n', 'gb18030'));
    const info = { path: input, encoding: 'gb18030' as const, bom: false, delimiter: ',' as const };
    const protectedInput = { key: 'file.protected', params: { path: input, reason: undefined }, hint: 'file.protected.hint' };
    expect(await refusalOf(() => writeRejects(input, info, ['姓名'], [], labels, { protect: [] }))).toEqual(protectedInput);
    expect(await refusalOf(() => writeRejectsWorkbook(input, { path: input, sheet: '名单' }, { header: ['姓名'], preamble: [] }, [], labels, { protect: [] }))).toEqual(
      protectedInput,
    );
    expect(iconv.decode(readFileSync(input), 'gb18030')).toBe('姓名,手机号码\r\n');
  });

  it('as a workbook: title lines, header, each refused row padded, with its row and reason', async () => {
    const out = join(dir, '名单.rejects.xlsx');
    await writeRejectsWorkbook(
      out,
      { path: join(dir, '名单.xlsx'), sheet: '名单' },
      { header: ['姓名', '手机号码', '备注'], preamble: [['2026年骑手名单']] },
      [{ row: 3, cells: ['孙七'], reason: '缺手机号码' }],
      labels,
      { protect: [] },
    );
    const [sheet] = readXlsx(out).sheets;
    // Empty cells are not stored: they read back as null, and the row number stays in its column.
    expect(sheet!.rows).toEqual([
      ['2026年骑手名单', null, null, null, null],
      ['姓名', '手机号码', '备注', '行号', '原因'],
      ['孙七', null, null, 3, '缺手机号码'],
    ]);
  });
});
