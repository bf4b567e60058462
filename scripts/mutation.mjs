// `npm run mutation [-- AREA…]`: StrykerJS area by area, each area with its own incremental file in
// test/mutation/, then the score of every area and of src/domain, src/import and src/db as a whole.
// `npm run mutation -- --summary` prints the table only; `-- --alive [AREA…]` lists the mutants alive.
//
// Why areas: a whole run is over 11,000 mutants, hours on two cores. An area (one folder of
// src/domain, its top-level files, src/import, or the db port and its SQLite side) takes minutes to an hour, and re-running it after a
// change only tests what the change touched. Each area's incremental file holds the test files as they
// were when that area ran, so one area's run never vouches for another's.
//
// The score is StrykerJS's: killed and timed-out mutants over those plus the survivors and the ones no
// test reaches. Mutants set aside by `// Stryker disable … : reason` (equivalent ones, and module-level
// tables a test pins whole: README, "Mutation testing") are left out.
// Exit 1 when src/domain as a whole — the areas run now with the others' last figures — is below the goal
// (stryker.config.json's thresholds.break), or, for a whole run or `--summary`, has an area never
// measured. An area below the goal is marked in the table: the goal is the whole's, and an area whose
// rest is PostgreSQL-only code (admin) cannot reach it on SQLite.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const base = JSON.parse(readFileSync(join(root, 'stryker.config.json'), 'utf8'));
const goal = base.thresholds.break;
const partsDir = join(root, 'test/mutation');
const excluded = base.mutate.filter((pattern) => pattern.startsWith('!'));

/**
 * Every area: a folder of src/domain, src/domain's own files, src/import, and the db port (src/db's
 * own files and its SQLite side; its PostgreSQL side is left out: the mutation suite runs on SQLite,
 * and npm test's PostgreSQL run is what tests it).
 */
function allAreas() {
  const domain = join(root, 'src/domain');
  const folders = readdirSync(domain)
    .filter((name) => statSync(join(domain, name)).isDirectory())
    .sort()
    .map((name) => `src/domain/${name}`);
  return [...folders, 'src/domain/*.ts', 'src/import', 'src/db/*.ts', 'src/db/sqlite'];
}

