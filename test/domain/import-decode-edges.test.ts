// The CSV/TSV reader at its edges, in this thread: how a clerk's file is told apart (BOM, strict
// UTF-8, GB18030, UTF-16LE, a workbook, binary data), which files are refused and with what, and the
// records it streams (row numbers, short rows, stray quotes, line breaks in notes).
import { createHash } from 'node:crypto';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { encodeLike, type EncodingChoice, inspectFile, MAX_RECORD_CHARS, readRecordBatches } from '../../src/import/decode.js';
import type { RawRecord } from '../../src/import/records.js';
import { tempDir } from '../helpers/cli.js';
import { refusalOf } from '../helpers/refusal.js';
import { writeXlsx } from '../helpers/workbook.js';

const dir = tempDir();
let n = 0;

function file(bytes: Buffer, name = `f${++n}.csv`): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

const gb = (text: string) => iconv.encode(text, 'gb18030');
const utf8 = (text: string) => Buffer.from(text, 'utf8');
const BOM8 = Buffer.from([0xef, 0xbb, 0xbf]);
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** What inspectFile says of the bytes, without the path, name, size and hash (checked apart). */
async function detect(bytes: Buffer, choice?: EncodingChoice) {
  const info = choice === undefined ? await inspectFile(file(bytes)) : await inspectFile(file(bytes), choice);
  return { encoding: info.encoding, bom: info.bom, delimiter: info.delimiter, format: info.format };
}

async function records(bytes: Buffer, choice: EncodingChoice = 'auto'): Promise<RawRecord[]> {
  const info = await inspectFile(file(bytes), choice);
  const out: RawRecord[] = [];
  for await (const batch of readRecordBatches(info)) out.push(...batch);
  return out;
}

const ROSTER = '姓名,手机号码,从业类型\r\n张三,13800138000,外卖骑手\r\n李四,13900139000,快递员\r\n';

