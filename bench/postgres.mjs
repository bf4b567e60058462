// The PostgreSQL section of `npm run bench`, run when NUANXIN_TEST_PG names a server (a URL whose user
// may create databases). Each figure beside its baseline from the same run:
// - roster import of 300,000 realistic rows (bench/roster.mjs) against `psql \copy` of the same file into
//   a staging table and one INSERT … SELECT from it into the same `workers` table (codes mapped in SQL,
//   rows with no name or no mobile number left out, nothing else checked): the raw way to get those rows
//   into that table;
// - the weekly report over 1,000,000 workers and 5,000,000 ledger entries, beside the naive
//   ledger × workers join, as on SQLite.
import { spawn, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { COMMUNITIES, timedCli } from './import.mjs';
import { phoneOf, workerRow } from './report.mjs';
import { writeRoster } from './roster.mjs';
import { benchDir } from './temp.mjs';

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function urlFor(database) {
  const url = new URL(process.env.NUANXIN_TEST_PG);
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin(statement) {
  const client = new pg.Client({ connectionString: process.env.NUANXIN_TEST_PG });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A new empty database made by `nuanxin init`, with the district's communities. */
async function freshServerDb(name) {
  await admin(`drop database if exists ${name} with (force)`);
  await admin(`create database ${name} template template0 encoding 'UTF8' lc_collate 'C' lc_ctype 'C'`);
  const env = { NUANXIN_DB: urlFor(name), NUANXIN_OPERATOR: 'bench' };
  timedCli(['init'], env);
  for (const c of COMMUNITIES) timedCli(['community', 'add', c.name, '--subdistrict', c.subdistrict], env);
  return env;
}

function psql(url, script) {
  const started = process.hrtime.bigint();
  const r = spawnSync('psql', ['-v', 'ON_ERROR_STOP=1', '-q', url], { input: script, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`psql: ${r.stderr}`);
  return Number(process.hrtime.bigint() - started) / 1e9;
}

const RAW_COPY = (file) => `begin;
create temp table staging (seq text, name text, gender text, phone text, id_number text, occupation text, platform text, site text, community text, subdistrict text, joined_on text, note text);
\\copy staging from '${file}' with (format csv, header true)
insert into workers (phone, name, gender, id_number, occupation, platform, site, community_id, subdistrict, joined_on, note, registered_on, created_at, updated_at)
select s.phone, s.name, case s.gender when '男' then 'male' when '女' then 'female' end, nullif(s.id_number, ''),
  case s.occupation when '外卖骑手' then 'rider' when '骑手' then 'rider' when '快递员' then 'courier' when '快递小哥' then 'courier'
    when '网约车司机' then 'ride_hailing' when '出租车司机' then 'taxi' when '货车司机' then 'truck' when '网络主播' then 'streamer' else 'other' end,
  s.platform, nullif(s.site, ''), c.id, s.subdistrict, nullif(s.joined_on, ''), nullif(s.note, ''), '2026-01-01', 'x', 'x'
from staging s left join communities c on c.name = s.community
where coalesce(s.name, '') <> '' and s.phone ~ '^1[3-9][0-9]{9}$'
on conflict do nothing;
commit;
`;

export async function benchServerImport(dir, rows, repeat) {
  const file = join(dir, 'roster.csv');
  const facts = await writeRoster(file, rows, COMMUNITIES, { encoding: 'utf-8' });
  const rounds = [];
  for (let round = 0; round < repeat; round++) {
    const raw = await freshServerDb('nuanxin_bench_raw');
    const copySeconds = psql(raw.NUANXIN_DB, RAW_COPY(file));
    const env = await freshServerDb('nuanxin_bench_import');
    const cli = timedCli(['worker', 'import', file, '--json'], env);
    const report = JSON.parse(cli.stdout);
    if (report.inserted !== facts.valid || report.rejected !== facts.rejected) {
      throw new Error(`expected ${facts.valid} inserted and ${facts.rejected} rejected, got ${report.inserted} and ${report.rejected}`);
    }
    rounds.push({ copy: copySeconds, cli: cli.seconds, rss: cli.rssMb });
  }
  await admin('drop database if exists nuanxin_bench_raw with (force)');
  await admin('drop database if exists nuanxin_bench_import with (force)');
  return { facts, repeat, copySeconds: median(rounds.map((r) => r.copy)), cliSeconds: median(rounds.map((r) => r.cli)), peakRssMb: Math.max(...rounds.map((r) => r.rss)) };
}

/**
 * The same district as bench/report.mjs builds in SQLite: workers streamed through COPY, the ledger made
 * in SQL; then VACUUM ANALYZE, the state the server's autovacuum keeps a table in (index-only scans need
 * its visibility map), not the minutes right after a bulk load.
 */
export async function buildServerDistrict(url, workers, entries) {
  const columns = 'phone, name, id_number, gender, occupation, platform, site, community_id, subdistrict, joined_on, note, registered_on, active, created_at, updated_at';
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`insert into subdistricts (name, created_at) select '街道' || i, 'x' from generate_series(1, 8) i`);
    await client.query(`insert into communities (name, subdistrict_id, created_at) select '社区' || i, 1 + i % 8, 'x' from generate_series(1, 50) i`);
  } finally {
    await client.end();
  }
  const copy = spawn('psql', ['-v', 'ON_ERROR_STOP=1', '-q', url, '-c', `\\copy workers (${columns}) from stdin with (format csv)`], { stdio: ['pipe', 'ignore', 'inherit'] });
  const done = new Promise((resolve, reject) => copy.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`psql copy exit ${code}`)))));
  const cell = (v) => (v === null ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replaceAll('"', '""')}"` : String(v));
  let chunk = '';
  for (let i = 1; i <= workers; i++) {
    chunk += `${[...workerRow(i), 1, 'x', 'x'].map(cell).join(',')}\n`;
    if (chunk.length > 1 << 20) {
      if (!copy.stdin.write(chunk)) await new Promise((r) => copy.stdin.once('drain', r));
      chunk = '';
    }
  }
  copy.stdin.end(chunk);
  await done;
  psql(
    url,
    `begin;
insert into point_rules (code, name, points, created_at, updated_at) values ('errand', '爱心跑腿', 10, 'x', 'x');
insert into point_entries (worker_id, kind, points, rule_id, business_date, community_id, operator, created_at)
  select 1 + (i * 7919::bigint) % ${workers}, 'award', 10, 1, to_char(date '2024-01-01' + (i % 365)::int, 'YYYY-MM-DD'), 1 + ((1 + (i * 7919::bigint) % ${workers}) % 50), 'bench', 'x'
  from generate_series(1, ${entries}) i;
insert into point_daily (business_date, community_id, kind, points, entries)
  select business_date, coalesce(community_id, 0), kind, sum(points), count(*) from point_entries group by 1, 2, 3;
insert into point_balances (worker_id, balance, earned, redeemed, reversed, expired)
  select worker_id, sum(points), sum(points), 0, 0, 0 from point_entries group by worker_id;
commit;
vacuum analyze;
`,
  );
}

