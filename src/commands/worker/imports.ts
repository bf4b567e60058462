import { localTime } from '../../domain/clock.js';
import type { Command } from 'commander';
import { action, describe, formatOf, withFormat, type CommandEnv, type Deps } from '../../cli/command.js';
import { renderRows } from '../../cli/render.js';
import { listImports } from '../../domain/workers/read.js';

export type WorkerImportsOptions = { json?: boolean; format?: string };

export function registerWorkerImports(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = withFormat(describe(parent.command('imports'), t, 'worker.imports'), t);
  action(cmd, deps, runWorkerImports);
}

export async function runWorkerImports(env: CommandEnv, opts: WorkerImportsOptions, _args: string[]): Promise<number | void> {
  const { t } = env;
  const rows = await env.withDb((ctx) => listImports(ctx.db, 'workers'));
  await renderRows(
    env.io,
    formatOf(opts),
    [
      { key: 'id', header: t('col.id'), value: (r) => r.id },
      { key: 'at', header: t('col.at'), value: (r) => r.at, shown: (r) => localTime(r.at, env.clock.timeZone) },
      { key: 'file', header: t('col.file'), value: (r) => r.file_name },
      { key: 'sha256', header: 'SHA-256', value: (r) => (opts.json || opts.format === 'json' ? r.sha256 : r.sha256.slice(0, 12)) },
      { key: 'size', header: t('col.size'), value: (r) => r.size },
      { key: 'encoding', header: t('col.encoding'), value: (r) => r.encoding },
      { key: 'operator', header: t('col.operator'), value: (r) => r.operator },
      { key: 'source', header: t('col.source'), value: (r) => r.source },
      { key: 'inserted', header: t('col.inserted'), value: (r) => r.inserted },
      { key: 'updated', header: t('col.updated'), value: (r) => r.updated },
      { key: 'unchanged', header: t('col.unchanged'), value: (r) => r.unchanged },
      { key: 'rejected', header: t('col.rejected'), value: (r) => r.rejected },
    ],
    rows,
  );
}
