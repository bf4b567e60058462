import type { Command } from 'commander';
import { action, describe, formatOf, withFormat, type CommandEnv, type Deps } from '../../cli/command.js';
import { renderRows } from '../../cli/render.js';
import { listCommunities } from '../../domain/geo/communities.js';

export type CommunityListOptions = { json?: boolean; format?: string };

export function registerCommunityList(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = withFormat(describe(parent.command('list'), t, 'community.list'), t);
  action(cmd, deps, runCommunityList);
}

export async function runCommunityList(env: CommandEnv, opts: CommunityListOptions, _args: string[]): Promise<number | void> {
  const { t } = env;
  const rows = await env.withDb((ctx) => listCommunities(ctx.db));
  await renderRows(
    env.io,
    formatOf(opts),
    [
      { key: 'name', header: t('col.community'), value: (r) => r.name },
      { key: 'subdistrict', header: t('col.subdistrict'), value: (r) => r.subdistrict },
      { key: 'stations', header: t('col.stations'), value: (r) => r.stations },
      { key: 'workers', header: t('col.workers'), value: (r) => r.workers },
    ],
    rows,
  );
}
