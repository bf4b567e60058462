import type { Command } from 'commander';
import { action, describe, formatOf, intOption, withFormat, type Deps } from '../../cli/command.js';
import { renderRows } from '../../cli/render.js';
import { listWorkers, type WorkerFilter } from '../../domain/workers/read.js';
import { checkReveal, occupationOption, presenter, revealOptions, workerColumns, type RevealFlags } from './shared.js';

export type FilterFlags = { community?: string; occupation?: string; platform?: string; active?: boolean; inactive?: boolean; search?: string; reveal?: boolean };

export function filterOptions(cmd: Command, t: (k: string) => string): Command {
  return cmd
    .option('--community <name>', t('opt.community'))
    .addOption(occupationOption(t))
    .option('--platform <name>', t('opt.platform'))
    .option('--active', t('opt.only_active'))
    .option('--inactive', t('opt.only_inactive'))
    .option('--search <text>', t('opt.search'));
}

export function toFilter(flags: FilterFlags): WorkerFilter {
  return {
    community: flags.community,
    occupation: flags.occupation,
    platform: flags.platform,
    active: flags.active ? true : flags.inactive ? false : undefined,
    search: flags.search,
    searchRevealed: Boolean(flags.reveal),
  };
}

const DEFAULT_LIMIT = 500;

export function registerWorkerList(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = revealOptions(filterOptions(withFormat(describe(parent.command('list'), t, 'worker.list'), t), t), t).option(
    '--limit <n>',
    t('opt.limit'),
    intOption('--limit'),
  );
  action<FilterFlags & RevealFlags & { limit?: number; json?: boolean; format?: string }>(cmd, deps, async (env, opts) => {
    checkReveal(opts);
    const limit = opts.limit ?? DEFAULT_LIMIT;
    const workers = await env.withDb(async (ctx) => {
      const found = await listWorkers(ctx.db, { ...toFilter(opts), limit: limit > 0 ? limit + 1 : undefined });
      const shown = limit > 0 ? found.slice(0, limit) : found;
      if (limit > 0 && found.length > limit) env.warn(t('worker.list_truncated', { limit }));
      return shown.map(await presenter(ctx, opts, shown));
    });
    await renderRows(env.io, formatOf(opts), workerColumns(t), workers);
  });
}
