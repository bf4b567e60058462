import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { action, describe, type Deps } from '../../cli/command.js';
import { writeJson } from '../../cli/render.js';

export function registerDbPath(parent: Command, deps: Deps): void {
  const cmd = describe(parent.command('path'), deps.t, 'db.path').option('--json', deps.t('opt.json'));
  action<{ json?: boolean }>(cmd, deps, async (env, opts) => {
    const { path, source } = env.dbLocation;
    const exists = existsSync(path);
    if (opts.json) writeJson(env.io, { path, source, exists });
    else env.io.stdout.write(`${path}\n${env.t(`db.path.${source}`)}${exists ? '' : ` · ${env.t('db.path.absent')}`}\n`);
  });
}
