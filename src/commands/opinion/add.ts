import type { Command } from 'commander';
import { action, describe, termOption, type CommandEnv, type Deps } from '../../cli/command.js';
import { writeJson } from '../../cli/render.js';
import { addOpinion } from '../../domain/outreach/opinions.js';
import { opinionView } from './shared.js';

export type OpinionAddOptions = { topic: string; from?: string; community?: string; date?: string; note?: string; json?: boolean };

export function registerOpinionAdd(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('add'), t, 'opinion.add')
    .argument('<text>', t('arg.opinion'))
    .addOption(termOption('--topic <topic>', t('opt.opinion_topic'), 'opinion_topic').makeOptionMandatory())
    .option('--from <phone-or-place>', t('opt.opinion_from'))
    .option('--community <name>', t('opt.community'))
    .option('--date <date>', t('opt.heard_on'))
    .option('--note <text>', t('opt.note'))
    .option('--json', t('opt.json'));
  action(cmd, deps, runOpinionAdd);
}

export async function runOpinionAdd(env: CommandEnv, opts: OpinionAddOptions, [text]: string[]): Promise<number | void> {
  const opinion = opinionView(await env.withDb((ctx) => addOpinion(ctx, { ...opts, text: text! })));
  if (opts.json) writeJson(env.io, opinion);
  else env.done(`${env.t('opinion.added', { id: opinion.id })}\n`);
}
