import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { action, describe, type CommandEnv, type Deps } from '../../cli/command.js';
import { writeJson } from '../../cli/render.js';
import { displayLocation, isServerUrl } from '../../db/location.js';

export type DbPathOptions = { json?: boolean };

export function registerDbPath(parent: Command, deps: Deps): void {
  const cmd = describe(parent.command('path'), deps.t, 'db.path').option('--json', deps.t('opt.json'));
  action(cmd, deps, runDbPath);
}

export async function runDbPath(env: CommandEnv, opts: DbPathOptions, _args: string[]): Promise<number | void> {
  const { source } = env.dbLocation;
  // A server's URL without its password; whether the server has the database is `db status`'s to say.
  const server = isServerUrl(env.dbLocation.path);
  const path = displayLocation(env.dbLocation.path);
  const exists = server ? null : existsSync(path);
  if (opts.json) writeJson(env.io, { path, source, exists });
  else env.io.stdout.write(`${path}\n${env.t(`db.path.${source}`)}${exists === false ? ` · ${env.t('db.path.absent')}` : ''}\n`);
}
