import type { Command } from 'commander';
import { action, describe, type CommandEnv, type Deps } from '../../cli/command.js';
import { writeJson } from '../../cli/render.js';
import { workerBalance } from '../../domain/points/queries.js';
import { maskPhone } from '../../domain/privacy.js';

export type PointsBalanceOptions = { json?: boolean };

export function registerPointsBalance(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('balance'), t, 'points.balance').argument('<phone>', t('arg.worker')).option('--json', t('opt.json'));
  action(cmd, deps, runPointsBalance);
}

export async function runPointsBalance(env: CommandEnv, opts: PointsBalanceOptions, [phone]: string[]): Promise<number | void> {
  const { t } = env;
  const { worker, balance } = await env.withDb((ctx) => workerBalance(ctx.db, phone!));
  const view = { worker: { id: worker.id, name: worker.name, phone: maskPhone(worker.phone) }, ...balance };
  if (opts.json) writeJson(env.io, view);
  else env.io.stdout.write(`${t('points.balance_line', { name: worker.name, phone: view.worker.phone ?? '', ...balance })}\n`);
}
