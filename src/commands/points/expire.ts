import type { Command } from 'commander';
import { action, describe, type CommandEnv, type Deps } from '../../cli/command.js';
import { renderRows, writeJson } from '../../cli/render.js';
import { expirePoints } from '../../domain/points/expiry.js';

export type PointsExpireOptions = { asOf: string; dryRun?: boolean; json?: boolean };

export function registerPointsExpire(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('expire'), t, 'points.expire')
    .requiredOption('--as-of <date>', t('opt.as_of'))
    .option('--dry-run', t('opt.dry_run'))
    .option('--json', t('opt.json'));
  action(cmd, deps, runPointsExpire);
}

export async function runPointsExpire(env: CommandEnv, opts: PointsExpireOptions, _args: string[]): Promise<number | void> {
  const { t } = env;
  const expiries = await env.withDb((ctx) => expirePoints(ctx, { asOf: opts.asOf, dryRun: opts.dryRun }));
  const total = expiries.reduce((s, e) => s + e.points, 0);
  if (opts.json) {
    writeJson(env.io, { as_of: opts.asOf, dry_run: Boolean(opts.dryRun), entries: expiries, points: total });
    return;
  }
  await renderRows(
    env.io,
    'table',
    [
      { key: 'workerId', header: t('col.worker'), value: (e) => `#${e.workerId}` },
      { key: 'year', header: t('col.year'), value: (e) => e.year },
      { key: 'points', header: t('col.points'), value: (e) => -e.points },
      { key: 'entryId', header: t('col.id'), value: (e) => e.entryId },
    ],
    expiries,
  );
  env.note(t('points.expired_summary', { count: expiries.length, points: total }) + (opts.dryRun ? ` ${t('import.dry_run')}` : ''));
}
