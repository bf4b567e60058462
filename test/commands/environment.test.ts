// Issue #17: each documented environment variable does what the README says.
import { describe, expect, it } from 'vitest';
import { holdWrites } from '../helpers/hold.js';
import { freshCli } from '../helpers/cli.js';

const P1 = '13800138000';

async function programme() {
  const fresh = await freshCli();
  await fresh.cli(['worker', 'add', '--name', '张三', '--phone', P1, '--occupation', 'rider']);
  await fresh.cli(['points', 'rule', 'add', 'errand', '--name', '爱心跑腿', '--points', '10']);
  return fresh;
}

const ESC = '\u001b[';

describe('CI', () => {
  it('turns colour off on a terminal (and colour is on there without it)', async () => {
    const { cli } = await programme();
    const plain = await cli(['worker', 'show', '13700137000'], { tty: true, env: { CI: '1' } });
    expect(plain.code).toBe(3);
    expect(plain.stderr).not.toContain(ESC);
    const coloured = await cli(['worker', 'show', '13700137000'], { tty: true, env: { CI: undefined } });
    expect(coloured.stderr).toContain(ESC);
    expect((await cli(['worker', 'show', '13700137000'], { tty: true, env: { CI: 'false' } })).stderr).toContain(ESC);
    expect((await cli(['worker', 'show', '13700137000'], { tty: true, env: { CI: '0' } })).stderr).toContain(ESC);
    expect((await cli(['worker', 'show', '13700137000'], { tty: true, env: { CI: 'true', FORCE_COLOR: '1' } })).stderr).not.toContain(ESC);
  });

  it('never prompts: a missing answer is a usage error (exit 2) even on a terminal', async () => {
    const { cli } = await programme();
    const r = await cli(['station', 'add'], { tty: true, env: { CI: 'true' }, answers: ['should not be asked'] });
    expect(r.code).toBe(2);
  });

  it('NO_COLOR turns colour off too', async () => {
    const { cli } = await programme();
    expect((await cli(['worker', 'show', '13700137000'], { tty: true, env: { CI: undefined, NO_COLOR: '1' } })).stderr).not.toContain(ESC);
  });
});

describe('NUANXIN_TZ', () => {
  it('decides the business date; the machine TZ does not', async () => {
    const { cli } = await programme();
    // 2026-11-29 17:30 UTC is already 11-30 in Shanghai, still 11-29 in UTC and in New York.
    const now = '2026-11-29T17:30:00Z';
    const dateOf = async (env: Record<string, string | undefined>) =>
      JSON.parse((await cli(['points', 'award', P1, '--rule', 'errand', '--json'], { env: { NUANXIN_NOW: now, ...env } })).stdout).businessDate;
    expect(await dateOf({ TZ: 'UTC' })).toBe('2026-11-30');
    expect(await dateOf({ NUANXIN_TZ: 'UTC', TZ: 'Asia/Shanghai' })).toBe('2026-11-29');
    expect(await dateOf({ NUANXIN_TZ: 'America/New_York' })).toBe('2026-11-29');
  });
});

describe('LANG and LC_ALL', () => {
  it('LC_ALL wins over LANG, in both directions', async () => {
    const { cli } = await programme();
    const zh = await cli(['worker', 'show', '13700137000'], { env: { LC_ALL: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' } });
    expect(zh.stderr).toMatch(/^错误：|^错误:/);
    const en = await cli(['worker', 'show', '13700137000'], { env: { LC_ALL: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' } });
    expect(en.stderr).toMatch(/^error: /);
  });
});

describe('NUANXIN_BUSY_TIMEOUT_MS', () => {
  it('bounds how long a writer waits for the lock, then exits 6 with "try again"', async () => {
    const { cli, db } = await programme();
    // Another clerk holds the lock an award needs (SQLite: the write lock; PostgreSQL: the ledger table).
    const holder = await holdWrites(db, ['point_entries']);
    try {
      const started = Date.now();
      const r = await cli(['points', 'award', P1, '--rule', 'errand'], { env: { NUANXIN_BUSY_TIMEOUT_MS: '200' } });
      expect(r.code).toBe(6);
      expect(r.stderr).toContain('hint: try again in a moment');
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await holder.release();
    }
    expect((await cli(['points', 'award', P1, '--rule', 'errand'], { env: { NUANXIN_BUSY_TIMEOUT_MS: '200' } })).code).toBe(0);
  });
});

describe('NUANXIN_DISTRICT', () => {
  it('names the district when --district does not; the flag wins; an unknown one is exit 3', async () => {
    const { cli, json } = await programme();
    const [{ name }] = await json(['district', 'list']);
    const count = async (env: Record<string, string>, argv: string[] = []) => {
      const r = await cli([...argv, 'worker', 'list', '--json'], { env });
      return r.code === 0 ? JSON.parse(r.stdout).length : r.code;
    };
    expect(await count({ NUANXIN_DISTRICT: name })).toBe(1);
    expect(await count({ NUANXIN_DISTRICT: '不存在区' })).toBe(3);
    expect(await count({ NUANXIN_DISTRICT: '' })).toBe(1);
    expect(await count({ NUANXIN_DISTRICT: '不存在区' }, ['--district', name])).toBe(1);
    expect(await count({ NUANXIN_DISTRICT: name }, ['--district', '不存在区'])).toBe(3);
  });
});
