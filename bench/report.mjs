// The weekly report over a district at scale: 1,000,000 workers and 5,000,000 ledger
// entries, built directly in SQL, then `nuanxin report weekly` timed through the CLI,
// beside the naive alternative (joining the ledger to the workers by community and week).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

const bin = fileURLToPath(new URL('../bin/nuanxin.js', import.meta.url));

function cli(args, env) {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [bin, ...args], { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`nuanxin ${args.join(' ')}: ${r.stderr}`);
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, stdout: r.stdout };
}

function build(path, workers, entries) {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.exec('begin');
  db.exec(`insert into communities (name, created_at)
    with recursive n(i) as (select 1 union all select i + 1 from n where i < 50) select '社区' || i, 'x' from n`);
  db.exec(`insert into workers (phone, name, occupation, community_id, registered_on, active, created_at, updated_at)
    with recursive n(i) as (select 1 union all select i + 1 from n where i < ${workers})
    select printf('1%010d', i), '工' || i, 'rider', 1 + i % 50, date('2024-01-01', '+' || (i % 365) || ' days'), 1, 'x', 'x' from n`);
  db.exec(`insert into point_rules (code, name, points, created_at, updated_at) values ('errand', '爱心跑腿', 10, 'x', 'x')`);
  db.exec(`insert into point_entries (worker_id, kind, points, rule_id, business_date, community_id, operator, created_at)
    with recursive n(i) as (select 1 union all select i + 1 from n where i < ${entries})
    select 1 + (i * 7919) % ${workers}, 'award', 10, 1, date('2024-01-01', '+' || (i % 365) || ' days'), 1 + ((1 + (i * 7919) % ${workers}) % 50), 'bench', 'x' from n`);
  db.exec(`insert into point_daily (business_date, community_id, kind, points, entries)
    select business_date, coalesce(community_id, 0), kind, sum(points), count(*) from point_entries group by 1, 2, 3`);
  db.exec(`insert into point_balances (worker_id, balance, earned, redeemed, reversed, expired)
    select worker_id, sum(points), sum(points), 0, 0, 0 from point_entries group by worker_id`);
  db.exec('commit');
  db.exec('analyze');
  db.close();
}

/** The alternative the design avoids: the ledger joined to workers, grouped by community and week. */
function naiveJoin(path) {
  const db = new Database(path, { readonly: true });
  const started = process.hrtime.bigint();
  db.prepare(`select w.community_id, strftime('%W', e.business_date) as week, sum(e.points)
    from point_entries e join workers w on w.id = e.worker_id
    where e.business_date between '2024-09-09' and '2024-12-01' group by 1, 2`).all();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  db.close();
  return ms;
}

export function benchReport({ workers = 1_000_000, entries = 5_000_000 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'nuanxin-bench-report-'));
  const env = { NUANXIN_DB: join(dir, 'district.db'), NUANXIN_OPERATOR: 'bench' };
  cli(['init'], env);
  const started = process.hrtime.bigint();
  build(env.NUANXIN_DB, workers, entries);
  const buildSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const baseline = cli(['station', 'list'], env).ms;
  const runs = [1, 2, 3].map(() => cli(['report', 'weekly', '--week', '2024-W47', '--format', 'json'], env).ms).sort((a, b) => a - b);
  const report = JSON.parse(cli(['report', 'weekly', '--week', '2024-W47', '--format', 'json'], env).stdout);
  if (report.points.awarded <= 0 || report.workers.active <= 0) throw new Error(`unexpected figures: ${JSON.stringify(report.points)} ${report.workers.active}`);
  const naiveJoinMs = naiveJoin(env.NUANXIN_DB);
  rmSync(dir, { recursive: true, force: true });
  return { workers, entries, buildSeconds, reportMs: runs[1], startupMs: baseline, naiveJoinMs };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = benchReport({ workers: Number(process.env.BENCH_WORKERS ?? 1_000_000), entries: Number(process.env.BENCH_ENTRIES ?? 5_000_000) });
  console.log(`report     ${r.workers} workers, ${r.entries} ledger entries (built in ${r.buildSeconds.toFixed(0)} s) | nuanxin report weekly: ${r.reportMs.toFixed(0)} ms (a small command's start-up: ${r.startupMs.toFixed(0)} ms) | naive ledger×workers join by community and week: ${r.naiveJoinMs.toFixed(0)} ms (goal: report < 1000 ms)`);
}
