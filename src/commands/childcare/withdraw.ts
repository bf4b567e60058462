import type { Command } from 'commander';
import { action, describe, idArgument, type CommandEnv, type Deps } from '../../cli/command.js';
import { writeJson } from '../../cli/render.js';
import { withdraw } from '../../domain/programme/childcare.js';
import { enrolmentView } from './shared.js';

export type ChildcareWithdrawOptions = { json?: boolean };

export function registerChildcareWithdraw(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('withdraw'), t, 'childcare.withdraw').argument('<enrolment-id>', t('arg.enrolment'), idArgument('ID')).option('--json', t('opt.json'));
  action(cmd, deps, runChildcareWithdraw);
}

export async function runChildcareWithdraw(env: CommandEnv, opts: ChildcareWithdrawOptions, [id]: string[]): Promise<number | void> {
  const { t } = env;
  const { withdrawn, promoted } = await env.withDb((ctx) => withdraw(ctx, Number(id)));
  if (opts.json) writeJson(env.io, { withdrawn: enrolmentView(withdrawn), promoted: promoted && enrolmentView(promoted) });
  else {
    env.done(`${t('childcare.withdrawn', { id: withdrawn.id, child: withdrawn.child })}\n`);
    if (promoted) env.done(`${t('childcare.promoted', { id: promoted.id, child: promoted.child, site: promoted.site })}\n`);
  }
}
