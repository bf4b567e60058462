import type { Command } from 'commander';
import { action, describe, type CommandEnv, type Deps } from '../../cli/command.js';
import { writeJson } from '../../cli/render.js';
import { disableAccount } from '../../domain/admin/accounts.js';

export type AccountDisableOptions = { json?: boolean };

export function registerAccountDisable(parent: Command, deps: Deps): void {
  const cmd = describe(parent.command('disable'), deps.t, 'account.disable').argument('<name>', deps.t('arg.account')).option('--json', deps.t('opt.json'));
  action(cmd, deps, runAccountDisable);
}

export async function runAccountDisable(env: CommandEnv, opts: AccountDisableOptions, [name]: string[]): Promise<number | void> {
  const done = await env.withDb((ctx) => disableAccount(ctx, name!), { anyDistrict: true });
  if (opts.json) writeJson(env.io, done);
  else env.done(`${env.t('account.disabled', { name: done.name })}\n`);
}
