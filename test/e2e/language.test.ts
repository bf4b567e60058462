// The district's language, set once, is what the built CLI speaks for everyone — a cron job included —
// until --lang or NUANXIN_LANG says otherwise (read before any command is built, from the bundle).
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';
import { newDatabase } from '../helpers/pg.js';
import { spawnCli } from '../helpers/spawn.js';

describe('config set lang, as cron meets it', () => {
  it('a district set to en speaks English under an empty locale; one set to zh speaks Chinese under an English one', async () => {
    const db = await newDatabase(tempDir(), 'district.db');
    expect((await spawnCli(['--db', db, 'init'])).code).toBe(0);
    expect((await spawnCli(['--db', db, 'config', 'set', 'lang', 'en'], { LANG: 'C' })).stdout).toBe('lang = en\n');
    expect((await spawnCli(['--db', db, 'worker', 'show', '999'], { LANG: 'C' })).stderr).toBe('error: no worker with phone or id 999\n');
    expect((await spawnCli(['--db', db, 'config', 'set', 'lang', 'zh'])).code).toBe(0);
    expect((await spawnCli(['--db', db, 'worker', 'show', '999'])).stderr).toBe('错误: 没有手机号或编号为 999 的劳动者\n');
    expect((await spawnCli(['--db', db, 'worker', 'show', '999'], { NUANXIN_LANG: 'en' })).stderr).toBe('error: no worker with phone or id 999\n');
    expect((await spawnCli(['--db', db, '--lang', 'en', 'worker', 'show', '999'])).stderr).toBe('error: no worker with phone or id 999\n');
    // The help follows it too.
    expect((await spawnCli(['--db', db, 'worker'])).stdout).toMatch(/^用法： nuanxin worker/);
  });
});
