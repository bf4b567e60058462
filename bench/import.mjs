// Roster import at scale, on a roster as clerks receive it (bench/roster.mjs: 12
// columns, random phones, ID numbers, repeats and bad rows), UTF-8 and GB18030.
// Beside it, in the same run and on the same file, two raw pipelines with no
// validation: csv-parse → one prepared INSERT into the project's own `workers`
// table with all its indexes (the goal's baseline), and the same into a bare
// table with one unique phone index (the floor no importer can beat).
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { writeRoster } from './roster.mjs';
import { benchDir } from './temp.mjs';

const bin = fileURLToPath(new URL(process.env.BENCH_BIN ?? '../bin/nuanxin.cjs', import.meta.url));
export const COMMUNITIES = [
  { name: '夹马营社区', subdistrict: '张掖路街道' },
  { name: '西关社区', subdistrict: '临夏路街道' },
  { name: '东关社区', subdistrict: '东岗西路街道' },
  { name: '南关社区', subdistrict: '酒泉路街道' },
  { name: '北窑社区', subdistrict: '伏龙坪街道' },
  { name: '塔湾社区', subdistrict: '盐场路街道' },
];
const OCCUPATION = {
  外卖骑手: 'rider',
  骑手: 'rider',
  快递员: 'courier',
  快递小哥: 'courier',
  网约车司机: 'ride_hailing',
  出租车司机: 'taxi',
  货车司机: 'truck',
  网络主播: 'streamer',
};

function records(file, encoding) {
  const bytes = createReadStream(file);
  const text = encoding === 'gb18030' ? bytes.pipe(iconv.decodeStream('gb18030')) : bytes;
  return text.pipe(parse({ bom: true, from_line: 2, relax_column_count: true }));
}

/** The goal's baseline: every column into the same `workers` table (same indexes) that `nuanxin init` creates. */
async function rawSameTable(file, dbPath, encoding) {
  const db = new Database(dbPath);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  const communities = new Map(db.prepare('select name, id from communities').raw().all());
  const insert =
    db.prepare(`insert into workers (phone, name, gender, id_number, occupation, platform, site, community_id, subdistrict, joined_on, note, registered_on, created_at, updated_at)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '2026-01-01', 'x', 'x') on conflict do nothing`);
  return timed(db, async () => {
    let rows = 0;
    for await (const r of records(file, encoding)) {
      insert.run(
        r[3],
        r[1],
        r[2] === '男' ? 'male' : 'female',
        r[4] || null,
        OCCUPATION[r[5]] ?? 'other',
        r[6],
        r[7] || null,
        communities.get(r[8]) ?? null,
        r[9],
        r[10] || null,
        r[11] || null,
      );
      rows += 1;
    }
    return rows;
  });
}

/** The floor: the same rows into a bare table with one unique index on the phone. */
async function rawBareTable(file, dbPath, encoding) {
  const db = new Database(dbPath);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(
    'create table roster (phone text unique, name text, gender text, id_number text, occupation text, platform text, site text, community text, subdistrict text, joined_on text, note text)',
  );
  const insert = db.prepare('insert into roster values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing');
  return timed(db, async () => {
    let rows = 0;
    for await (const r of records(file, encoding)) {
      insert.run(r[3], r[1], r[2], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11]);
      rows += 1;
    }
    return rows;
  });
}

async function timed(db, body) {
  const started = process.hrtime.bigint();
  db.exec('begin');
  const rows = await body();
  db.exec('commit');
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  db.close();
  return { rows, seconds };
}