async function benchServerReport(workers, entries) {
  await admin('drop database if exists nuanxin_bench_report with (force)');
  await admin(`create database nuanxin_bench_report template template0 encoding 'UTF8' lc_collate 'C' lc_ctype 'C'`);
  const env = { NUANXIN_DB: urlFor('nuanxin_bench_report'), NUANXIN_OPERATOR: 'bench', LANG: 'zh_CN.UTF-8' };
  timedCli(['init'], env);
  const started = process.hrtime.bigint();
  await buildServerDistrict(env.NUANXIN_DB, workers, entries);
  const buildSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const args = ['report', 'weekly', '--week', '2024-W47', '--format', 'json'];
  const report = JSON.parse(timedCli(args, env).stdout);
  if (report.points.awarded <= 0 || report.workers.active <= 0) throw new Error(`unexpected figures: ${JSON.stringify(report.points)}`);
  const reportMs = median([1, 2, 3].map(() => timedCli(args, env).seconds * 1000));
  const phone = phoneOf(workers - 17);
  const showMs = median([1, 2, 3, 4, 5].map(() => timedCli(['worker', 'show', phone], env).seconds * 1000));
  const naiveJoinMs =
    psql(
      env.NUANXIN_DB,
      `select w.community_id, to_char(e.business_date::date, 'IW') as week, sum(e.points) from point_entries e join workers w on w.id = e.worker_id
       where e.business_date between '2024-09-09' and '2024-12-01' group by 1, 2;`,
    ) * 1000;
  await admin('drop database if exists nuanxin_bench_report with (force)');
  return { workers, entries, buildSeconds, reportMs, showMs, naiveJoinMs };
}

export async function benchPostgres({ rows = 300_000, workers = 1_000_000, entries = 5_000_000, repeat = Number(process.env.BENCH_REPEAT ?? 3) } = {}) {
  const dir = benchDir('bench-pg');
  try {
    return { import: await benchServerImport(dir, rows, repeat), report: await benchServerReport(workers, entries) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function describePostgres(r) {
  const i = r.import;
  const rate = (s) => `${s.toFixed(1)} s (${Math.round(i.facts.rows / s)} rows/s)`;
  return [
    `postgres   import ${i.facts.rows} rows, utf-8 (12 columns; ${i.facts.valid} valid, ${i.facts.rejected} rejected; median of ${i.repeat}) | ` +
      `psql \\copy + insert into workers: ${rate(i.copySeconds)} | nuanxin worker import: ${rate(i.cliSeconds)}, peak RSS ${i.peakRssMb.toFixed(0)} MB | ` +
      `ratio ${(i.cliSeconds / i.copySeconds).toFixed(2)}× (goal ≤ 2×)`,
    `postgres   report ${r.report.workers} workers, ${r.report.entries} ledger entries (built in ${r.report.buildSeconds.toFixed(0)} s) | nuanxin report weekly: ${r.report.reportMs.toFixed(0)} ms ` +
      `| worker show: ${r.report.showMs.toFixed(0)} ms | naive ledger×workers join (psql): ${r.report.naiveJoinMs.toFixed(0)} ms (goal: report < 1000 ms)`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!process.env.NUANXIN_TEST_PG) throw new Error('set NUANXIN_TEST_PG=postgres://USER:PASSWORD@HOST/postgres');
  console.log(
    describePostgres(
      await benchPostgres({
        rows: Number(process.env.BENCH_PG_ROWS ?? 300_000),
        workers: Number(process.env.BENCH_WORKERS ?? 1_000_000),
        entries: Number(process.env.BENCH_ENTRIES ?? 5_000_000),
      }),
    ),
  );
}
