import { localTime } from '../../domain/clock.js';
import type { Command } from 'commander';
import { action, describe, formatOf, withFormat, type CommandEnv, type Deps } from '../../cli/command.js';
import { renderRows } from '../../cli/render.js';
import { migrationStatus } from '../../db/migrator.js';

export type DbStatusOptions = { json?: boolean; format?: string };

export function registerDbStatus(parent: Command, deps: Deps): void {
  const cmd = withFormat(describe(parent.command('status'), deps.t, 'db.status'), deps.t);
  action(cmd, deps, runDbStatus);
}

export async function runDbStatus(env: CommandEnv, opts: DbStatusOptions, _args: string[]): Promise<number | void> {
  const { t } = env;
  const status = await env.withDb(async (ctx) => migrationStatus(ctx.db), { allowPending: true, anyDistrict: true });
  await renderRows(
    env.io,
    formatOf(opts),
    [
      { key: 'name', header: t('col.migration'), value: (m) => m.name },
      { key: 'applied', header: t('col.state'), value: (m) => (opts.json || opts.format === 'json' ? m.applied : t(m.applied ? 'db.applied' : 'db.pending_one')) },
      { key: 'appliedAt', header: t('col.applied_at'), value: (m) => m.appliedAt, shown: (m) => (m.appliedAt ? localTime(m.appliedAt, env.clock.timeZone) : '') },
    ],
    status,
  );
}
