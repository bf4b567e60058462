// Generates a roster of N rows as clerks receive them: all 12 columns of a real
// roster (序号 … 备注), random mobile numbers, valid 18-digit ID numbers on most
// rows, the usual mess (blank cells, 男/女 and M/F, two date forms), some
// repeated people and some bad rows. UTF-8 (CRLF) or GB18030, as Excel saves it.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import iconv from 'iconv-lite';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢欧阳司马';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰飞鹏辉建国志红斌波宇浩凯亮健俊峰雪梅琳晨阳博文轩';
const OCCUPATIONS = ['外卖骑手', '快递员', '网约车司机', '出租车司机', '货车司机', '网络主播', '骑手', '快递小哥'];
const PLATFORMS = ['美团', '饿了么', '顺丰', '京东', '中通', '圆通', '滴滴出行', '货拉拉', '抖音', '快手'];
const NOTES = ['', '', '', '', '党员', '退役军人', '夜班', '有意向参加技能培训', '已加入志愿者队伍', '租住公租房'];
const REGIONS = ['620102', '620103', '620104', '620105', '620111', '620121', '622301', '621102', '612401', '410105'];
export const HEADER = ['序号', '姓名', '性别', '手机号码', '身份证号', '从业类型', '所属平台', '所属站点', '居住社区', '所属街道', '入职日期', '备注'];

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** Deterministic pseudo-random numbers, so every run imports the same file. */
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function withCheckDigit(first17) {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return first17 + ID_CHECK[sum % 11];
}

const csvCell = (v) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/**
 * Writes the roster and returns what a correct import of it into an empty
 * register must report: `valid` rows inserted; `rejected` = the bad rows plus
 * the `repeats` (a phone listed again is refused as a duplicate of its first row).
 * `communities` are `{ name, subdistrict }`, as `community add` registered them.
 */
export async function writeRoster(path, rows, communities, { encoding = 'utf-8' } = {}) {
  const random = rng(42);
  const int = (n) => Math.floor(random() * n);
  const pick = (list) => list[int(list.length)];
  const phones = new Set();
  const ids = new Set();
  const recent = [];
  let rejected = 0;
  let repeats = 0;
  const out = createWriteStream(path);
  const write = async (text) => {
    if (!out.write(encoding === 'gb18030' ? iconv.encode(text, 'gb18030') : text)) await once(out, 'drain');
  };
  await write(`${encoding === 'utf-8' ? '\uFEFF' : ''}${HEADER.join(',')}\r\n`);
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    const male = random() < 0.8;
    const name = (random() < 0.02 ? pick(['欧阳', '司马']) : pick(SURNAMES.slice(0, -4))) + pick(GIVEN) + (random() < 0.6 ? pick(GIVEN) : '');
    let phone;
    do phone = `1${pick('3456789')}${String(int(1e9)).padStart(9, '0')}`;
    while (phones.has(phone));
    let id = '';
    if (random() < 0.9) {
      do {
        const born = new Date(Date.UTC(1965 + int(40), int(12), 1 + int(28)));
        const seq = String(int(500)).padStart(2, '0') + String(int(5) * 2 + (male ? 1 : 0));
        id = withCheckDigit(`${pick(REGIONS)}${born.toISOString().slice(0, 10).replaceAll('-', '')}${seq.padStart(3, '0').slice(-3)}`);
      } while (ids.has(id));
    }
    const community = pick(communities);
    const sep = random() < 0.5 ? '-' : '/';
    const joined = `20${18 + int(8)}${sep}${1 + int(12)}${sep}${1 + int(28)}`;
    const cells = [
      String(i + 1),
      name,
      random() < 0.1 ? (male ? 'M' : 'F') : male ? '男' : '女',
      phone,
      id,
      pick(OCCUPATIONS),
      pick(PLATFORMS),
      random() < 0.1 ? '' : `${pick(PLATFORMS)}${pick(['城关', '七里河', '安宁', '西固'])}${int(60)}站`,
      community.name,
      community.subdistrict,
      random() < 0.05 ? '' : joined,
      pick(NOTES),
    ];
    const fate = random();
    if (fate < 0.004) {
      // A bad row: a digit lost from the phone, a wrong ID check digit, or no name.
      const kind = int(3);
      if (kind === 0) cells[3] = phone.slice(0, 10);
      else if (kind === 1 && id) cells[4] = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
      else cells[1] = '';
      rejected += 1;
    } else if (fate < 0.006 && recent.length > 0) {
      // The same person listed twice (a second site, a re-export): same phone and ID.
      const again = recent[int(recent.length)];
      cells[3] = again.phone;
      cells[4] = again.id;
      cells[1] = again.name;
      repeats += 1;
    } else {
      phones.add(phone);
      if (id) ids.add(id);
      if (recent.length < 1000) recent.push({ phone, id, name });
      else recent[int(1000)] = { phone, id, name };
    }
    chunk += `${cells.map(csvCell).join(',')}\r\n`;
    if (chunk.length > 1 << 19) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  out.end();
  await once(out, 'finish');
  return { rows, valid: rows - rejected - repeats, rejected: rejected + repeats, repeats };
}

/**
 * The same roster as an .xlsx as a clerk receives it: a merged title row and
 * a date line above the header, phones in number cells (as Excel stores typed
 * digits), joining dates in date cells, ID numbers as text, a 合计 row at the end.
 */
export async function writeRosterWorkbook(path, rows, communities) {
  const { parse } = await import('csv-parse/sync');
  const { readFile, rm } = await import('node:fs/promises');
  const ExcelJS = (await import('exceljs')).default;
  const csv = `${path}.csv`;
  const expected = await writeRoster(csv, rows, communities);
  const records = parse(await readFile(csv), { bom: true, relax_column_count: true });
  await rm(csv);
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: true });
  const sheet = book.addWorksheet('花名册');
  const title = sheet.addRow(['新就业群体花名册']);
  sheet.mergeCells(1, 1, 1, HEADER.length);
  title.commit();
  sheet.addRow(['填报单位：区委社会工作部    填报日期：2026年11月20日']).commit();
  const [header, ...data] = records;
  sheet.addRow(header).commit();
  for (const cells of data) {
    const values = cells.map((v, i) => {
      if (i === 0 || (i === 3 && /^1\d{10}$/.test(v))) return Number(v);
      const date = i === 10 && /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(v);
      return date ? new Date(Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3]))) : v;
    });
    const row = sheet.addRow(values);
    if (values[10] instanceof Date) row.getCell(11).numFmt = 'yyyy-mm-dd';
    row.commit();
  }
  sheet.addRow(['合计', `共${data.length}人`]).commit();
  sheet.commit();
  await book.commit();
  return expected;
}
