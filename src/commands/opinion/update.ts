import type { Command } from 'commander';
import { action, describe, idArgument, termOption, type CommandEnv, type Deps } from '../../cli/command.js';
import { termLabel } from '../../cli/messages/index.js';
import { writeJson } from '../../cli/render.js';
import { moveOpinion } from '../../domain/outreach/opinions.js';
import { opinionView } from './shared.js';

export type OpinionUpdateOptions = { status: string; to?: string; note?: string; date?: string; json?: boolean };

export function registerOpinionUpdate(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('update'), t, 'opinion.update')
    .argument('<id>', t('arg.opinion_id'), idArgument('ID'))
    .addOption(termOption('--status <status>', t('opt.opinion_status'), 'opinion_status', ['referred', 'answered', 'resolved']).makeOptionMandatory())
    .option('--to <unit>', t('opt.referred_to'))
    .option('--note <text>', t('opt.note'))
    .option('--date <date>', t('opt.status_date'))
    .option('--json', t('opt.json'));
  action(cmd, deps, runOpinionUpdate);
}

export async function runOpinionUpdate(env: CommandEnv, opts: OpinionUpdateOptions, [id]: string[]): Promise<number | void> {
  const opinion = opinionView(await env.withDb((ctx) => moveOpinion(ctx, Number(id), opts)));
  if (opts.json) writeJson(env.io, opinion);
  else env.done(`${env.t('opinion.moved', { id: opinion.id, status: termLabel(env.t, 'opinion_status', opinion.status), date: opinion.statusOn })}\n`);
}