describe('inspectFile', () => {
  it('describes a GB18030 CSV with CRLF in full', async () => {
    const bytes = gb(ROSTER);
    const path = file(bytes, '花名册.csv');
    expect(await inspectFile(path)).toEqual({
      path,
      name: '花名册.csv',
      size: bytes.length,
      sha256: sha(bytes),
      encoding: 'gb18030',
      bom: false,
      delimiter: ',',
      format: 'csv',
    });
  });

  it('tells UTF-8 with a BOM, UTF-8 without, and UTF-16LE with a BOM', async () => {
    expect(await detect(Buffer.concat([BOM8, utf8(ROSTER)]))).toEqual({ encoding: 'utf-8', bom: true, delimiter: ',', format: 'csv' });
    expect(await detect(utf8(ROSTER))).toEqual({ encoding: 'utf-8', bom: false, delimiter: ',', format: 'csv' });
    const tsv = iconv.encode('姓名\t手机号码\t从业类型\r\n张三\t13800138000\t外卖骑手\r\n', 'utf-16le', { addBOM: true });
    expect(await detect(tsv)).toEqual({ encoding: 'utf-16le', bom: true, delimiter: '\t', format: 'csv' });
  });

  it('sees no BOM in a first character that only shares some of its bytes', async () => {
    // 滿 is E6 BB BF, ＿ is EF BC BF, 牛 in GB18030 is C5 A3 — none a BOM.
    expect(await detect(utf8('滿分,备注\r\n张三,优秀\r\n'))).toEqual({ encoding: 'utf-8', bom: false, delimiter: ',', format: 'csv' });
    expect(await detect(utf8('＿序号,姓名\r\n1,张三\r\n'))).toEqual({ encoding: 'utf-8', bom: false, delimiter: ',', format: 'csv' });
    // GB18030 EF BB is 锘: a file starting with it is GB18030, not a truncated BOM.
    expect(await detect(gb('锘,姓名\r\n1,张三\r\n'))).toEqual({ encoding: 'gb18030', bom: false, delimiter: ',', format: 'csv' });
    // 政 in GB18030 is D5 FE: its FE is not half a UTF-16 BOM.
    expect(gb('政')).toEqual(Buffer.from([0xd5, 0xfe]));
    expect(await detect(gb('政治面貌,姓名\r\n党员,张三\r\n'))).toEqual({ encoding: 'gb18030', bom: false, delimiter: ',', format: 'csv' });
  });

  it('reports a BOM only when it matches the encoding read', async () => {
    // 仿 in UTF-16LE is FF 4E: a forced UTF-16LE file starting with it has no BOM.
    const noBom = iconv.encode('仿宋\t姓名\r\n1\t张三\r\n', 'utf-16le');
    expect(noBom[0]).toBe(0xff);
    expect(await detect(noBom, 'utf-16le')).toEqual({ encoding: 'utf-16le', bom: false, delimiter: '\t', format: 'csv' });
    expect(await detect(iconv.encode('姓名\t电话\r\n', 'utf-16le', { addBOM: true }), 'utf-16le')).toEqual({ encoding: 'utf-16le', bom: true, delimiter: '\t', format: 'csv' });
    // A UTF-8 BOM read as GB18030 (the clerk said so) is not "its" BOM.
    expect(await detect(Buffer.concat([BOM8, utf8('name,phone\r\n')]), 'gb18030')).toEqual({ encoding: 'gb18030', bom: false, delimiter: ',', format: 'csv' });
  });

  it('says what a workbook is, by its first bytes, with its hash', async () => {
    const path = join(dir, '名单.csv');
    await writeXlsx(path, [
      {
        name: '名单',
        rows: [
          ['姓名', '手机号码'],
          ['张三', '13800138000'],
        ],
      },
    ]);
    const { readFileSync, statSync } = await import('node:fs');
    const bytes = readFileSync(path);
    expect(await inspectFile(path)).toEqual({
      path,
      name: '名单.csv',
      size: statSync(path).size,
      sha256: sha(bytes),
      encoding: null,
      bom: false,
      delimiter: ',',
      format: 'xlsx',
    });
  });

  it('keeps UTF-8 whose characters straddle the 64 KiB read chunks', async () => {
    // 65,536 is not a multiple of 3: some 3-byte character is cut by the first chunk and the head.
    const rows = Array.from({ length: 3000 }, (_, i) => `${i + 1},王小明${i % 10},朝阳区建国路八十八号`).join('\r\n');
    const bytes = utf8(`序号,姓名,地址\r\n${rows}\r\n`);
    expect(bytes.length).toBeGreaterThan(70_000);
    expect(bytes[65_536]! & 0xc0).toBe(0x80);
    expect(await detect(bytes)).toEqual({ encoding: 'utf-8', bom: false, delimiter: ',', format: 'csv' });
    expect(await detect(bytes, 'utf-8')).toEqual({ encoding: 'utf-8', bom: false, delimiter: ',', format: 'csv' });
  });

  it('reads a file ending in a cut UTF-8 character as GB18030 only if GB18030 fits it', async () => {
    // The last character lost its last byte: not UTF-8 as a whole, and E4 B8 is a GB18030 character,
    // so the UTF-8 lines above it make it a mix.
    const bytes = Buffer.concat([utf8('姓名,备注\r\n张三,'), Buffer.from([0xe4, 0xb8])]);
    expect(await refusalOf(() => inspectFile(file(bytes)))).toEqual({ key: 'import.mixed_encoding', params: { row: 2 }, hint: 'import.mixed_encoding.hint' });
    // A lone lead byte at the end fits nothing.
    const lone = Buffer.concat([utf8('name,phone\r\nZhang San,'), Buffer.from([0xe4])]);
    expect(await refusalOf(() => inspectFile(file(lone)))).toEqual({ key: 'import.no_encoding_fits', params: { row: 2 }, hint: 'import.mixed_encoding.hint' });
  });

  it('refuses a GB18030 file forced as UTF-8', async () => {
    expect(await refusalOf(() => inspectFile(file(gb(ROSTER)), 'utf-8'))).toEqual({ key: 'import.bad_encoding', params: { encoding: 'UTF-8' } });
    expect(await detect(utf8(ROSTER), 'utf-8')).toEqual({ encoding: 'utf-8', bom: false, delimiter: ',', format: 'csv' });
  });

  it('refuses binary data, not a UTF-16 file full of NULs', async () => {
    const binary = Buffer.alloc(2000, 0);
    binary.write('PK?!', 0, 'latin1');
    binary.write('not a workbook', 100, 'latin1');
    expect(await refusalOf(() => inspectFile(file(binary)))).toEqual({ key: 'import.binary', params: {}, hint: 'import.binary.hint' });
    const utf16 = iconv.encode('name\tphone\r\nZhang San\t13800138000\r\n', 'utf-16le', { addBOM: true });
    expect(await detect(utf16)).toEqual({ encoding: 'utf-16le', bom: true, delimiter: '\t', format: 'csv' });
    // Told it is UTF-8, a UTF-16 file is binary data.
    expect(await refusalOf(() => inspectFile(file(utf16), 'utf-8'))).toEqual({ key: 'import.binary', params: {}, hint: 'import.binary.hint' });
    // Forced UTF-16LE without a BOM: its NULs are text.
    expect(await detect(iconv.encode('name\tphone\r\nZhang San\t13800138000\r\n', 'utf-16le'), 'utf-16le')).toEqual({
      encoding: 'utf-16le',
      bom: false,
      delimiter: '\t',
      format: 'csv',
    });
  });

  it('lets a few stray NULs through (rejected later with their row), not more than eight', async () => {
    const eight = utf8(`姓名,备注\r\n张三,${'\0'.repeat(8)}\r\n`);
    expect(await detect(eight)).toEqual({ encoding: 'utf-8', bom: false, delimiter: ',', format: 'csv' });
    const nine = utf8(`姓名,备注\r\n张三,${'\0'.repeat(9)}\r\n`);
    expect(await refusalOf(() => inspectFile(file(nine)))).toEqual({ key: 'import.binary', params: {}, hint: 'import.binary.hint' });
  });

  it('names the later line of a GB18030/UTF-8 mix, ASCII lines counting for neither', async () => {
    const bytes = Buffer.concat([utf8('name,note\r\n'), utf8('张三,外卖\r\n'), utf8('13800138000,ok\r\n'), gb('李四,快递\r\n')]);
    expect(await refusalOf(() => inspectFile(file(bytes)))).toEqual({ key: 'import.mixed_encoding', params: { row: 4 }, hint: 'import.mixed_encoding.hint' });
    const other = Buffer.concat([gb('姓名,备注\r\n'), utf8('（空）,（空）\r\n'), gb('李四,快递\r\n')]);
    expect(await refusalOf(() => inspectFile(file(other)))).toEqual({ key: 'import.mixed_encoding', params: { row: 2 }, hint: 'import.mixed_encoding.hint' });
  });

  it('reads GB18030 lines that happen to be valid UTF-8 (two-byte sequences only) as GB18030', async () => {
    // 小平 in GB18030 is D0 A1 C6 BD: also valid UTF-8 (СƽЅ…), but no three-byte character.
    const bytes = gb('姓名,手机号码\r\n小平,13800138000\r\n王五,13700137000\r\n');
    expect(await detect(bytes)).toEqual({ encoding: 'gb18030', bom: false, delimiter: ',', format: 'csv' });
  });

  it('reads a line of four-byte UTF-8 only (no three-byte lead) in a GB18030 file as GB18030', async () => {
    // 𠮷 is F0 A0 AE B7 in UTF-8: two GB18030 characters too, so the line is not taken for UTF-8.
    const bytes = Buffer.concat([gb('姓名,备注\r\n'), utf8('1,𠮷\r\n'), gb('王五,快递\r\n')]);
    expect(await detect(bytes)).toEqual({ encoding: 'gb18030', bom: false, delimiter: ',', format: 'csv' });
  });

  it('refuses an undecodable line in the middle, and at the very end without a line break', async () => {
    const middle = Buffer.concat([gb('姓名,备注\r\n张三,'), Buffer.from([0xff]), gb('\r\n李四,快递\r\n')]);
    expect(await refusalOf(() => inspectFile(file(middle)))).toEqual({ key: 'import.no_encoding_fits', params: { row: 2 }, hint: 'import.mixed_encoding.hint' });
    // LF only, the last line of the file cut after a lead byte: checked even right before its line break.
    const cut = Buffer.concat([gb('姓名,备注\n张三,外卖\n李四,快'), Buffer.from([0xd5]), Buffer.from('\n')]);
    expect(await refusalOf(() => inspectFile(file(cut)))).toEqual({ key: 'import.no_encoding_fits', params: { row: 3 }, hint: 'import.mixed_encoding.hint' });
    const end = Buffer.concat([gb('姓名,备注\r\n张三,外卖\r\n李四,'), Buffer.from([0x81])]);
    expect(await refusalOf(() => inspectFile(file(end)))).toEqual({ key: 'import.no_encoding_fits', params: { row: 3 }, hint: 'import.mixed_encoding.hint' });
  });

  it('checks the last line even without a line break after it', async () => {
    const bytes = Buffer.concat([gb('姓名,备注\r\n张三,外卖\r\n'), utf8('李四,快递')]);
    expect(await refusalOf(() => inspectFile(file(bytes)))).toEqual({ key: 'import.mixed_encoding', params: { row: 3 }, hint: 'import.mixed_encoding.hint' });
  });

  it('refuses a UTF-8 BOM file holding GB18030 bytes; a line past the record limit is left to the parser', async () => {
    const mixed = Buffer.concat([BOM8, utf8('姓名,备注\r\n张三,外卖\r\n'), gb('李四,快递\r\n')]);
    expect(await refusalOf(() => inspectFile(file(mixed)))).toEqual({ key: 'import.mixed_encoding', params: { row: 3 }, hint: 'import.mixed_encoding.hint' });
    // The GB18030 line is one byte past the limit and never classified: the BOM's promise is broken at row 1.
    const long = Buffer.concat([BOM8, utf8('name,note\r\n'), gb(`${'张'.repeat(MAX_RECORD_CHARS / 2)}`), Buffer.from('x')]);
    expect(await refusalOf(() => inspectFile(file(long)))).toEqual({ key: 'import.mixed_encoding', params: { row: 1 }, hint: 'import.mixed_encoding.hint' });
    // Exactly at the limit, it is classified: the GB18030 line is named.
    const atLimit = Buffer.concat([BOM8, utf8('name,note\r\n'), gb(`${'张'.repeat(MAX_RECORD_CHARS / 2)}`)]);
    expect(await refusalOf(() => inspectFile(file(atLimit)))).toEqual({ key: 'import.mixed_encoding', params: { row: 2 }, hint: 'import.mixed_encoding.hint' });
  });

  it('refuses what is not a regular file', async () => {
    const missing = join(dir, '没有.csv');
    expect(await refusalOf(() => inspectFile(missing))).toEqual({ key: 'file.not_found', params: { path: missing } });
    const under = join(file(gb(ROSTER)), 'x.csv');
    expect(await refusalOf(() => inspectFile(under))).toEqual({ key: 'file.not_found', params: { path: under } });
    const folder = join(dir, '文件夹');
    mkdirSync(folder);
    expect(await refusalOf(() => inspectFile(folder))).toEqual({ key: 'file.error', params: { path: folder, reason: 'EISDIR' } });
    expect(await refusalOf(() => inspectFile('/dev/null'))).toEqual({ key: 'file.error', params: { path: '/dev/null', reason: 'not a regular file' } });
    const loop = join(dir, 'loop.csv');
    symlinkSync(loop, loop);
    expect(await refusalOf(() => inspectFile(loop))).toEqual({ key: 'file.error', params: { path: loop, reason: 'ELOOP' } });
  });

  it('takes the delimiter from the header line only', async () => {
    // LF only: the data rows' commas (in notes) do not outvote the header's tabs.
    expect(await detect(utf8('姓名\t备注\n张三\t早班,晚班,周末,节假日\n'))).toEqual({
      encoding: 'utf-8',
      bom: false,
      delimiter: '\t',
      format: 'csv',
    });
    expect(await detect(utf8('姓名\t备注\r\n张三\t无\r\n'))).toEqual({ encoding: 'utf-8', bom: false, delimiter: '\t', format: 'csv' });
    // One column: no tab, no comma — a CSV.
    expect(await detect(gb('手机号码\r\n13800138000\r\n'))).toEqual({ encoding: 'gb18030', bom: false, delimiter: ',', format: 'csv' });
  });
});

