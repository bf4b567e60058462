// `npm run bench`: every speed and memory target, each beside its baseline measured in the same run.
// BENCH_ROWS sets the roster size (default 1,000,000).
import { benchExcel, describeExcel } from './excel.mjs';
import { benchImport, describeImport } from './import.mjs';
import { benchReport, describeReport } from './report.mjs';
import { benchStartup } from './startup.mjs';

const rows = Number(process.env.BENCH_ROWS ?? 1_000_000);

const s = benchStartup();
console.log(`start-up   node -e 0: ${s.baselineMs.toFixed(1)} ms | nuanxin station list: ${s.commandMs.toFixed(1)} ms | ratio ${s.ratio.toFixed(2)}× (goal ≤ 1.70×)`);

for (const i of await benchImport({ rows })) console.log(describeImport(i));

console.log(describeExcel(await benchExcel({ rows: Number(process.env.BENCH_EXCEL_ROWS ?? 100_000) })));

const r = benchReport({ workers: Number(process.env.BENCH_WORKERS ?? 1_000_000), entries: Number(process.env.BENCH_ENTRIES ?? 5_000_000) });
console.log(describeReport(r));
