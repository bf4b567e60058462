import type { Command } from 'commander';
import { migrateToLatest } from '../db/migrator.js';
import { databaseFailure } from '../db/errors.js';
import { openDatabase } from '../db/open.js';
import { action, busyTimeout, describe, type CommandEnv, type Deps } from '../cli/command.js';
import { writeJson } from '../cli/render.js';
import { nameDistrictAtInit } from '../domain/admin/districts.js';

export type InitOptions = { json?: boolean };

export function registerInit(program: Command, deps: Deps): void {
  const cmd = describe(program.command('init'), deps.t, 'init').option('--json', deps.t('opt.json'));
  action(cmd, deps, runInit);
}

export async function runInit(env: CommandEnv, opts: InitOptions, _args: string[]): Promise<number | void> {
  const opened = await openDatabase({ path: env.dbLocation.path, create: true, busyTimeoutMs: busyTimeout(env.io.env) });
  try {
    const loose = opened.tightenPermissions();
    if (loose) env.warn(env.t('db.permissions_tightened', { path: opened.path, mode: loose }));
    const results = await migrateToLatest(opened.db, opened.path);
    const applied = results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
    // `init --district NAME` (the global option): the district this database is for.
    const district = env.district === undefined ? undefined : await nameDistrictAtInit({ db: opened.db, actor: env.actor, clock: env.clock }, env.district);
    if (opts.json) writeJson(env.io, { path: opened.path, applied, ...(district ? { district } : {}) });
    else {
      env.done(`${env.t(applied.length ? 'init.created' : 'init.current', { path: opened.path, count: applied.length })}\n`);
      if (district) env.done(`${env.t('init.district_named', { name: district })}\n`);
    }
  } catch (error) {
    // The engine's failures name the database they happened in (a server's URL without its password).
    throw databaseFailure(error, opened.path) ?? error;
  } finally {
    await opened.close().catch(() => {});
  }
}
