import type { Command } from 'commander';
import { action, describe, formatOf, withFormat, type CommandEnv, type Deps } from '../../cli/command.js';
import { renderRows } from '../../cli/render.js';
import { parseYear } from '../../domain/plan/actions.js';
import { listTargets } from '../../domain/plan/targets.js';
import { targetColumns } from './shared.js';

export type TargetListOptions = { year?: string; action?: string; community?: string; subdistrict?: string; json?: boolean; format?: string };

export function registerTargetList(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = withFormat(describe(parent.command('list'), t, 'target.list'), t)
    .option('--year <yyyy>', t('opt.plan_year'))
    .option('--action <action>', t('opt.target_action'))
    .option('--community <name>', t('opt.target_community'))
    .option('--subdistrict <name>', t('opt.target_subdistrict_list'));
  action(cmd, deps, runTargetList);
}

export async function runTargetList(env: CommandEnv, opts: TargetListOptions, _args: string[]): Promise<number | void> {
  const rows = await env.withDb((ctx) =>
    listTargets(ctx.db, {
      year: parseYear(opts.year ?? ctx.clock.today().slice(0, 4), ctx.clock.today()),
      action: opts.action,
      community: opts.community,
      subdistrict: opts.subdistrict,
    }),
  );
  await renderRows(env.io, formatOf(opts), targetColumns(env.t), rows);
}
