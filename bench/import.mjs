// Roster import at scale: the real CLI beside the raw pipeline (csv-parse streaming
// straight into one prepared INSERT … ON CONFLICT in one transaction, no validation),
// both on the same file in the same run.
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse';
import { writeRoster } from './roster.mjs';

const bin = fileURLToPath(new URL('../bin/nuanxin.js', import.meta.url));
const COMMUNITIES = ['夹马营社区', '西关社区', '东关社区', '南关社区', '北窑社区', '塔湾社区'];

/**
 * The baseline: csv-parse streaming straight into one prepared INSERT … ON CONFLICT
 * in one transaction, no validation, into the same `workers` table (same indexes)
 * that `nuanxin init` creates.
 */
async function rawPipeline(file, dbPath) {
  const db = new Database(dbPath);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  const insert = db.prepare(`insert into workers (phone, name, occupation, platform, site, joined_on, registered_on, created_at, updated_at)
    values (?, ?, 'other', ?, ?, ?, '2026-01-01', 'x', 'x') on conflict (phone) do update set name = excluded.name`);
  const started = process.hrtime.bigint();
  db.exec('begin');
  let rows = 0;
  for await (const r of createReadStream(file).pipe(parse({ from_line: 2 }))) {
    insert.run(r[1], r[0], r[3], r[4], r[6]);
    rows += 1;
  }
  db.exec('commit');
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  db.close();
  return { rows, seconds };
}

function timedCli(args, env) {
  const time = existsSync('/usr/bin/time') ? ['/usr/bin/time', '-f', '%M'] : [];
  const started = process.hrtime.bigint();
  const result = spawnSync(time[0] ?? process.execPath, [...time.slice(1), ...(time.length ? [process.execPath] : []), bin, ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) throw new Error(`nuanxin ${args.join(' ')} failed: ${result.stderr}`);
  const rssKb = time.length ? Number(result.stderr.trim().split('\n').pop()) : NaN;
  return { seconds, rssMb: rssKb / 1024, stdout: result.stdout };
}

export async function benchImport({ rows = 1_000_000 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'nuanxin-bench-import-'));
  const file = join(dir, 'roster.csv');
  await writeRoster(file, rows, COMMUNITIES);
  timedCli(['init'], { NUANXIN_DB: join(dir, 'raw.db') });
  const raw = await rawPipeline(file, join(dir, 'raw.db'));
  const env = { NUANXIN_DB: join(dir, 'nuanxin.db'), NUANXIN_OPERATOR: 'bench' };
  timedCli(['init'], env);
  for (const c of COMMUNITIES) timedCli(['community', 'add', c], env);
  const cli = timedCli(['worker', 'import', file, '--json'], env);
  const report = JSON.parse(cli.stdout);
  if (report.inserted !== rows) throw new Error(`expected ${rows} inserted, got ${JSON.stringify(report).slice(0, 300)}`);
  const fileMb = statSync(file).size / 2 ** 20;
  rmSync(dir, { recursive: true, force: true });
  return {
    rows,
    fileMb,
    raw: { seconds: raw.seconds, rowsPerSecond: raw.rows / raw.seconds },
    cli: { seconds: cli.seconds, rowsPerSecond: rows / cli.seconds, peakRssMb: cli.rssMb },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = Number(process.env.BENCH_ROWS ?? 1_000_000);
  const r = await benchImport({ rows });
  console.log(`import     ${r.rows} rows (${r.fileMb.toFixed(0)} MB)   raw pipeline: ${r.raw.seconds.toFixed(1)} s, ${Math.round(r.raw.rowsPerSecond)} rows/s   nuanxin worker import: ${r.cli.seconds.toFixed(1)} s, ${Math.round(r.cli.rowsPerSecond)} rows/s, peak RSS ${r.cli.peakRssMb.toFixed(0)} MB   ratio ${(r.cli.seconds / r.raw.seconds).toFixed(2)}× (goal ≤ 1.5×, RSS < 300 MB)`);
}