describe('readRecordBatches', () => {
  it('streams GB18030 rows with their row numbers, blank lines and short rows kept as written', async () => {
    const bytes = gb('姓名,手机号码,备注\r\n张三,13800138000,外号"小张"\r\n\r\n李四,13900139000\r\n');
    expect(await records(bytes)).toEqual([
      { row: 1, cells: ['姓名', '手机号码', '备注'] },
      { row: 2, cells: ['张三', '13800138000', '外号"小张"'] },
      { row: 3, cells: [''] },
      { row: 4, cells: ['李四', '13900139000'] },
    ]);
  });

  it('drops a UTF-8 and a UTF-16 BOM, and reads tabs', async () => {
    expect(await records(Buffer.concat([BOM8, utf8('姓名,电话\r\n张三,138\r\n')]))).toEqual([
      { row: 1, cells: ['姓名', '电话'] },
      { row: 2, cells: ['张三', '138'] },
    ]);
    expect(await records(iconv.encode('姓名\t电话\r\n张三\t138', 'utf-16le', { addBOM: true }))).toEqual([
      { row: 1, cells: ['姓名', '电话'] },
      { row: 2, cells: ['张三', '138'] },
    ]);
  });

  it('drops a BOM written twice (a tool added its own to a file that had one)', async () => {
    const bytes = Buffer.concat([BOM8, BOM8, utf8('姓名,电话\r\n张三,138\r\n')]);
    expect(await records(bytes)).toEqual([
      { row: 1, cells: ['姓名', '电话'] },
      { row: 2, cells: ['张三', '138'] },
    ]);
  });

  it('keeps a quoted note spanning lines, and refuses a stray quote that swallowed rows', async () => {
    expect(await records(gb('姓名,备注\r\n张三,"早班\r\n晚班\r\n周末"\r\n'))).toEqual([
      { row: 1, cells: ['姓名', '备注'] },
      { row: 2, cells: ['张三', '早班\r\n晚班\r\n周末'] },
    ]);
    // A delimiter on the first line of the note is part of it.
    expect(await records(utf8('姓名,地址\n张三,"幸福路1号,2号\n3楼"\n'))).toEqual([
      { row: 1, cells: ['姓名', '地址'] },
      { row: 2, cells: ['张三', '幸福路1号,2号\n3楼'] },
    ]);
    // LF only: the quote opened on row 2 ran over row 3 (delimiter there) but not row 4.
    expect(await refusalOf(() => records(utf8('姓名,备注\n张三,"外卖\n李四,快递\n王五"\n')))).toEqual({
      key: 'import.quote_swallows',
      params: { row: 2, lines: 3 },
      hint: 'import.quote.hint',
    });
    expect(await refusalOf(() => records(gb('姓名,备注\r\n张三,"外卖\r\n李四,快递\r\n')))).toEqual({
      key: 'import.quote_not_closed',
      params: { row: 2 },
      hint: 'import.quote.hint',
    });
  });

  it('refuses a record past the limit, naming its row', async () => {
    const bytes = utf8(`姓名,备注\r\n张三,外卖\r\n李四,${'长'.repeat(MAX_RECORD_CHARS + 10)}\r\n`);
    expect(await refusalOf(() => records(bytes))).toEqual({ key: 'import.record_too_long', params: { row: 3, limit: MAX_RECORD_CHARS } });
  });

  it('reads 256 KiB at a time and says how far it got', async () => {
    const rows = Array.from({ length: 12_000 }, (_, i) => `${i + 1},张三${i},13800138000,外卖骑手`).join('\r\n');
    const bytes = gb(`序号,姓名,手机号码,从业类型\r\n${rows}\r\n`);
    expect(bytes.length).toBeGreaterThan(300_000);
    const info = await inspectFile(file(bytes));
    const read: (number | undefined)[] = [];
    let count = 0;
    for await (const batch of readRecordBatches(info)) {
      read.push(batch.bytesRead);
      count += batch.length;
    }
    expect(read).toEqual([262_144, bytes.length, bytes.length]);
    expect(count).toBe(12_001);
  });

  it('ends a forced-UTF-8 file cut in a character with a replacement character', async () => {
    const bytes = Buffer.concat([utf8('姓名,备注\r\n张三,外'), Buffer.from([0xe5, 0x8d])]);
    expect(await records(bytes, 'utf-8')).toEqual([
      { row: 1, cells: ['姓名', '备注'] },
      { row: 2, cells: ['张三', '外\uFFFD'] },
    ]);
  });

  it('names the sheet on the first batch of a workbook only', async () => {
    const path = join(dir, '花名册.xlsx');
    const rows = [['姓名', '手机号码'], ...Array.from({ length: 5000 }, (_, i) => [`张三${i}`, `138${String(i).padStart(8, '0')}`])];
    await writeXlsx(path, [{ name: '花名册', rows }]);
    const info = await inspectFile(path);
    const sheets: unknown[] = [];
    for await (const batch of readRecordBatches(info)) sheets.push(batch.sheet);
    expect(sheets).toEqual([{ name: '花名册', index: 1, nonEmpty: ['花名册'] }, undefined]);
  });
});

describe('encodeLike', () => {
  it('writes in the input encoding, with its BOM', () => {
    expect(encodeLike({ encoding: 'utf-8', bom: true }, '姓名')).toEqual(Buffer.concat([BOM8, utf8('姓名')]));
    expect(encodeLike({ encoding: 'gb18030', bom: false }, '姓名')).toEqual(gb('姓名'));
    expect(encodeLike({ encoding: null, bom: false }, '姓名')).toEqual(utf8('姓名'));
  });
});
