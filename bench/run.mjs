// `npm run bench`: every speed and memory target, each beside its baseline measured in the same run.
// BENCH_ROWS sets the roster size (default 1,000,000).
import { benchImport } from './import.mjs';
import { benchReport } from './report.mjs';
import { benchStartup } from './startup.mjs';

const rows = Number(process.env.BENCH_ROWS ?? 1_000_000);

const s = benchStartup();
console.log(`start-up   node -e 0: ${s.baselineMs.toFixed(1)} ms | nuanxin station list: ${s.commandMs.toFixed(1)} ms | ratio ${s.ratio.toFixed(2)}× (goal ≤ 1.70×)`);

const i = await benchImport({ rows });
console.log(
  `import     ${i.rows} rows (${i.fileMb.toFixed(0)} MB) | raw pipeline: ${i.raw.seconds.toFixed(1)} s, ${Math.round(i.raw.rowsPerSecond)} rows/s | ` +
    `nuanxin worker import: ${i.cli.seconds.toFixed(1)} s, ${Math.round(i.cli.rowsPerSecond)} rows/s, peak RSS ${i.cli.peakRssMb.toFixed(0)} MB | ` +
    `ratio ${(i.cli.seconds / i.raw.seconds).toFixed(2)}× (goal ≤ 1.50×, peak RSS < 300 MB)`,
);

const r = benchReport({ workers: Number(process.env.BENCH_WORKERS ?? 1_000_000), entries: Number(process.env.BENCH_ENTRIES ?? 5_000_000) });
console.log(
  `report     ${r.workers} workers, ${r.entries} ledger entries (built in ${r.buildSeconds.toFixed(0)} s) | nuanxin report weekly: ${r.reportMs.toFixed(0)} ms ` +
    `(start-up alone: ${r.startupMs.toFixed(0)} ms) | naive ledger×workers join by community and week: ${r.naiveJoinMs.toFixed(0)} ms (goal: report < 1000 ms)`,
);
