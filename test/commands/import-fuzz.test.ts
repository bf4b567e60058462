// Issue #10: random and mutated CSV bytes through every import. Bounded to a few seconds here;
// `npm run fuzz` runs it for longer (NUANXIN_FUZZ_SECONDS, NUANXIN_FUZZ_RUNS).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { freshCli } from '../helpers/cli.js';

const SECONDS = Number(process.env.NUANXIN_FUZZ_SECONDS ?? 3);
const RUNS = Number(process.env.NUANXIN_FUZZ_RUNS ?? 10_000);

const KINDS = {
  worker: { argv: (f: string) => ['worker', 'import', f], header: '姓名,手机号码,从业类型,居住社区,备注' },
  station: { argv: (f: string) => ['station', 'import', f], header: '驿站名称,所属社区,地址,配备设施' },
  points: { argv: (f: string) => ['points', 'import', f], header: '手机号码,积分规则,日期,备注' },
  wish: { argv: (f: string) => ['wish', 'import', f], header: '心愿,类别,手机号码,集体,预估金额' },
  attendance: { argv: (f: string) => ['event', 'attend', '1', '--file', f], header: '姓名,手机号码' },
} as const;

const text = (s: string) => Buffer.from(s, 'utf8');
// The pieces hostile and careless files are made of.
const FRAGMENTS: Buffer[] = [
  text('13800138000'),
  text('13900139000'),
  text('张三'),
  text('夹马营社区'),
  text('rider'),
  text('errand'),
  text('2026-11-20'),
  text('家用电器'),
  text(','),
  text(','),
  text(','),
  text('"'),
  text('""'),
  text('\n'),
  text('\r\n'),
  text('\r'),
  text('\t'),
  text(' '),
  text('\u0000'),
  text('\u001b[2J'),
  text('='),
  text('1.38001E+10'),
  text('１３８００１３８０００'),
  Buffer.from([0xef, 0xbb, 0xbf]),
  Buffer.from([0xff, 0xfe]),
  iconv.encode('李四', 'gb18030'),
  Buffer.from('王五', 'utf16le'),
  Buffer.from([0x80]),
  Buffer.from([0xc3]),
  text('长'.repeat(5000)),
  text('x'.repeat(70_000)),
];

const fileBytes = (header: string) =>
  fc
    .tuple(fc.boolean(), fc.array(fc.array(fc.nat({ max: FRAGMENTS.length - 1 }), { maxLength: 14 }), { maxLength: 12 }), fc.constantFrom('\n', '\r\n'))
    .map(([withHeader, rows, newline]) => {
      const parts: Buffer[] = withHeader ? [text(header + newline)] : [];
      for (const row of rows) parts.push(...row.map((i) => FRAGMENTS[i]!), text(newline));
      return Buffer.concat(parts);
    });

/** Data rows as an independent reading of the file sees them (header excluded, blank rows skipped). */
function dataRows(bytes: Buffer, encoding: string, delimiter: string): number {
  const records = parse(iconv.decode(bytes, encoding), { delimiter, relax_quotes: true, relax_column_count: true, skip_empty_lines: false, bom: true }) as string[][];
  return records.slice(1).filter((cells) => cells.some((c) => c.trim() !== '')).length;
}

async function district() {
  const fresh = await freshCli({ NUANXIN_TODAY: '2026-11-29' });
  const { cli } = fresh;
  await cli(['community', 'add', '夹马营社区', '--subdistrict', '西关街道']);
  await cli(['worker', 'add', '--name', '张三', '--phone', '13800138000', '--occupation', 'rider', '--community', '夹马营社区']);
  await cli(['points', 'rule', 'add', 'errand', '--name', '爱心跑腿', '--points', '10']);
  await cli(['event', 'add', '--type', 'first_aid', '--title', '急救培训', '--date', '2026-11-28']);
  return fresh;
}

describe('every import survives random and mutated bytes', () => {
  it.each(Object.keys(KINDS) as (keyof typeof KINDS)[])(
    '%s import: exit 0 or 5, db check passes, written + rejected = data rows',
    async (kind) => {
      const { cli, dir } = await district();
      let n = 0;
      await fc.assert(
        fc.asyncProperty(fileBytes(KINDS[kind].header), async (bytes) => {
          const file = join(dir, `f${n++}.csv`);
          writeFileSync(file, bytes);
          const r = await cli([...KINDS[kind].argv(file), '--json']);
          expect([0, 5]).toContain(r.code);
          expect(r.stderr).not.toContain('internal');
          expect(r.stderr.length).toBeLessThan(4_000);
          if (r.code === 0) {
            const report = JSON.parse(r.stdout);
            if (report.already_imported === null) {
              const handled = report.inserted + report.updated + report.unchanged + report.rejected;
              const delimiter = bytes.includes(Buffer.from('\t')) && !bytes.includes(Buffer.from(',')) ? '\t' : ',';
              if (delimiter === ',') expect(handled).toBe(dataRows(bytes, report.file.encoding, ','));
            }
          }
        }),
        { numRuns: RUNS, interruptAfterTimeLimit: SECONDS * 1000, markInterruptAsFailure: false },
      );
      const check = await cli(['db', 'check']);
      expect(check.code).toBe(0);
    },
    120_000,
  );
});
