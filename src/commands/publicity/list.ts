import type { Command } from 'commander';
import { action, describe, formatOf, withFormat, type CommandEnv, type Deps } from '../../cli/command.js';
import { termLabel } from '../../cli/messages/index.js';
import { renderRows } from '../../cli/render.js';
import { listPublicity } from '../../domain/outreach/publicity.js';

export type PublicityListOptions = { action?: string; from?: string; to?: string; json?: boolean; format?: string };

export function registerPublicityList(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = withFormat(describe(parent.command('list'), t, 'publicity.list'), t)
    .option('--action <action>', t('opt.visit_action_filter'))
    .option('--from <date>', t('opt.from'))
    .option('--to <date>', t('opt.to'));
  action(cmd, deps, runPublicityList);
}

export async function runPublicityList(env: CommandEnv, opts: PublicityListOptions, _args: string[]): Promise<number | void> {
  const { t } = env;
  const rows = await env.withDb((ctx) => listPublicity(ctx.db, opts));
  await renderRows(
    env.io,
    formatOf(opts),
    [
      { key: 'id', header: t('col.id'), value: (p) => p.id },
      { key: 'date', header: t('col.date'), value: (p) => p.date },
      { key: 'action', header: t('col.programme_action'), value: (p) => p.action, shown: (p) => termLabel(t, 'action', p.action) },
      { key: 'channel', header: t('col.channel'), value: (p) => p.channel, shown: (p) => termLabel(t, 'publicity_channel', p.channel) },
      { key: 'title', header: t('col.publicity_title'), value: (p) => p.title },
      { key: 'reach', header: t('col.reach'), value: (p) => p.reach },
      { key: 'unit', header: t('col.unit'), value: (p) => p.unit },
      { key: 'community', header: t('col.community'), value: (p) => p.community },
      { key: 'wish', header: t('col.wish_id'), value: (p) => p.wish },
      { key: 'url', header: t('col.url'), value: (p) => p.url },
    ],
    rows,
  );
}
