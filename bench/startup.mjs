// Start-up: `nuanxin station list` on a small database beside bare `node -e 0`,
// both spawned the same way in the same run (median of N), in Chinese as a clerk runs it.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchDir } from './temp.mjs';

const bin = fileURLToPath(new URL(process.env.BENCH_BIN ?? '../bin/nuanxin.cjs', import.meta.url));

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(args, env, runs) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, { env: { ...process.env, LANG: 'zh_CN.UTF-8', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${result.stderr}`);
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return median(samples);
}

export function benchStartup({ runs = 21 } = {}) {
  const dir = benchDir('bench');
  const db = join(dir, 'small.db');
  const env = { NUANXIN_DB: db, NUANXIN_OPERATOR: 'bench' };
  const cli = (...argv) => spawnSync(process.execPath, [bin, ...argv], { env: { ...process.env, ...env } });
  cli('init');
  cli('community', 'add', '夹马营社区', '--subdistrict', '西关街道');
  for (let i = 1; i <= 10; i++) cli('station', 'add', '--name', `驿站${i}`, '--community', '夹马营社区', '--amenities', 'seating,water');
  time(['-e', '0'], {}, 3); // warm the file cache
  time([bin, 'station', 'list'], env, 3);
  // Interleaved, so drift in the machine's load hits both sides alike.
  const base = [];
  const cmd = [];
  for (let i = 0; i < Number(process.env.BENCH_RUNS ?? runs); i++) {
    base.push(time(['-e', '0'], {}, 1));
    cmd.push(time([bin, 'station', 'list'], env, 1));
  }
  const baseline = median(base);
  const command = median(cmd);
  rmSync(dir, { recursive: true, force: true });
  return { baselineMs: baseline, commandMs: command, ratio: command / baseline };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = benchStartup();
  console.log(`start-up   node -e 0: ${r.baselineMs.toFixed(1)} ms   nuanxin station list: ${r.commandMs.toFixed(1)} ms   ratio ${r.ratio.toFixed(2)}× (goal ≤ 1.70×)`);
}
