import type { Command } from 'commander';
import { action, describe, type CommandEnv, type Deps } from '../../cli/command.js';
import { writeJson } from '../../cli/render.js';
import { setSetting } from '../../domain/settings.js';

export type ConfigSetOptions = { json?: boolean };

export function registerConfigSet(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('set'), t, 'config.set').argument('<key>', t('arg.setting')).argument('<value>', t('arg.value')).option('--json', t('opt.json'));
  action(cmd, deps, runConfigSet);
}

export async function runConfigSet(env: CommandEnv, opts: ConfigSetOptions, [key, value]: string[]): Promise<number | void> {
  const result = await env.withDb((ctx) => setSetting(ctx, key!, value!));
  if (opts.json) writeJson(env.io, result);
  else env.done(`${result.key} = ${result.value}\n`);
}
