import type { Command } from 'commander';
import { action, describe, formatOf, intOption, withFormat, type CommandEnv, type Deps } from '../../cli/command.js';
import { renderRows } from '../../cli/render.js';
import { listWorkers } from '../../domain/workers/read.js';
import { checkReveal, filterOptions, presenter, revealOptions, toFilter, workerColumns, type FilterFlags, type RevealFlags } from './shared.js';

const DEFAULT_LIMIT = 500;

export type WorkerListOptions = FilterFlags & RevealFlags & { limit?: number; json?: boolean; format?: string };

export function registerWorkerList(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = revealOptions(filterOptions(withFormat(describe(parent.command('list'), t, 'worker.list'), t), t), t).option('--limit <n>', t('opt.limit'), intOption('--limit'));
  action(cmd, deps, runWorkerList);
}

export async function runWorkerList(env: CommandEnv, opts: WorkerListOptions, _args: string[]): Promise<number | void> {
  const { t } = env;
  checkReveal(opts);
  const limit = opts.limit ?? DEFAULT_LIMIT;
  const workers = await env.withDb(async (ctx) => {
    const found = await listWorkers(ctx.db, { ...toFilter(opts), limit: limit > 0 ? limit + 1 : undefined });
    const shown = limit > 0 ? found.slice(0, limit) : found;
    if (limit > 0 && found.length > limit) env.warn(t('worker.list_truncated', { limit }));
    return shown.map(await presenter(ctx, opts, shown));
  });
  await renderRows(env.io, formatOf(opts), workerColumns(t), workers);
}
