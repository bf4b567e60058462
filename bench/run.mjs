// `npm run bench`: every speed and memory target, each beside its baseline measured in the same run.
// BENCH_ROWS sets the roster size (default 1,000,000).
import { benchExcel, describeExcel } from './excel.mjs';
import { benchImport, describeImport } from './import.mjs';
import { benchPostgres, describePostgres } from './postgres.mjs';
import { benchReport, describeReport } from './report.mjs';
import { benchStartup } from './startup.mjs';

const rows = Number(process.env.BENCH_ROWS ?? 1_000_000);

const s = benchStartup();
console.log(`start-up   node -e 0: ${s.baselineMs.toFixed(1)} ms | nuanxin station list: ${s.commandMs.toFixed(1)} ms | ratio ${s.ratio.toFixed(2)}× (goal ≤ 1.70×)`);

for (const i of await benchImport({ rows })) console.log(describeImport(i));

console.log(describeExcel(await benchExcel({ rows: Number(process.env.BENCH_EXCEL_ROWS ?? 100_000) })));

const r = benchReport({ workers: Number(process.env.BENCH_WORKERS ?? 1_000_000), entries: Number(process.env.BENCH_ENTRIES ?? 5_000_000) });
console.log(describeReport(r));

// On a PostgreSQL server too, when NUANXIN_TEST_PG names one.
if (process.env.NUANXIN_TEST_PG) {
  const workers = Number(process.env.BENCH_WORKERS ?? 1_000_000);
  const entries = Number(process.env.BENCH_ENTRIES ?? 5_000_000);
  console.log(describePostgres(await benchPostgres({ rows: Number(process.env.BENCH_PG_ROWS ?? 300_000), workers, entries })));
} else console.log('postgres   skipped: set NUANXIN_TEST_PG=postgres://USER:PASSWORD@HOST/postgres for the PostgreSQL section');
