import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rawRows } from '../helpers/raw.js';
import { freshCli } from '../helpers/cli.js';
import { packagePart, readXlsx, writeXlsx, XLSX, type Cell } from '../helpers/workbook.js';

async function district() {
  const fresh = await freshCli({ NUANXIN_TODAY: '2026-11-29' });
  await fresh.cli(['community', 'add', '夹马营社区', '--subdistrict', '西关街道']);
  await fresh.cli(['community', 'add', '东关社区', '--subdistrict', '东关街道']);
  return fresh;
}

function stored(db: string, sql = 'select phone, name, id_number, joined_on, note from workers order by phone'): Promise<unknown[]> {
  return rawRows(db, sql);
}

const HEADER: Cell[] = ['序号', '姓名', '手机号码', '身份证号', '从业类型', '居住社区', '入职日期', '备注'];

/** A roster as a 街道 sends it: a merged title, a date line, the header on row 3, then the mess. */
const ROSTER: Cell[][] = [
  ['夹马营社区新就业群体花名册'],
  ['填报单位：夹马营社区    填报日期：2026年11月20日'],
  HEADER,
  [1, '王芳', 13800138000, '110101199003074573', '外卖骑手', '夹马营社区', new Date(Date.UTC(2024, 2, 5)), { formula: 'CONCAT("夜","班")', result: '夜班' }],
  [2, '李强', { value: 13800100000, format: '0.00000E+00' }, null, '快递员', '夹马营社区', null, null],
  // An ID typed into a General cell: Excel keeps a double, so its last digits are already gone.
  [3, '张伟', '139 0013 9000', Number('410306198505121236'), '快递员', '东关社区', null, null],
  [],
  [4, '  赵敏 ', 13700137000, null, '网约车司机', '东关社区', 45292, null],
  [5],
  ['合 计', '共5人'],
];

async function rosterWorkbook(dir: string, name = 'roster.xlsx', rows = ROSTER): Promise<string> {
  const path = join(dir, name);
  await writeXlsx(path, [{ name: '花名册', rows, merge: ['A1:H1'] }]);
  return path;
}

