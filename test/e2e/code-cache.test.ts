// bin/nuanxin.cjs loads the bundle with V8's code cache beside it (scripts/build.mjs):
// a missing, foreign or corrupt cache must never change what a command does, and is
// replaced after the run; one it cannot replace is passed over.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';
import { spawnCli } from '../helpers/spawn.js';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
// Inside dist/, so the copy finds node_modules (the native addon) as the real bundle does.
const copy = mkdtempSync(join(DIST, 'cache-test-'));
copyFileSync(join(DIST, 'nuanxin.cjs'), join(copy, 'nuanxin.cjs'));
const bundle = join(copy, 'nuanxin.cjs');
const cache = `${bundle}.v8cache`;
afterAll(() => rmSync(copy, { recursive: true, force: true }));

async function district() {
  const env = { NUANXIN_DB: join(tempDir(), 'd.db'), NUANXIN_BUNDLE: bundle };
  expect((await spawnCli(['init'], env)).code).toBe(0);
  expect((await spawnCli(['community', 'add', '夹马营社区', '--subdistrict', '张掖路街道'], env)).code).toBe(0);
  return env;
}

describe('the code cache', () => {
  it('is written by a run that finds none, and the next run reads it with the same result', async () => {
    const env = await district();
    rmSync(cache, { force: true });
    const first = await spawnCli(['community', 'list', '--json'], env);
    expect(first.code).toBe(0);
    expect(existsSync(cache)).toBe(true);
    const written = statSync(cache).mtimeMs;
    const second = await spawnCli(['community', 'list', '--json'], env);
    expect(second).toMatchObject({ code: 0, stdout: first.stdout, stderr: '' });
    expect(statSync(cache).mtimeMs).toBe(written);
  });

  it('a corrupt cache is rejected, the command runs as usual, and the cache is replaced', async () => {
    const env = await district();
    writeFileSync(cache, Buffer.from('not a V8 code cache at all'));
    const r = await spawnCli(['community', 'list', '--json'], env);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(r.stdout)[0].name).toBe('夹马营社区');
    expect(readFileSync(cache).length).toBeGreaterThan(10_000);
  });

  it('a cache damaged in the middle (its header intact) is never handed to V8: the run is as usual, the cache replaced', async () => {
    const env = await district();
    rmSync(cache, { force: true });
    expect((await spawnCli(['community', 'list', '--json'], env)).code).toBe(0);
    const good = readFileSync(cache);
    const damaged = Buffer.from(good);
    for (let at = Math.floor(damaged.length / 3); at < damaged.length; at += 997) damaged[at] = damaged[at]! ^ 0xa5;
    writeFileSync(cache, damaged);
    const r = await spawnCli(['community', 'list', '--json'], env);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(r.stdout)[0].name).toBe('夹马营社区');
    expect(readFileSync(cache).equals(damaged)).toBe(false);
  });

  it("a rebuilt bundle of the same length never runs the old build's cached code", async () => {
    const env = await district();
    rmSync(cache, { force: true });
    const original = readFileSync(bundle, 'utf8');
    const version = (await spawnCli(['--version'], env)).stdout.trim();
    expect(existsSync(cache)).toBe(true);
    const bumped = version.replace(/\d+$/, (n) => String((Number(n) + 1) % 10));
    expect(bumped.length).toBe(version.length);
    writeFileSync(bundle, original.replace(`"${version}"`, `"${bumped}"`));
    try {
      expect((await spawnCli(['--version'], env)).stdout.trim()).toBe(bumped);
    } finally {
      writeFileSync(bundle, original);
    }
  });

  it('a cache it can neither read nor replace (a folder in its place) is passed over silently', async () => {
    const env = await district();
    rmSync(cache, { force: true });
    mkdirSync(cache);
    try {
      const r = await spawnCli(['community', 'list', '--json'], env);
      expect(r).toMatchObject({ code: 0, stderr: '' });
      expect(statSync(cache).isDirectory()).toBe(true);
      // The half-written temporary file is not left beside it.
      expect(readdirSync(copy).filter((name) => name.includes('.v8cache.'))).toEqual([]);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });

  it('a failing command keeps its exit code and message through the loader', async () => {
    const env = await district();
    const r = await spawnCli(['worker', 'show', '13800138000'], env);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^error: no worker/m);
  });
});
