import type { Command } from 'commander';
import { action, describe, formatOf, withFormat, type CommandEnv, type Deps } from '../../cli/command.js';
import { renderRows } from '../../cli/render.js';
import { listSettings } from '../../domain/settings.js';

export type ConfigListOptions = { json?: boolean; format?: string };

export function registerConfigList(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = withFormat(describe(parent.command('list'), t, 'config.list'), t);
  action(cmd, deps, runConfigList);
}

export async function runConfigList(env: CommandEnv, opts: ConfigListOptions, _args: string[]): Promise<number | void> {
  const { t } = env;
  const rows = await env.withDb((ctx) => listSettings(ctx.db));
  await renderRows(
    env.io,
    formatOf(opts),
    [
      { key: 'key', header: t('col.key'), value: (r) => r.key },
      { key: 'value', header: t('col.value'), value: (r) => r.value },
      { key: 'default', header: t('col.default'), value: (r) => r.default },
      { key: 'hint', header: t('col.detail'), value: (r) => t(r.hintKey) },
    ],
    rows,
  );
}
