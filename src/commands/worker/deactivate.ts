import type { Command } from 'commander';
import { action, describe, type CommandEnv, type Deps } from '../../cli/command.js';
import { writeJson } from '../../cli/render.js';
import { setWorkerActive } from '../../domain/workers/write.js';
import { maskWorker } from './shared.js';

export type WorkerDeactivateOptions = { reason: string; json?: boolean };

export function registerWorkerDeactivate(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('deactivate'), t, 'worker.deactivate')
    .argument('<phone-or-id>', t('arg.worker'))
    .requiredOption('--reason <text>', t('opt.reason'))
    .option('--json', t('opt.json'));
  action(cmd, deps, runWorkerDeactivate);
}

export async function runWorkerDeactivate(env: CommandEnv, opts: WorkerDeactivateOptions, [key]: string[]): Promise<number | void> {
  const worker = maskWorker(await env.withDb((ctx) => setWorkerActive(ctx, key!, false, opts.reason)));
  if (opts.json) writeJson(env.io, worker);
  else env.done(`${env.t('worker.deactivated', { phone: worker.phone ?? key })}\n`);
}
