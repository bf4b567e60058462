// The same roster imported as CSV and as an .xlsx workbook, in one run (issue goal: the workbook
// within 3× of the CSV, under 500 MB peak RSS). The workbook is as a clerk receives it: a merged
// title and a date line above the header, phones in number cells, joining dates in date cells,
// ID numbers as text, a 合计 row; the rows are bench/roster.mjs's (random keys, ID numbers, bad rows).
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { COMMUNITIES, freshDb, timedCli } from './import.mjs';
import { writeRoster, writeRosterWorkbook } from './roster.mjs';
import { benchDir } from './temp.mjs';

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function benchExcel({ rows = 100_000, repeat = Number(process.env.BENCH_REPEAT ?? 3) } = {}) {
  const dir = benchDir('bench-excel');
  try {
    const csv = join(dir, 'roster.csv');
    const xlsx = join(dir, 'roster.xlsx');
    const facts = await writeRoster(csv, rows, COMMUNITIES);
    await writeRosterWorkbook(xlsx, rows, COMMUNITIES);
    const rounds = [];
    for (let round = 0; round < repeat; round++) {
      const one = (file, name) => {
        const run = timedCli(['worker', 'import', file, '--json'], freshDb(dir, `${name}-${round}.db`));
        const report = JSON.parse(run.stdout);
        // Both files hold the same rows: a workbook read wrongly would show here, not as a fast figure.
        if (report.inserted !== facts.valid || report.rejected !== facts.rejected) {
          throw new Error(`${name}: expected ${facts.valid} inserted and ${facts.rejected} rejected, got ${report.inserted} and ${report.rejected}`);
        }
        for (const suffix of ['', '-wal', '-shm']) rmSync(join(dir, `${name}-${round}.db${suffix}`), { force: true });
        return run;
      };
      const a = one(csv, 'csv');
      const b = one(xlsx, 'xlsx');
      rounds.push({ csv: a.seconds, xlsx: b.seconds, csvRss: a.rssMb, xlsxRss: b.rssMb });
    }
    return {
      facts,
      repeat,
      csvMb: statSync(csv).size / 2 ** 20,
      xlsxMb: statSync(xlsx).size / 2 ** 20,
      csv: { seconds: median(rounds.map((r) => r.csv)), peakRssMb: Math.max(...rounds.map((r) => r.csvRss)) },
      xlsx: { seconds: median(rounds.map((r) => r.xlsx)), peakRssMb: Math.max(...rounds.map((r) => r.xlsxRss)) },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function describeExcel(r) {
  return (
    `excel      ${r.facts.rows} rows (${r.facts.valid} valid, ${r.facts.rejected} rejected; median of ${r.repeat}) | ` +
    `CSV (${r.csvMb.toFixed(0)} MB): ${r.csv.seconds.toFixed(1)} s, peak RSS ${r.csv.peakRssMb.toFixed(0)} MB | ` +
    `.xlsx (${r.xlsxMb.toFixed(0)} MB): ${r.xlsx.seconds.toFixed(1)} s, peak RSS ${r.xlsx.peakRssMb.toFixed(0)} MB | ` +
    `ratio ${(r.xlsx.seconds / r.csv.seconds).toFixed(2)}× the CSV (goal ≤ 3×); RSS goal < 500 MB`
  );
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(describeExcel(await benchExcel({ rows: Number(process.env.BENCH_EXCEL_ROWS ?? 100_000) })));