function areaName(area) {
  return area
    .replace(/^src\//, '')
    .replace('/*.ts', '/top')
    .replaceAll('/', '-');
}

function areaPatterns(area) {
  return [area.endsWith('.ts') ? area : `${area}/**/*.ts`, ...excluded];
}

function runArea(area) {
  const name = areaName(area);
  const config = {
    ...base,
    mutate: areaPatterns(area),
    incrementalFile: relative(root, join(partsDir, `${name}.json`)),
    thresholds: { ...base.thresholds, break: null },
    jsonReporter: { fileName: `reports/mutation/${name}.json` },
  };
  mkdirSync(join(root, 'reports/mutation'), { recursive: true });
  const configFile = join(root, 'reports/mutation', `${name}.config.json`);
  writeFileSync(configFile, JSON.stringify(config, null, 2));
  process.stderr.write(`\n== ${area}\n`);
  const started = Date.now();
  // The tests' temp folders carry this run's tag: a test process StrykerJS kills (a mutant that loops)
  // never reaches its cleanup, so what it leaves is removed here.
  const tag = `m${process.pid}`;
  const result = spawnSync('npx', ['stryker', 'run', relative(root, configFile)], { cwd: root, stdio: 'inherit', env: { ...process.env, NUANXIN_TEST_RUN: tag } });
  for (const name of readdirSync(tmpdir()).filter((entry) => entry.startsWith(`nuanxin-test-${tag}-`))) rmSync(join(tmpdir(), name), { recursive: true, force: true });
  if (result.status !== 0) throw new Error(`StrykerJS failed on ${area} (exit ${result.status})`);
  return Math.round((Date.now() - started) / 1000);
}

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

/** Counts of an area's last run, from its incremental file; undefined when it never ran. */
function countsOf(area) {
  const file = join(partsDir, `${areaName(area)}.json`);
  if (!existsSync(file)) return undefined;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const counts = { detected: 0, undetected: 0, ignored: 0, errors: 0, mutants: 0 };
  for (const file of Object.values(report.files)) {
    for (const mutant of file.mutants) {
      counts.mutants += 1;
      if (DETECTED.has(mutant.status)) counts.detected += 1;
      else if (UNDETECTED.has(mutant.status)) counts.undetected += 1;
      else if (mutant.status === 'Ignored') counts.ignored += 1;
      else counts.errors += 1;
    }
  }
  return counts;
}

const score = (c) => (c.detected + c.undetected === 0 ? 100 : (100 * c.detected) / (c.detected + c.undetected));
const measured = (whole) => whole.detected + whole.undetected > 0;
const pad = (text, width) => String(text).padEnd(width);

/** Returns whether the goal is missed: by src/domain as a whole, or (for a whole run) because part of it was never measured. */
function summarise(areas, ranNow) {
  const wholes = {
    'src/domain': { detected: 0, undetected: 0, missing: [] },
    'src/import': { detected: 0, undetected: 0, missing: [] },
    'src/db': { detected: 0, undetected: 0, missing: [] },
  };
  const lines = [`${pad('area', 26)}${pad('mutants', 9)}${pad('killed', 8)}${pad('alive', 7)}${pad('ignored', 9)}score`];
  for (const area of areas) {
    const whole = wholes[Object.keys(wholes).find((name) => area.startsWith(name))];
    const c = countsOf(area);
    if (!c) {
      whole.missing.push(area);
      lines.push(`${pad(area, 26)}not measured yet`);
      continue;
    }
    whole.detected += c.detected;
    whole.undetected += c.undetected;
    const mark = area.startsWith('src/domain') && score(c) < goal ? `  (below ${goal}%)` : '';
    lines.push(`${pad(area, 26)}${pad(c.mutants, 9)}${pad(c.detected, 8)}${pad(c.undetected, 7)}${pad(c.ignored, 9)}${score(c).toFixed(1)}%${mark}`);
  }
  let below = false;
  const judgedWhole = ranNow.length === 0 || ranNow.length === areas.length;
  for (const [name, whole] of Object.entries(wholes)) {
    const figure = measured(whole) ? `${score(whole).toFixed(1)}%` : 'not measured';
    const partial = whole.missing.length ? ` (partial: ${whole.missing.length} area(s) not measured)` : '';
    lines.push(`${pad(`${name} as a whole`, 26)}${pad(whole.detected + whole.undetected, 9)}${pad(whole.detected, 8)}${pad(whole.undetected, 7)}${pad('', 9)}${figure}${partial}`);
    if (name === 'src/domain' && (score(whole) < goal || (judgedWhole && whole.missing.length > 0))) below = true;
  }
  const verdict = `${below ? 'not met' : 'met'}${judgedWhole ? '' : ' (the areas not run now count with their last figures)'}`;
  process.stdout.write(`${lines.join('\n')}\ngoal: ${goal}% on src/domain — ${verdict}\n`);
  return below;
}

/** `--alive AREA…`: every mutant of the areas' last runs that no test detected, with its line. */
function listAlive(areas) {
  for (const area of areas) {
    const file = join(partsDir, `${areaName(area)}.json`);
    if (!existsSync(file)) {
      process.stdout.write(`${area}: not measured yet\n`);
      continue;
    }
    const report = JSON.parse(readFileSync(file, 'utf8'));
    for (const [name, entry] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
      const lines = entry.source.split('\n');
      const alive = entry.mutants.filter((m) => UNDETECTED.has(m.status)).sort((a, b) => a.location.start.line - b.location.start.line);
      for (const m of alive) {
        const line = m.location.start.line;
        process.stdout.write(`${name}:${line} ${m.status} ${m.mutatorName} → ${JSON.stringify(m.replacement ?? '')}\n    ${lines[line - 1].trim()}\n`);
      }
    }
  }
}

const asked = process.argv.slice(2).map((arg) => arg.replace(/\/$/, ''));
const areas = allAreas();
if (asked[0] === '--alive') {
  const chosen = asked.slice(1);
  const wrong = chosen.filter((arg) => !areas.includes(arg));
  if (wrong.length) {
    process.stderr.write(`not an area: ${wrong.join(', ')}\nareas: ${areas.join(', ')}\n`);
    process.exit(2);
  }
  listAlive(chosen.length ? chosen : areas);
  process.exit(0);
}
const unknown = asked.filter((arg) => !areas.includes(arg) && arg !== '--summary');
if (unknown.length) {
  process.stderr.write(`not an area: ${unknown.join(', ')}\nareas: ${areas.join(', ')}\n`);
  process.exit(2);
}
const toRun = asked.includes('--summary') ? [] : asked.length ? asked : areas;
// An area StrykerJS could not run keeps its last figures; the others still run, and the exit is 1.
const failed = [];
for (const area of toRun) {
  try {
    const seconds = runArea(area);
    process.stderr.write(`== ${area}: ${seconds} s\n`);
  } catch (error) {
    failed.push(area);
    process.stderr.write(`== ${area}: ${error.message}\n`);
  }
}
const below = summarise(areas, toRun);
if (failed.length) process.stderr.write(`not run: ${failed.join(', ')} (its figures above are from its last run)\n`);
process.exit(below || failed.length ? 1 : 0);
