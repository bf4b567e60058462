import type { Command } from 'commander';
import { action, describe, idArgument, intOption, termOption, type CommandEnv, type Deps } from '../../cli/command.js';
import { writeJson } from '../../cli/render.js';
import { addPublicity } from '../../domain/outreach/publicity.js';

export type PublicityAddOptions = {
  action: string;
  date?: string;
  channel: string;
  title: string;
  url?: string;
  reach?: number;
  unit?: string;
  community?: string;
  wish?: number;
  json?: boolean;
};

export function registerPublicityAdd(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('add'), t, 'publicity.add')
    .requiredOption('--action <action>', t('opt.publicity_action'))
    .addOption(termOption('--channel <channel>', t('opt.publicity_channel'), 'publicity_channel').makeOptionMandatory())
    .requiredOption('--title <text>', t('opt.publicity_title'))
    .option('--date <date>', t('opt.publicity_date'))
    .option('--url <url>', t('opt.publicity_url'))
    .option('--reach <n>', t('opt.publicity_reach'), intOption('--reach'))
    .option('--unit <unit>', t('opt.publicity_unit'))
    .option('--community <name>', t('opt.community'))
    .option('--wish <id>', t('opt.publicity_wish'), idArgument('--wish'))
    .option('--json', t('opt.json'));
  action(cmd, deps, runPublicityAdd);
}

export async function runPublicityAdd(env: CommandEnv, opts: PublicityAddOptions, _args: string[]): Promise<number | void> {
  const item = await env.withDb((ctx) => addPublicity(ctx, opts));
  if (opts.json) writeJson(env.io, item);
  else env.done(`${env.t('publicity.added', { id: item.id, title: item.title })}\n`);
}