describe('reading workbooks', () => {
  it('finds the header under the title rows, reads number and date cells as the clerk sees them, and reports Excel row numbers', async () => {
    const { cli, dir, db } = await district();
    const r = await cli(['worker', 'import', await rosterWorkbook(dir), '--json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ inserted: 2, rejected: 2, skipped: { above_header: 2, blank: 2, totals: 1 }, unknown_columns: [] });
    expect(report.file).toMatchObject({ name: 'roster.xlsx', format: 'xlsx', sheet: '花名册', encoding: null });
    expect(report.rejects).toEqual([
      { row: 5, reason: expect.stringContaining('turned into a number by Excel') },
      // Excel kept 15 digits: 410306198505121236 became 4.10306E+17 (masked like any ID number).
      { row: 6, reason: expect.stringMatching(/^ID number "4\.1030\*E\+17" was stored as a number by Excel and lost its last digits/) },
    ]);
    expect(await stored(db)).toEqual([
      { phone: '13700137000', name: '赵敏', id_number: null, joined_on: '2024-01-01', note: null },
      { phone: '13800138000', name: '王芳', id_number: '110101199003074573', joined_on: '2024-03-05', note: '夜班' },
    ]);
  });

  it('reads the same roster saved as .xls (BIFF) whatever its name says', async () => {
    const { cli, dir } = await district();
    const xlsx = await rosterWorkbook(dir);
    const xls = join(dir, '花名册.csv');
    XLSX.writeFile(XLSX.readFile(xlsx, { cellNF: true }), xls, { bookType: 'biff8' });
    const r = await cli(['worker', 'import', xls, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ inserted: 2, rejected: 2, rejects: [{ row: 5 }, { row: 6 }], file: { format: 'xls' } });
  });

  it('passes over an instructions sheet, names the sheet read when others hold data, and takes --sheet by name or number', async () => {
    const { cli, dir } = await district();
    const path = join(dir, 'two.xlsx');
    await writeXlsx(path, [
      { name: '说明', rows: [['请从第4行起填写'], ['手机号码请设为文本格式']] },
      { name: '花名册', rows: ROSTER },
      { name: '隐藏', rows: [['x']], hidden: true },
    ]);
    const dry = await cli(['worker', 'import', path, '--dry-run', '--json']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ inserted: 2, file: { sheet: '花名册' } });
    expect(dry.stderr).toContain('read sheet "花名册" (2); the workbook has other sheets with data: 说明 (use --sheet to choose)');
    const named = await cli(['worker', 'import', path, '--sheet', '花名册', '--dry-run', '--json']);
    expect(named.stderr).toBe('');
    const first = await cli(['worker', 'import', path, '--sheet', '1']);
    expect(first).toMatchObject({ code: 5, stdout: '' });
    expect(first.stderr).toMatch(
      /^error: no header row found in the first 30 rows: expected columns such as 姓名, 手机号码, 从业类型; first rows seen: 1: 请从第4行起填写; 2: 手机号码请设为文本格式\n/,
    );
    const missing = await cli(['worker', 'import', path, '--sheet', '汇总']);
    expect(missing).toMatchObject({ code: 5, stderr: expect.stringContaining('the workbook has no sheet "汇总"; its sheets: 1. 说明, 2. 花名册, 3. 隐藏') });
  });

  it('keeps every CSV guarantee: --dry-run and --strict write nothing, the same workbook twice changes nothing', async () => {
    const { cli, dir, db } = await district();
    const path = await rosterWorkbook(dir);
    expect(JSON.parse((await cli(['worker', 'import', path, '--dry-run', '--json'])).stdout)).toMatchObject({ inserted: 2, written: false });
    const strict = await cli(['worker', 'import', path, '--strict']);
    expect(strict.code).toBe(5);
    expect(await stored(db)).toEqual([]);
    const first = JSON.parse((await cli(['worker', 'import', path, '--json'])).stdout);
    expect(first).toMatchObject({ inserted: 2, written: true });
    // (On PostgreSQL the rolled-back runs above used up ids 1 and 2: a sequence is not rolled back.)
    const again = JSON.parse((await cli(['worker', 'import', path, '--json'])).stdout);
    expect(again).toMatchObject({ inserted: 0, already_imported: { id: first.import_id } });
    expect(await stored(db, 'select encoding, inserted, rejected from imports')).toEqual([{ encoding: 'xlsx', inserted: 2, rejected: 2 }]);
  });

  it('writes the rejects of a workbook as a workbook (title rows, header, rows as read, 行号/原因) that imports once fixed', async () => {
    const { cli, dir, db } = await district();
    const out = join(dir, '退回.xlsx');
    const r = await cli(['worker', 'import', await rosterWorkbook(dir), '--rejects', out], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(r.code, r.stderr).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const [sheet] = readXlsx(out).sheets;
    expect(sheet!.name).toBe('花名册');
    expect(sheet!.rows.slice(0, 3)).toEqual([
      ['夹马营社区新就业群体花名册', null, null, null, null, null, null, null, null, null],
      ['填报单位：夹马营社区    填报日期：2026年11月20日', null, null, null, null, null, null, null, null, null],
      [...HEADER, '行号', '原因'],
    ]);
    expect(sheet!.rows.slice(3).map((row) => [row[1], row[2], row[8]])).toEqual([
      ['李强', '1.38001E+10', 5],
      ['张伟', '139 0013 9000', 6],
    ]);
    // The clerk types the two numbers again, as text, and imports the rejects file itself.
    const fixed = sheet!.rows.map((row) => [...row]);
    fixed[3]![2] = '13800100001';
    fixed[4]![3] = '410306198505121236';
    const again = join(dir, '退回-已改.xlsx');
    XLSX.writeFile({ SheetNames: ['花名册'], Sheets: { 花名册: XLSX.utils.aoa_to_sheet(fixed) } }, again);
    const second = await cli(['worker', 'import', again, '--json']);
    expect(second.code, second.stderr).toBe(0);
    // 行号 and 原因 are nuanxin's own columns: read past in silence.
    expect(JSON.parse(second.stdout)).toMatchObject({ inserted: 2, rejected: 0, unknown_columns: [] });
    expect(await stored(db, 'select count(*) as n from workers')).toEqual([{ n: 4 }]);
  });

  it('refuses what it cannot read safely, with exit 5 and nothing written', async () => {
    const { cli, dir, db } = await district();
    const good = readFileSync(await rosterWorkbook(dir));
    const cases: [name: string, bytes: Buffer, says: RegExp][] = [
      [
        'cut.xlsx',
        good.subarray(0, Math.floor(good.length / 2)),
        /^error: the workbook is damaged \(its ZIP structure is incomplete\); nothing was imported\nhint: open it in Excel or WPS/,
      ],
      ['encrypted.xlsx', encryptedLike(), /^error: the workbook is password-protected; nothing was imported\nhint: open it in Excel or WPS with its password/],
      ['letter.docx', zipWith('word/document.xml', '<w:document/>'), /^error: the file is a ZIP or Office file but not a spreadsheet \(\.xlsx\/\.xls\)/],
      [
        'huge.xlsx',
        Buffer.concat([good.subarray(0, 4), Buffer.alloc(26 * 1024 * 1024)]),
        /^error: the workbook is 26\.0 MB; workbooks up to 25\.0 MB are read\nhint: .*CSV file of any size/,
      ],
    ];
    for (const [name, bytes, says] of cases) {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      const r = await cli(['station', 'import', path]);
      expect({ name, code: r.code, stdout: r.stdout }).toEqual({ name, code: 5, stdout: '' });
      expect(r.stderr).toMatch(says);
    }
    const noHeader = join(dir, '台账.xlsx');
    await writeXlsx(noHeader, [{ name: 'Sheet1', rows: [['2026年驿站经费'], ['项目', '金额', '日期'], ['饮水机', '1200', '2026-03-01']] }]);
    const r = await cli(['station', 'import', noHeader]);
    expect(r).toMatchObject({ code: 5, stdout: '' });
    expect(r.stderr).toMatch(
      /^error: no header row found in the first 30 rows: expected columns such as .*; first rows seen: 1: 2026年驿站经费; 2: 项目 \| 金额 \| 日期; 3: 饮水机 \| 1200 \| 2026-03-01\n/,
    );
    expect(await stored(db, 'select count(*) as n from imports')).toEqual([{ n: 0 }]);
  });
});

/** An OLE2 compound file holding an EncryptedPackage stream: what Office's "Encrypt with password" saves. */
function encryptedLike(): Buffer {
  const cfb = XLSX.CFB.utils.cfb_new();
  XLSX.CFB.utils.cfb_add(cfb, 'EncryptionInfo', Buffer.alloc(200, 1));
  XLSX.CFB.utils.cfb_add(cfb, 'EncryptedPackage', Buffer.alloc(5000, 2));
  return Buffer.from(XLSX.CFB.write(cfb, { type: 'buffer' }) as Uint8Array);
}

function zipWith(name: string, content: string): Buffer {
  const zip = XLSX.CFB.utils.cfb_new();
  XLSX.CFB.utils.cfb_add(zip, name, Buffer.from(content));
  return Buffer.from(XLSX.CFB.write(zip, { type: 'buffer', fileType: 'zip' }) as Uint8Array);
}

describe('odd sheets', () => {
  it('reads a title with gaps, a header with an empty column, a table that starts at column C, and a stray cell at XFD1048576', async () => {
    const { cli, dir } = await district();
    const path = join(dir, 'odd.xlsx');
    await writeXlsx(path, [
      {
        name: 'Sheet1',
        rows: [
          [null, null, '夹马营社区花名册', null, null, null, '2026年11月'],
          [],
          [null, null, '姓名', null, '手机号码', '从业类型', '入职日期'],
          [null, null, '王芳', null, 13800138000, '外卖骑手', { value: 45000.5, format: 'yyyy-mm-dd hh:mm' }],
          [null, null, '李强', null, { formula: '1/0', result: { error: '#DIV/0!' } } as never, '快递员', null],
        ],
      },
    ]);
    // One stray cell far away: the sheet's used range then covers 17 billion cells.
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    book.worksheets[0]!.getCell('XFD1048576').value = '.';
    await book.xlsx.writeFile(path);
    const started = Date.now();
    const r = await cli(['worker', 'import', path, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(JSON.parse(r.stdout)).toMatchObject({
      inserted: 1,
      rejected: 1,
      rejects: [{ row: 5, reason: 'column 手机号码 holds the Excel error #DIV/0! (a formula that failed); correct it in Excel and import again' }],
      // The stray cell is outside the table: its row is one empty row; the million rows before it are not in the file.
      skipped: { above_header: 2, blank: 1, totals: 0 },
    });
    // A date cell with a time keeps its day.
    expect(JSON.parse((await cli(['worker', 'show', '13800138000', '--json'])).stdout)).toMatchObject({ joinedOn: '2023-03-15' });
  });

  it('a rejects workbook keeps the cells as they were (a +86 phone, a note "-"), so the fixed file imports', async () => {
    const { cli, dir } = await district();
    const path = join(dir, 'in.xlsx');
    await writeXlsx(path, [
      {
        name: '花名册',
        rows: [
          ['姓名', '手机号码', '从业类型', '备注'],
          ['王芳', '+86 138 0013 8061', '厨师', '-'],
          ['=李强', '13900139000', '厨师', '@夜班'],
        ],
      },
    ]);
    const rejects = join(dir, 'rejects.xlsx');
    expect((await cli(['worker', 'import', path, '--rejects', rejects])).code).toBe(0);
    const [sheet] = readXlsx(rejects).sheets;
    expect(sheet!.rows.slice(1).map((r) => r.slice(0, 4))).toEqual([
      ['王芳', '+86 138 0013 8061', '厨师', '-'],
      ['=李强', '13900139000', '厨师', '@夜班'],
    ]);
    const fixed = sheet!.rows.map((r) => [...r]);
    fixed[1]![2] = '外卖骑手';
    fixed[2]![2] = '快递员';
    fixed[2]![0] = '李强';
    const again = join(dir, 'fixed.xlsx');
    XLSX.writeFile({ SheetNames: ['花名册'], Sheets: { 花名册: XLSX.utils.aoa_to_sheet(fixed) } }, again);
    expect(JSON.parse((await cli(['worker', 'import', again, '--json'])).stdout)).toMatchObject({ inserted: 2, rejected: 0 });
    expect(JSON.parse((await cli(['worker', 'show', '13800138061', '--json'])).stdout)).toMatchObject({ name: '王芳', note: '-' });
  });

  it('a CSV import with --rejects FILE.xlsx writes a workbook', async () => {
    const { cli, dir } = await district();
    const csv = join(dir, 'in.csv');
    writeFileSync(csv, '姓名,手机号码,从业类型\r\n王芳,1380013,外卖骑手\r\n');
    const out = join(dir, 'bad.xlsx');
    expect((await cli(['worker', 'import', csv, '--rejects', out])).code).toBe(0);
    expect(readXlsx(out).sheets[0]!.rows).toEqual([
      ['姓名', '手机号码', '从业类型', 'row', 'reason'],
      ['王芳', '1380013', '外卖骑手', 2, expect.stringContaining('1380013')],
    ]);
  });
});

describe('writing workbooks', () => {
  it('writes every row of a long list: a workbook of 450 workers has 450 rows', async () => {
    const { cli, dir } = await district();
    const csv = join(dir, 'many.csv');
    const lines = Array.from({ length: 450 }, (_, i) => `工人${i},1380000${String(i).padStart(4, '0')},外卖骑手`);
    writeFileSync(csv, ['姓名,手机号码,从业类型', ...lines].join('\r\n'));
    expect((await cli(['worker', 'import', csv])).code).toBe(0);
    const out = join(dir, 'all.xlsx');
    expect((await cli(['worker', 'export', '--format', 'xlsx', '--out', out])).code).toBe(0);
    const rows = readXlsx(out).sheets[0]!.rows.slice(1);
    expect(rows.map((r) => r[0])).toEqual(Array.from({ length: 450 }, (_, i) => i + 1));
    const listed = join(dir, 'list.xlsx');
    expect((await cli(['worker', 'list', '--limit', '0', '--format', 'xlsx', '--out', listed])).code).toBe(0);
    expect(readXlsx(listed).sheets[0]!.rows).toHaveLength(451);
  });

  it('figures shown as text in a list (an amount, a rate) are number cells in their own format', async () => {
    const { figureCell } = await import('../../src/files/workbook-writer.js');
    expect(figureCell('299.00')).toEqual({ value: 299, numFmt: '0.00' });
    expect(figureCell('92%')).toEqual({ value: 0.92, numFmt: '0%' });
    expect(figureCell('12.5%')).toEqual({ value: 0.125, numFmt: '0.0%' });
    for (const text of ['13800138000', '138****8000', '110101199003074573', 'ST0001', '12/12', '2026-11-29']) expect(figureCell(text)).toBe(text);
  });

  it('worker export --format xlsx: number and date cells, masked phones and IDs unless revealed, formulas neutralised, a bold frozen header', async () => {
    const { cli, dir } = await district();
    await cli([
      'worker',
      'add',
      '--name',
      '王芳',
      '--phone',
      '13800138000',
      '--occupation',
      '外卖骑手',
      '--community',
      '夹马营社区',
      '--id-number',
      '110101199003074573',
      '--joined',
      '2024-03-05',
      '--note',
      '=HYPERLINK("x")',
    ]);
    const out = join(dir, '花名册.xlsx');
    const r = await cli(['worker', 'export', '--format', 'xlsx', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const [sheet] = readXlsx(out).sheets;
    const header = sheet!.rows[0] as string[];
    const row = Object.fromEntries(header.map((h, i) => [h, sheet!.rows[1]![i]]));
    expect(row).toMatchObject({
      'no.': 1,
      name: '王芳',
      phone: '138****8000',
      'ID number': '110101********4573',
      joined: new Date(Date.UTC(2024, 2, 5)),
      // Formula-like text is kept as typed, in the Text format (@): never a formula, even once edited in Excel.
      note: '=HYPERLINK("x")',
    });
    const noteCell = sheet!.sheet[`${XLSX.utils.encode_col(header.indexOf('note'))}2`]!;
    expect(noteCell).toMatchObject({ t: 's', z: '@' });
    expect(sheet!.sheet.A2!.t).toBe('n');
    expect(packagePart(out, 'xl/worksheets/sheet1.xml')).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(packagePart(out, 'xl/styles.xml')).toContain('<b/>');
    const revealed = join(dir, '核对.xlsx');
    await cli(['worker', 'export', '--format', 'xlsx', '--out', revealed, '--reveal', '--reason', '上报核对']);
    expect(readXlsx(revealed).sheets[0]!.rows[1]).toContain('13800138000');
  });

  it('every list takes --format xlsx --out; on a terminal without --out it is a usage error', async () => {
    const { cli, dir } = await district();
    await cli(['worker', 'add', '--name', '王芳', '--phone', '13800138000', '--occupation', '外卖骑手', '--community', '夹马营社区']);
    const out = join(dir, 'list.xlsx');
    const r = await cli(['worker', 'list', '--format', 'xlsx', '--out', out]);
    expect(r).toMatchObject({ code: 0, stdout: '' });
    expect(readXlsx(out).sheets[0]!.rows).toEqual([
      ['no.', 'name', 'phone', 'occupation', 'platform', 'site', 'community', 'status'],
      [1, '王芳', '138****8000', 'food-delivery rider', null, null, '夹马营社区', 'active'],
    ]);
    const communities = join(dir, 'communities.csv');
    expect((await cli(['community', 'list', '--format', 'csv', '--out', communities])).code).toBe(0);
    expect(readFileSync(communities, 'utf8')).toBe('\uFEFFcommunity,subdistrict,stations,workers\r\n东关社区,东关街道,0,0\r\n夹马营社区,西关街道,0,1\r\n');
    const tty = await cli(['worker', 'list', '--format', 'xlsx'], { tty: true });
    expect(tty).toMatchObject({ code: 2, stdout: '' });
    expect(tty.stderr).toContain('--format xlsx writes a workbook: give --out FILE.xlsx');
  });

  it('report weekly and programme --format xlsx: one sheet per section, figures as numbers, mode 0644', async () => {
    const { cli, dir } = await district();
    await cli(['worker', 'add', '--name', '王芳', '--phone', '13800138000', '--occupation', '外卖骑手', '--community', '夹马营社区']);
    const weekly = join(dir, '周报.xlsx');
    const r = await cli(['report', 'weekly', '--format', 'xlsx', '--out', weekly], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(r.code, r.stderr).toBe(0);
    expect(statSync(weekly).mode & 0o777).toBe(0o644);
    const { sheets } = readXlsx(weekly);
    expect(sheets.map((s) => s.name).slice(0, 4)).toEqual(['新就业群体劳动者', '爱心驿站', '志愿积分', '微心愿']);
    const workers = sheets[0]!;
    expect(workers.rows[0]![0]).toMatch(/^周报 · 全区 · \d{4}-W\d{2}$/);
    expect(workers.rows[2]).toEqual(['指标', '本期', '上期', '变化']);
    expect(workers.rows[3]).toEqual(['在册人数（期末）', expect.any(Number), expect.any(Number), expect.any(Number)]);
    expect(workers.sheet.B4!.t).toBe('n');
    const programme = join(dir, '十个一.xlsx');
    expect((await cli(['report', 'programme', '--format', 'xlsx', '--out', programme])).code).toBe(0);
    expect(readXlsx(programme).sheets[0]!.name).toMatch(/^1\. /);
  });
});

describe('printable forms that import back', () => {
  it('event sheet prints an A4 sign-in sheet; filled in, it imports with event attend --file', async () => {
    const { cli, dir, json } = await district();
    for (const [name, phone] of [
      ['王芳', '13800138000'],
      ['李强', '13900139000'],
    ]) {
      await cli(['worker', 'add', '--name', name!, '--phone', phone!, '--occupation', '外卖骑手', '--community', '夹马营社区']);
    }
    await cli(['station', 'add', '--name', '夹马营路爱心驿站', '--community', '夹马营社区']);
    const event = await json(['event', 'add', '--type', '急救培训', '--title', '骑手急救培训', '--date', '2026-11-20', '--station', 'ST0001', '--capacity', '6']);
    const sheetPath = join(dir, '签到表.xlsx');
    const r = await cli(['event', 'sheet', String(event.id), '--out', sheetPath], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(r.code, r.stderr).toBe(0);
    const printed = readXlsx(sheetPath);
    const rows = printed.sheets[0]!.rows;
    expect(rows[0]).toEqual(['骑手急救培训签到表', null, null, null]);
    expect(rows[1]![0]).toBe(`日期：2026-11-20    地点：夹马营路爱心驿站 · 夹马营社区    活动编号：${event.id}`);
    expect(rows.slice(2)).toEqual([
      ['序号', '姓名', '手机号码', '签名'],
      [1, null, null, null],
      [2, null, null, null],
      [3, null, null, null],
      [4, null, null, null],
      [5, null, null, null],
      [6, null, null, null],
    ]);
    expect(printed.book.Workbook?.Names).toEqual([expect.objectContaining({ Name: '_xlnm.Print_Titles', Ref: "'签到表'!$3:$3" })]);
    expect(packagePart(sheetPath, 'xl/worksheets/sheet1.xml')).toMatch(/<pageSetup paperSize="9" orientation="portrait"/);
    // Filled in by hand and typed up: phones as Excel stores typed digits, the unused numbered rows left.
    const sheet = printed.sheets[0]!.sheet;
    XLSX.utils.sheet_add_aoa(
      sheet,
      [
        [1, '王芳', 13800138000, '王芳'],
        [2, '李强', '139 0013 9000', '李强'],
      ],
      { origin: 'A4' },
    );
    const filled = join(dir, '签到表-已填.xlsx');
    XLSX.writeFile(printed.book, filled);
    const attended = await cli(['event', 'attend', String(event.id), '--file', filled, '--json']);
    expect(attended.code, attended.stderr).toBe(0);
    // The four numbered rows left empty are skipped and counted.
    expect(JSON.parse(attended.stdout)).toMatchObject({ inserted: 2, rejected: 0, skipped: { above_header: 2, blank: 4, totals: 0 }, unknown_columns: [] });
  });

  it('worker template: accepted headers, drop-downs from the register, and a filled-in copy imports with no editing', async () => {
    const { cli, dir, db } = await district();
    const path = join(dir, '花名册模板.xlsx');
    const r = await cli(['worker', 'template', '--out', path]);
    expect(r.code, r.stderr).toBe(0);
    const template = readXlsx(path);
    expect(template.sheets.map((s) => s.name)).toEqual(['roster', '选项']);
    expect(template.book.Workbook?.Sheets?.[1]?.Hidden).toBe(2);
    expect(template.sheets[0]!.rows[2]).toEqual(['*姓名', '*手机号码', '身份证号', '性别', '*从业类型', '所属平台', '所属站点', '居住社区', '所属街道', '入职日期', '备注']);
    const options = template.sheets[1]!.rows;
    expect(options.map((row) => row[2]).filter(Boolean)).toEqual(['东关社区', '夹马营社区']);
    expect(options.map((row) => row[3]).filter(Boolean)).toEqual(['东关街道', '西关街道']);
    const xml = packagePart(path, 'xl/worksheets/sheet1.xml');
    expect(xml.match(/<dataValidation type="list"/g)).toHaveLength(4);
    expect(xml).toContain('sqref="E4:E2003"><formula1>&apos;选项&apos;!$B$1:$B$7</formula1>');
    const sheet = template.sheets[0]!.sheet;
    XLSX.utils.sheet_add_aoa(sheet, [['王芳', 13800138000, '', '女', '外卖骑手', '美团', '东关站', '夹马营社区', '西关街道', new Date(Date.UTC(2024, 2, 5)), '']], {
      origin: 'A4',
      cellDates: true,
    });
    const filled = join(dir, '花名册.xlsx');
    XLSX.writeFile(template.book, filled);
    const imported = await cli(['worker', 'import', filled, '--json']);
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ inserted: 1, rejected: 0, unknown_columns: [] });
    expect(await stored(db)).toEqual([{ phone: '13800138000', name: '王芳', id_number: null, joined_on: '2024-03-05', note: null }]);
  });
});

describe('workbooks saved by LibreOffice (fixtures/, made by scripts/excel-fixtures/make.mjs)', () => {
  const fixture = (name: string) => join(import.meta.dirname, '../../fixtures', name);
  const communities = readFileSync(fixture('communities.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','));

  async function importInto(kind: 'worker' | 'station', file: string) {
    const fresh = await freshCli({ NUANXIN_TODAY: '2026-11-29' });
    for (const [subdistrict, community] of communities) await fresh.cli(['community', 'add', community!, '--subdistrict', subdistrict!]);
    const r = await fresh.cli([kind, 'import', fixture(file), '--json']);
    expect(r.code, r.stderr).toBe(0);
    return { report: JSON.parse(r.stdout), db: fresh.db };
  }
  const workers = (db: string) =>
    rawRows<{ name: string }>(db, 'select phone, name, id_number, gender, occupation, platform, site, community_id, joined_on, note from workers order by phone');

  it.each(['roster-meituan.xlsx', 'roster-meituan.xls'])('%s stores what the CSV does, rejects the same rows at their sheet row numbers (CSV line + 2)', async (file) => {
    const csv = await importInto('worker', 'roster-meituan.gb18030.csv');
    const book = await importInto('worker', file);
    expect(book.report).toMatchObject({ inserted: csv.report.inserted, rejected: csv.report.rejected, skipped: { above_header: 2, blank: 1, totals: 1 }, unknown_columns: [] });
    // Row numbers move down by the two title rows, in a reason too ("duplicates row 7" → 9).
    const csvRejects = csv.report.rejects.map((r: { row: number; reason: string }) => ({
      row: r.row + 2,
      reason: r.reason.replace(/row (\d+)/, (_, n) => `row ${Number(n) + 2}`),
    }));
    // Two rows differ, as they would in Excel: the CSV's short row (line 52) is a row with empty cells in a
    // sheet, and one ID number (row 6) was typed as a number there, so its last digits are gone.
    expect(book.report.rejects).toEqual([
      { row: 6, reason: expect.stringMatching(/^ID number "4\.1032\*E\+17" was stored as a number by Excel/) },
      ...csvRejects.filter((r: { row: number }) => r.row !== 54),
    ]);
    expect(csvRejects.find((r: { row: number }) => r.row === 54).reason).toBe('has 5 cells but the header has 11');
    const differ = (row: { name: string }) => !['覃豪', '马思远'].includes(row.name);
    expect((await workers(book.db)).filter(differ)).toEqual((await workers(csv.db)).filter(differ));
  });

  it.each(['stations.xlsx', 'stations.xls'])('%s stores the same 15 stations as the GB18030 CSV', async (file) => {
    const csv = await importInto('station', 'stations.gb18030.csv');
    const book = await importInto('station', file);
    expect(book.report).toMatchObject({ inserted: 15, rejected: 0, skipped: { above_header: 2, blank: 1, totals: 1 } });
    expect(csv.report).toMatchObject({ inserted: 15, rejected: 0 });
    const stations = async (db: string) => (await stored(db, 'select * from stations order by code')).map((s) => ({ ...(s as object), created_at: null, updated_at: null }));
    expect(await stations(book.db)).toEqual(await stations(csv.db));
  });

  it('reads the roster sheet after the instructions sheet, and refuses the encrypted and the damaged copies (exit 5)', async () => {
    const { cli, db } = await district();
    const two = await cli(['worker', 'import', fixture('roster-two-sheets.xlsx'), '--dry-run', '--json']);
    expect(JSON.parse(two.stdout)).toMatchObject({ file: { sheet: '花名册' }, rejects: expect.arrayContaining([{ row: 14, reason: expect.stringContaining('1.38001E+10') }]) });
    expect(two.stderr).toContain('read sheet "花名册" (2); the workbook has other sheets with data: 说明');
    const encrypted = await cli(['worker', 'import', fixture('roster-encrypted.xlsx')]);
    expect(encrypted).toMatchObject({ code: 5, stdout: '', stderr: expect.stringMatching(/^error: the workbook is password-protected; nothing was imported\n/) });
    const corrupt = await cli(['worker', 'import', fixture('roster-corrupt.xlsx')]);
    expect(corrupt).toMatchObject({ code: 5, stdout: '', stderr: expect.stringMatching(/^error: the workbook is damaged/) });
    expect(await stored(db, 'select count(*) as n from workers')).toEqual([{ n: 0 }]);
  });
});

describe('the other imports read workbooks too', () => {
  it('points import: a title, number phones, a date cell and a serial; the same rows as CSV afterwards are the same file', async () => {
    const { cli, dir } = await district();
    await cli(['points', 'rule', 'add', 'VOL', '--name', '志愿服务', '--points', '5']);
    for (const phone of ['13800138000', '13900139000']) await cli(['worker', 'add', '--name', `工${phone.slice(-2)}`, '--phone', phone, '--occupation', '外卖骑手']);
    const path = join(dir, '积分.xlsx');
    await writeXlsx(path, [
      {
        name: '积分',
        rows: [
          ['11月志愿服务积分'],
          ['姓名', '手机号码', '积分规则', '日期', '编号'],
          ['工00', 13800138000, 'VOL', new Date(Date.UTC(2026, 10, 20)), 'A-1'],
          ['工39', 13900139000, 'VOL', 46346, 'A-2'],
          ['合计', '2人'],
        ],
      },
    ]);
    const r = await cli(['points', 'import', path, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ inserted: 2, rejected: 0, skipped: { above_header: 1, blank: 0, totals: 1 }, file: { format: 'xlsx' } });
    const dates = JSON.parse((await cli(['points', 'statement', '13900139000', '--json'])).stdout);
    expect(JSON.stringify(dates)).toContain('2026-11-20');
    const csv = join(dir, '积分.csv');
    writeFileSync(csv, '\uFEFF姓名,手机号码,积分规则,日期,编号\r\n工00,13800138000,VOL,2026-11-20,A-1\r\n工39,13900139000,VOL,2026-11-20,A-2\r\n');
    expect(JSON.parse((await cli(['points', 'import', csv, '--json'])).stdout)).toMatchObject({ inserted: 0, already_imported: { id: expect.any(Number) } });
  });

  it('wish import: the wishes fixture as a workbook gives what the CSV gives', async () => {
    const csvPath = join(import.meta.dirname, '../../fixtures/wishes.csv');
    const text = readFileSync(csvPath, 'utf8').replace(/^\uFEFF/, '');
    const rows = text
      .trim()
      .split(/\r?\n/)
      .map((line) => line.split(','));
    const results = [];
    for (const kind of ['csv', 'xlsx'] as const) {
      const { cli, dir, db } = await district();
      for (const name of ['五股路社区', '北窑社区']) await cli(['community', 'add', name, '--subdistrict', '瀍河街道']);
      let file = csvPath;
      if (kind === 'xlsx') {
        file = join(dir, '心愿.xlsx');
        // Amounts as numbers, the date column as date cells, under a title: as the 街道 sends it.
        const typed = rows.map((cells, i) => (i === 0 ? cells : cells.map((c, j) => (j === 4 && c ? Number(c) : j === 6 && c ? new Date(`${c}T00:00:00Z`) : c || null))));
        await writeXlsx(file, [{ name: '微心愿', rows: [['2026年10月微心愿汇总'], ...typed] }]);
      }
      const r = await cli(['wish', 'import', file, '--json']);
      expect(r.code, r.stderr).toBe(0);
      const report = JSON.parse(r.stdout);
      results.push({
        inserted: report.inserted,
        rejected: report.rejects.map((x: { row: number; reason: string }) => ({ row: x.row - (kind === 'xlsx' ? 1 : 0), reason: x.reason })),
        stored: await stored(db, 'select title, category, estimate_fen, collected_on from wishes order by id'),
      });
    }
    expect(results[1]).toEqual(results[0]);
    expect(results[0]!.inserted).toBeGreaterThan(0);
  });
});

describe('second review', () => {
  it('each sheet of one workbook imports on its own; the same sheet twice is the same file', async () => {
    const { cli, dir } = await district();
    const path = join(dir, '两月.xlsx');
    const sheet = (phone: number, name: string) => [
      ['姓名', '手机号码', '从业类型'],
      [name, phone, '外卖骑手'],
      ['制表人：王芳', null, null],
    ];
    await writeXlsx(path, [
      { name: '11月', rows: sheet(13800138000, '张三') },
      { name: '12月', rows: sheet(13900139000, '李四') },
    ]);
    const november = JSON.parse((await cli(['worker', 'import', path, '--json'])).stdout);
    expect(november).toMatchObject({ inserted: 1, file: { sheet: '11月' }, skipped: { totals: 1 } });
    const december = JSON.parse((await cli(['worker', 'import', path, '--sheet', '12月', '--json'])).stdout);
    expect(december).toMatchObject({ inserted: 1, rejected: 0, already_imported: null, file: { sheet: '12月' } });
    const again = await cli(['worker', 'import', path, '--sheet', '2', '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ inserted: 0, already_imported: { id: december.import_id }, file: { sheet: '12月' } });
  });

  it('--out names the format when --format is absent, and a name at odds with --format is refused (exit 2)', async () => {
    const { cli, dir } = await district();
    await cli(['worker', 'add', '--name', '王芳', '--phone', '13800138000', '--occupation', '外卖骑手']);
    for (const argv of [
      ['worker', 'list', '--out', join(dir, 'list.xlsx')],
      ['worker', 'export', '--out', join(dir, 'export.xlsx')],
      ['report', 'weekly', '--out', join(dir, 'weekly.xlsx')],
    ]) {
      expect((await cli(argv)).code).toBe(0);
      expect(readFileSync(argv.at(-1)!).subarray(0, 2).toString()).toBe('PK');
    }
    const refusals: [string[], RegExp][] = [
      [['worker', 'list', '--format', 'csv', '--out', join(dir, 'w.xlsx')], /--out .*w\.xlsx names another format than csv/],
      [['worker', 'export', '--format', 'xlsx', '--out', join(dir, 'w.csv')], /--out .*w\.csv names another format than xlsx/],
      [['report', 'weekly', '--json', '--out', join(dir, 'w.md')], /names another format than json/],
      [['worker', 'template', '--out', join(dir, 't.xls')], /nuanxin writes \.xlsx workbooks .* not the old \.xls/],
      [['worker', 'import', join(dir, 'list.xlsx'), '--rejects', join(dir, 'r.xls')], /not the old \.xls/],
    ];
    for (const [argv, says] of refusals) {
      const r = await cli(argv);
      expect({ argv: argv.join(' '), code: r.code, stdout: r.stdout }).toEqual({ argv: argv.join(' '), code: 2, stdout: '' });
      expect(r.stderr).toMatch(says);
    }
  });

  it('a long number stored as a number (a 流水号) is refused in any column; a time-of-day cell is a time; a formula with no saved result is refused', async () => {
    const { cli, dir } = await district();
    await cli(['points', 'rule', 'add', 'VOL', '--name', '志愿服务', '--points', '5']);
    await cli(['worker', 'add', '--name', '王芳', '--phone', '13800138000', '--occupation', '外卖骑手']);
    const points = join(dir, '积分.xlsx');
    await writeXlsx(points, [
      {
        name: '积分',
        rows: [
          ['手机号码', '积分规则', '日期', '流水号'],
          [13800138000, 'VOL', '2026-11-20', Number('2026110100000123')],
          [13800138000, 'VOL', '2026-11-21', Number('2026110100000456')],
          [13800138000, 'VOL', { formula: 'DATE(2026,11,3)' } as never, 'B-1'],
        ],
      },
    ]);
    const r = JSON.parse((await cli(['points', 'import', points, '--json'])).stdout);
    expect(r.rejects).toEqual([
      { row: 2, reason: expect.stringMatching(/^column 流水号 holds "2\.02611E\+15": a number of more than 15 digits that Excel stored as a number/) },
      { row: 3, reason: expect.stringMatching(/^column 流水号 holds "2\.02611E\+15"/) },
      { row: 4, reason: expect.stringMatching(/^column 日期 holds a formula with no saved result/) },
    ]);
    const stations = join(dir, '驿站.xlsx');
    await writeXlsx(stations, [
      {
        name: '台账',
        rows: [
          ['驿站名称', '所属社区', '开放时间'],
          ['东关驿站', '东关社区', { value: 8 / 24, format: 'h:mm' }],
        ],
      },
    ]);
    expect((await cli(['station', 'import', stations])).code).toBe(0);
    expect(JSON.parse((await cli(['station', 'show', 'ST0001', '--json'])).stdout)).toMatchObject({ hours: '08:00' });
  });

  it('the roster template keeps 手机号码 and 身份证号 in the Text format, so typed digits survive', async () => {
    const { cli, dir } = await district();
    const path = join(dir, '模板.xlsx');
    expect((await cli(['worker', 'template', '--out', path])).code).toBe(0);
    const xml = packagePart(path, 'xl/worksheets/sheet1.xml');
    const cellXfs = /<cellXfs[^>]*>(.*?)<\/cellXfs>/s.exec(packagePart(path, 'xl/styles.xml'))![1]!;
    const textStyle = [...cellXfs.matchAll(/<xf [^>]*>/g)].findIndex(([xf]) => xf.includes('numFmtId="49"'));
    expect(textStyle).toBeGreaterThan(0);
    expect(xml).toContain(`<col min="2" max="2" width="16" style="${textStyle}" customWidth="1"/>`);
    expect(xml).toContain(`<col min="3" max="3" width="22" style="${textStyle}" customWidth="1"/>`);
  });
});

it('a row refused by a rule names its codes in the run’s language (已参加, not attended)', async () => {
  const { cli, dir, json } = await district();
  await cli(['worker', 'add', '--name', '王芳', '--phone', '13800138000', '--occupation', '外卖骑手']);
  const event = await json(['event', 'add', '--type', '急救培训', '--title', '急救培训', '--date', '2026-11-20', '--community', '夹马营社区']);
  await cli(['event', 'attend', String(event.id), '13800138000']);
  const sheet = join(dir, '签到.xlsx');
  await writeXlsx(sheet, [
    {
      name: '签到表',
      rows: [
        ['姓名', '手机号码'],
        ['王芳', 13800138000],
      ],
    },
  ]);
  const r = await cli(['event', 'attend', String(event.id), '--file', sheet, '--json'], { env: { LANG: 'zh_CN.UTF-8' } });
  expect(JSON.parse(r.stdout).rejects).toEqual([{ row: 2, reason: `劳动者 #1 已登记参加第 ${event.id} 号活动（已参加）` }]);
});
