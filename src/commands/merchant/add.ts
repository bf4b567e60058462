import type { Command } from 'commander';
import { action, describe, type CommandEnv, type Deps } from '../../cli/command.js';
import { writeJson } from '../../cli/render.js';
import { addMerchant } from '../../domain/programme/care.js';

export type MerchantAddOptions = { community: string; offers: string; json?: boolean };

export function registerMerchantAdd(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('add'), t, 'merchant.add')
    .argument('<name>', t('arg.merchant'))
    .requiredOption('--community <name>', t('opt.community'))
    .requiredOption('--offers <list>', t('opt.offers'))
    .option('--json', t('opt.json'));
  action(cmd, deps, runMerchantAdd);
}

export async function runMerchantAdd(env: CommandEnv, opts: MerchantAddOptions, [name]: string[]): Promise<number | void> {
  const merchant = await env.withDb((ctx) => addMerchant(ctx, { name: name!, ...opts }));
  if (opts.json) writeJson(env.io, merchant);
  else env.done(`${env.t('merchant.added', { name: merchant.name, community: merchant.community })}\n`);
}
