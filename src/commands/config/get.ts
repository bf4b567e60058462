import type { Command } from 'commander';
import { action, describe, type CommandEnv, type Deps } from '../../cli/command.js';
import { writeJson } from '../../cli/render.js';
import { getSetting } from '../../domain/settings.js';

export type ConfigGetOptions = { json?: boolean };

export function registerConfigGet(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('get'), t, 'config.get').argument('<key>', t('arg.setting')).option('--json', t('opt.json'));
  action(cmd, deps, runConfigGet);
}

export async function runConfigGet(env: CommandEnv, opts: ConfigGetOptions, [key]: string[]): Promise<number | void> {
  const value = await env.withDb((ctx) => getSetting(ctx.db, key!));
  if (opts.json) writeJson(env.io, { key, value });
  else env.io.stdout.write(`${value}\n`);
}
