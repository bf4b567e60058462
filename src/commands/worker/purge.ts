import type { Command } from 'commander';
import { action, describe, type CommandEnv, type Deps } from '../../cli/command.js';
import { writeJson } from '../../cli/render.js';
import { purgeWorker } from '../../domain/workers/write.js';

export type WorkerPurgeOptions = { reason: string; json?: boolean };

export function registerWorkerPurge(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('purge'), t, 'worker.purge')
    .argument('<phone-or-id>', t('arg.worker'))
    .requiredOption('--reason <text>', t('opt.reason'))
    .option('--json', t('opt.json'));
  action(cmd, deps, runWorkerPurge);
}

export async function runWorkerPurge(env: CommandEnv, opts: WorkerPurgeOptions, [key]: string[]): Promise<number | void> {
  const { t } = env;
  const result = await env.withDb(async (ctx, handle) => {
    const purged = await purgeWorker(ctx, key!, opts.reason);
    await handle.afterPurge();
    return purged;
  });
  if (opts.json) writeJson(env.io, { id: result.id, purged: true });
  else env.done(`${t('worker.purged_done', { id: result.id })}\n`);
}
