import type { Command } from 'commander';
import { action, describe, formatOf, intOption, withFormat, type CommandEnv, type Deps } from '../../cli/command.js';
import { renderRows } from '../../cli/render.js';
import { top } from '../../domain/points/queries.js';
import { maskPhone } from '../../domain/privacy.js';
import { requireDate } from '../../domain/text/dates.js';
import { normalizeText } from '../../domain/text/normalize.js';

export type PointsTopOptions = { community?: string; from?: string; to?: string; limit: number; json?: boolean; format?: string };

export function registerPointsTop(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = withFormat(describe(parent.command('top'), t, 'points.top'), t)
    .option('--community <name>', t('opt.community'))
    .option('--from <date>', t('opt.from'))
    .option('--to <date>', t('opt.to'))
    .option('--limit <n>', t('opt.top_limit'), intOption('--limit'), 10);
  action(cmd, deps, runPointsTop);
}

export async function runPointsTop(env: CommandEnv, opts: PointsTopOptions, _args: string[]): Promise<number | void> {
  const { t } = env;
  const rows = await env.withDb((ctx) =>
    top(ctx.db, {
      community: opts.community ? normalizeText(opts.community) : undefined,
      from: opts.from ? requireDate(opts.from, '--from') : undefined,
      to: opts.to ? requireDate(opts.to, '--to') : undefined,
      limit: opts.limit,
    }),
  );
  await renderRows(
    env.io,
    formatOf(opts),
    [
      { key: 'rank', header: '#', value: (r) => r.rank },
      { key: 'name', header: t('col.name'), value: (r) => r.name },
      { key: 'phone', header: t('col.phone'), value: (r) => maskPhone(r.phone) },
      { key: 'community', header: t('col.community'), value: (r) => r.community },
      { key: 'points', header: t('col.points'), value: (r) => r.points },
      { key: 'awards', header: t('col.awards'), value: (r) => r.awards },
    ],
    rows,
  );
}
