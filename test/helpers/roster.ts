import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';

export const ROSTER_HEADER = ['姓名', '手机号码', '身份证号', '性别', '从业类型', '所属平台', '居住社区', '入职日期', '备注'];

export const ROSTER_ROWS = [
  ['张三', '138-0013-8000', '11010519491231002X', '男', '外卖骑手', '美团', '夹马营社区', '2024/3/5', '夜班'],
  ['李㐀', '13900139000', '', '女', '快递员', '顺丰', '东关社区', '2024年3月5日', ''],
  ['王五', '１３７００１３７０００', '', '男', '网约车司机', '滴滴', '', '2023.12.1', ''],
];

export type Encoding = 'gb18030-crlf' | 'utf8-bom' | 'utf8' | 'utf16le-tab';

function quote(cell: string, delimiter: string): string {
  return cell.includes(delimiter) || cell.includes('"') || cell.includes('\n') ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** Writes a roster the way Excel/WPS on Chinese Windows would save it. */
export function writeRoster(dir: string, name: string, rows: string[][], encoding: Encoding = 'gb18030-crlf', header = ROSTER_HEADER): string {
  const delimiter = encoding === 'utf16le-tab' ? '\t' : ',';
  const newline = encoding === 'utf8' ? '\n' : '\r\n';
  const text = [header, ...rows].map((r) => r.map((c) => quote(c, delimiter)).join(delimiter)).join(newline) + newline;
  const bytes =
    encoding === 'gb18030-crlf'
      ? iconv.encode(text, 'gb18030')
      : encoding === 'utf8-bom'
        ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])
        : encoding === 'utf8'
          ? Buffer.from(text, 'utf8')
          : Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}
