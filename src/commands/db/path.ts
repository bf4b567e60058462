import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { action, describe, type CommandEnv, type Deps } from '../../cli/command.js';
import { writeJson } from '../../cli/render.js';

export type DbPathOptions = { json?: boolean };

export function registerDbPath(parent: Command, deps: Deps): void {
  const cmd = describe(parent.command('path'), deps.t, 'db.path').option('--json', deps.t('opt.json'));
  action(cmd, deps, runDbPath);
}

export async function runDbPath(env: CommandEnv, opts: DbPathOptions, _args: string[]): Promise<number | void> {
  const { path, source } = env.dbLocation;
  const exists = existsSync(path);
  if (opts.json) writeJson(env.io, { path, source, exists });
  else env.io.stdout.write(`${path}\n${env.t(`db.path.${source}`)}${exists ? '' : ` · ${env.t('db.path.absent')}`}\n`);
}