export function timedCli(args, env) {
  const time = existsSync('/usr/bin/time') ? ['/usr/bin/time', '-f', '%M'] : [];
  const started = process.hrtime.bigint();
  const result = spawnSync(time[0] ?? process.execPath, [...time.slice(1), ...(time.length ? [process.execPath] : []), bin, ...args], {
    env: { ...process.env, LANG: 'en_US.UTF-8', ...env },
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) throw new Error(`nuanxin ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  const rssKb = time.length ? Number(result.stderr.trim().split('\n').pop()) : NaN;
  return { seconds, rssMb: rssKb / 1024, stdout: result.stdout };
}

export function freshDb(dir, name) {
  const env = { NUANXIN_DB: join(dir, name), NUANXIN_OPERATOR: 'bench' };
  timedCli(['init'], env);
  for (const c of COMMUNITIES) timedCli(['community', 'add', c.name, '--subdistrict', c.subdistrict], env);
  return env;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * One encoding: the CLI and both raw pipelines on the same file, `repeat` rounds, interleaved
 * (a disk or a neighbour that slows one round slows all three), each figure the median round.
 */
async function oneRun(dir, rows, encoding, repeat) {
  const file = join(dir, `roster-${encoding}.csv`);
  const facts = await writeRoster(file, rows, COMMUNITIES, { encoding });
  const rounds = [];
  for (let round = 0; round < repeat; round++) {
    const same = await rawSameTable(file, freshDb(dir, `raw-${encoding}-${round}.db`).NUANXIN_DB, encoding);
    const bare = await rawBareTable(file, join(dir, `bare-${encoding}-${round}.db`), encoding);
    const cli = timedCli(['worker', 'import', file, '--json'], freshDb(dir, `nuanxin-${encoding}-${round}.db`));
    const report = JSON.parse(cli.stdout);
    // A bench that imports the wrong rows measures nothing.
    if (report.inserted !== facts.valid || report.rejected !== facts.rejected) {
      throw new Error(`expected ${facts.valid} inserted and ${facts.rejected} rejected, got ${report.inserted} and ${report.rejected}`);
    }
    rounds.push({ same: same.seconds, bare: bare.seconds, cli: cli.seconds, rss: cli.rssMb });
    for (const name of [`raw-${encoding}-${round}.db`, `bare-${encoding}-${round}.db`, `nuanxin-${encoding}-${round}.db`]) {
      for (const suffix of ['', '-wal', '-shm']) rmSync(join(dir, name + suffix), { force: true });
    }
  }
  return {
    encoding,
    facts,
    repeat,
    fileMb: statSync(file).size / 2 ** 20,
    same: { seconds: median(rounds.map((r) => r.same)) },
    bare: { seconds: median(rounds.map((r) => r.bare)) },
    cli: { seconds: median(rounds.map((r) => r.cli)), peakRssMb: Math.max(...rounds.map((r) => r.rss)) },
  };
}

export async function benchImport({ rows = 1_000_000, encodings = ['utf-8', 'gb18030'], repeat = Number(process.env.BENCH_REPEAT ?? 3) } = {}) {
  const dir = benchDir('bench-import');
  try {
    const runs = [];
    for (const encoding of encodings) runs.push(await oneRun(dir, rows, encoding, repeat));
    return runs;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function describeImport(r) {
  const rate = (s) => `${s.toFixed(1)} s (${Math.round(r.facts.rows / s)} rows/s)`;
  return (
    `import     ${r.facts.rows} rows, ${r.encoding} (${r.fileMb.toFixed(0)} MB, 12 columns; ${r.facts.valid} valid, ${r.facts.rejected} rejected; median of ${r.repeat}) | ` +
    `raw → workers table: ${rate(r.same.seconds)} | raw → bare table (floor): ${rate(r.bare.seconds)} | ` +
    `nuanxin worker import: ${rate(r.cli.seconds)}, peak RSS ${r.cli.peakRssMb.toFixed(0)} MB | ` +
    `ratio ${(r.cli.seconds / r.same.seconds).toFixed(2)}× the workers-table baseline (goal ≤ 1.50×), ${(r.cli.seconds / r.bare.seconds).toFixed(2)}× the floor; RSS goal < 300 MB`
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await benchImport({ rows: Number(process.env.BENCH_ROWS ?? 1_000_000) })) console.log(describeImport(r));
}
