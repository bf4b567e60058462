import type { Command } from 'commander';
import { action, describe, formatOf, withFormat, type CommandEnv, type Deps } from '../../cli/command.js';
import { renderRows } from '../../cli/render.js';
import { listDistricts, type District } from '../../domain/admin/districts.js';

export type DistrictListOptions = { json?: boolean; format?: string };

export function registerDistrictList(parent: Command, deps: Deps): void {
  const cmd = withFormat(describe(parent.command('list'), deps.t, 'district.list'), deps.t);
  action(cmd, deps, runDistrictList);
}

export async function runDistrictList(env: CommandEnv, opts: DistrictListOptions, _args: string[]): Promise<number | void> {
  const rows = await env.withDb((ctx) => listDistricts(ctx.db), { anyDistrict: true, snapshot: true });
  await renderRows<District>(
    env.io,
    formatOf(opts),
    [
      { key: 'name', header: env.t('col.district'), value: (d) => d.name },
      { key: 'communities', header: env.t('col.communities'), value: (d) => d.communities },
      { key: 'workers', header: env.t('col.workers_active'), value: (d) => d.workers },
    ],
    rows,
  );
}
