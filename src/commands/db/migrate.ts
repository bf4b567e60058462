import type { Command } from 'commander';
import { action, describe, type CommandEnv, type Deps } from '../../cli/command.js';
import { writeJson } from '../../cli/render.js';
import { migrateToLatest, pendingMigrations } from '../../db/migrator.js';

export type DbMigrateOptions = { json?: boolean };

export function registerDbMigrate(parent: Command, deps: Deps): void {
  const cmd = describe(parent.command('migrate'), deps.t, 'db.migrate').option('--json', deps.t('opt.json'));
  action(cmd, deps, runDbMigrate);
}

export async function runDbMigrate(env: CommandEnv, opts: DbMigrateOptions, _args: string[]): Promise<number | void> {
  const result = await env.withDb(
    async (ctx, handle) => {
      const loose = handle.tightenPermissions();
      if (loose) env.warn(env.t('db.permissions_tightened', { path: handle.path, mode: loose }));
      const pending = await pendingMigrations(ctx.db);
      if (pending.length === 0) return { applied: [] as string[], backup: null as string | null };
      const stamp = ctx.clock.now().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
      const backup = await handle.backupBeforeMigrate(stamp, env.outputGuard());
      const results = await migrateToLatest(ctx.db, handle.path);
      return { applied: results.map((r) => r.migrationName), backup };
    },
    { allowPending: true, anyDistrict: true },
  );
  if (opts.json) writeJson(env.io, result);
  else if (result.applied.length === 0) env.done(`${env.t('db.up_to_date')}\n`);
  else {
    const params = { count: result.applied.length, names: result.applied.join(', '), backup: result.backup ?? '' };
    env.done(`${env.t(result.backup ? 'db.migrated' : 'db.migrated_in_one', params)}\n`);
  }
}
