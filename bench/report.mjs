// The weekly report over a district at scale: 1,000,000 workers and 5,000,000 ledger
// entries, built directly in SQL, then `nuanxin report weekly` timed through the CLI,
// beside the naive alternative (joining the ledger to the workers by community and week).
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { benchDir } from './temp.mjs';

const bin = fileURLToPath(new URL(process.env.BENCH_BIN ?? '../bin/nuanxin.cjs', import.meta.url));

function cli(args, env) {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [bin, ...args], { env: { ...process.env, LANG: 'zh_CN.UTF-8', ...env }, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`nuanxin ${args.join(' ')}: ${r.stderr}`);
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, stdout: r.stdout };
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰飞鹏辉建国志红斌波宇浩凯亮健俊峰雪梅琳晨阳博文轩';
const OCCUPATIONS = ['rider', 'courier', 'ride_hailing', 'taxi', 'truck', 'streamer'];
const PLATFORMS = ['美团', '饿了么', '顺丰', '京东', '中通', '滴滴出行', '货拉拉', '抖音'];
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

function idNumber(i) {
  // Distinct per worker (the sequence part carries i), valid check digit.
  const born = new Date(Date.UTC(1965 + (i % 40), (i >> 3) % 12, 1 + ((i >> 7) % 28))).toISOString().slice(0, 10).replaceAll('-', '');
  const first17 = `6201${String(i % 100).padStart(2, '0')}${born}${String(Math.floor(i / 100) % 1000).padStart(3, '0')}`;
  let sum = 0;
  for (let k = 0; k < 17; k++) sum += Number(first17[k]) * ID_WEIGHTS[k];
  return first17 + '10X98765432'[sum % 11];
}

/** Distinct random-looking mobile numbers: an odd multiplier permutes the nine digits. */
export const phoneOf = (i) => `1${3 + (i % 7)}${String((i * 387_420_489 + 123_456_789) % 1_000_000_000).padStart(9, '0')}`;

/** Worker `i`: phone, name, ID number (nine in ten), gender, occupation, platform, site, community, 街道, joined, note, registered. */
export function workerRow(i) {
  const community = 1 + (i % 50);
  return [
    phoneOf(i),
    SURNAMES[i % SURNAMES.length] + GIVEN[(i * 7) % GIVEN.length] + GIVEN[(i * 13) % GIVEN.length],
    i % 10 ? idNumber(i) : null,
    i % 5 ? 'male' : 'female',
    OCCUPATIONS[i % 6],
    PLATFORMS[i % 8],
    `${PLATFORMS[i % 8]}${i % 300}站`,
    community,
    `街道${1 + (community % 8)}`,
    `20${18 + (i % 8)}-0${1 + (i % 9)}-1${i % 10}`,
    i % 7 ? null : '党员',
    new Date(Date.UTC(2024, 0, 1 + (i % 365))).toISOString().slice(0, 10),
  ];
}

export function build(path, workers, entries) {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.exec('begin');
  db.exec(`insert into subdistricts (name, created_at)
    with recursive n(i) as (select 1 union all select i + 1 from n where i < 8) select '街道' || i, 'x' from n`);
  db.exec(`insert into communities (name, subdistrict_id, created_at)
    with recursive n(i) as (select 1 union all select i + 1 from n where i < 50) select '社区' || i, 1 + i % 8, 'x' from n`);
  // Every column a roster fills, random phones, ID numbers on nine in ten.
  const insert =
    db.prepare(`insert into workers (phone, name, id_number, gender, occupation, platform, site, community_id, subdistrict, joined_on, note, registered_on, active, created_at, updated_at)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 'x', 'x')`);
  for (let i = 1; i <= workers; i++) insert.run(...workerRow(i));
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

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Interleaved runs, so drift in the machine's load hits every side alike. */
function interleaved(commands, runs) {
  const samples = commands.map(() => []);
  for (let r = 0; r < runs; r++) {
    for (const [k, [args, env]] of commands.entries()) samples[k].push(cli(args, env).ms);
  }
  return samples.map(median);
}

export function benchReport({ workers = 1_000_000, entries = 5_000_000, runs = 21 } = {}) {
  const dir = benchDir('bench-report');
  try {
    const env = { NUANXIN_DB: join(dir, 'district.db'), NUANXIN_OPERATOR: 'bench' };
    const empty = { NUANXIN_DB: join(dir, 'empty.db'), NUANXIN_OPERATOR: 'bench' };
    cli(['init'], env);
    cli(['init'], empty);
    const started = process.hrtime.bigint();
    build(env.NUANXIN_DB, workers, entries);
    const buildSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    const report = JSON.parse(cli(['report', 'weekly', '--week', '2024-W47', '--format', 'json'], env).stdout);
    if (report.points.awarded <= 0 || report.workers.active <= 0) throw new Error(`unexpected figures: ${JSON.stringify(report.points)} ${report.workers.active}`);
    // A worker from the far end of the table, looked up by phone as a clerk types it.
    const phone = phoneOf(workers - 17);
    const shown = JSON.parse(cli(['worker', 'show', phone, '--json'], env).stdout);
    if (!shown.name) throw new Error(`worker show found nobody for ${phone}`);
    const [stationListMs, workerShowMs, balanceMs] = interleaved(
      [
        [['station', 'list'], empty],
        [['worker', 'show', phone], env],
        [['points', 'balance', phone], env],
      ],
      runs,
    );
    const reportMs = median([1, 2, 3].map(() => cli(['report', 'weekly', '--week', '2024-W47', '--format', 'json'], env).ms));
    const naiveJoinMs = naiveJoin(env.NUANXIN_DB);
    return { workers, entries, buildSeconds, reportMs, stationListMs, workerShowMs, balanceMs, naiveJoinMs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function describeReport(r) {
  return [
    `report     ${r.workers} workers, ${r.entries} ledger entries (built in ${r.buildSeconds.toFixed(0)} s) | nuanxin report weekly: ${r.reportMs.toFixed(0)} ms ` +
      `(station list on an empty database: ${r.stationListMs.toFixed(0)} ms) | naive ledger×workers join by community and week: ${r.naiveJoinMs.toFixed(0)} ms (goal: report < 1000 ms)`,
    `lookups    on ${r.workers} workers | station list, empty database: ${r.stationListMs.toFixed(1)} ms | worker show: ${r.workerShowMs.toFixed(1)} ms (${(r.workerShowMs / r.stationListMs).toFixed(2)}×) | ` +
      `points balance: ${r.balanceMs.toFixed(1)} ms (${(r.balanceMs / r.stationListMs).toFixed(2)}×) (goal ≤ 1.10× station list)`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(describeReport(benchReport({ workers: Number(process.env.BENCH_WORKERS ?? 1_000_000), entries: Number(process.env.BENCH_ENTRIES ?? 5_000_000) })));
}
