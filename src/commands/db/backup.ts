import type { Command } from 'commander';
import { action, describe, type CommandEnv, type Deps } from '../../cli/command.js';
import { writeJson } from '../../cli/render.js';

export type DbBackupOptions = { force?: boolean; json?: boolean };

export function registerDbBackup(parent: Command, deps: Deps): void {
  const cmd = describe(parent.command('backup'), deps.t, 'db.backup')
    .argument('<file>', deps.t('arg.backup_file'))
    .option('--force', deps.t('opt.force_overwrite'))
    .option('--json', deps.t('opt.json'));
  action(cmd, deps, runDbBackup);
}

export async function runDbBackup(env: CommandEnv, opts: DbBackupOptions, [file]: string[]): Promise<number | void> {
  const result = await env.withDb(async (_ctx, handle) => handle.backup(file!, { force: opts.force, guard: env.outputGuard() }), { allowPending: true, anyDistrict: true });
  // integrity: SQLite's check of the copy itself; a pg_dump file is checked by pg_restore, not here.
  if (opts.json) writeJson(env.io, { path: result.path, integrity: result.checked ? 'ok' : null, format: result.format });
  else env.done(`${env.t(result.format === 'pg_dump' ? 'db.backed_up_dump' : 'db.backed_up', { path: result.path })}\n`);
}
