import type { Command } from 'commander';
import { action, describe, type CommandEnv, type Deps } from '../../cli/command.js';
import { termLabel } from '../../cli/messages/index.js';
import { writeJson } from '../../cli/render.js';
import { assignAction } from '../../domain/plan/actions.js';

export type ActionAssignOptions = { lead: string; responsible?: string[]; year?: string; json?: boolean };

export function registerActionAssign(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('assign'), t, 'action.assign')
    .argument('<action>', t('arg.action'))
    .requiredOption('--lead <unit>', t('opt.action_lead'))
    .option('--responsible <unit...>', t('opt.action_responsible'))
    .option('--year <yyyy>', t('opt.plan_year'))
    .option('--json', t('opt.json'));
  action(cmd, deps, runActionAssign);
}

export async function runActionAssign(env: CommandEnv, opts: ActionAssignOptions, [name]: string[]): Promise<number | void> {
  const owners = await env.withDb((ctx) => assignAction(ctx, { action: name!, year: opts.year ?? ctx.clock.today().slice(0, 4), lead: opts.lead, responsible: opts.responsible }));
  if (opts.json) writeJson(env.io, owners);
  else
    env.done(
      `${env.t('action.assigned', {
        action: `${owners.no}. ${termLabel(env.t, 'action', owners.action)}`,
        year: owners.year,
        lead: owners.lead ?? '',
        responsible: owners.responsible.join(env.t('list.separator')) || env.t('list.none'),
      })}\n`,
    );
}
