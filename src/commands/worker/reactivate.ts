import type { Command } from 'commander';
import { action, describe, type CommandEnv, type Deps } from '../../cli/command.js';
import { writeJson } from '../../cli/render.js';
import { setWorkerActive } from '../../domain/workers/write.js';
import { maskWorker } from './shared.js';

export type WorkerReactivateOptions = { json?: boolean };

export function registerWorkerReactivate(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('reactivate'), t, 'worker.reactivate').argument('<phone-or-id>', t('arg.worker')).option('--json', t('opt.json'));
  action(cmd, deps, runWorkerReactivate);
}

export async function runWorkerReactivate(env: CommandEnv, opts: WorkerReactivateOptions, [key]: string[]): Promise<number | void> {
  const worker = maskWorker(await env.withDb((ctx) => setWorkerActive(ctx, key!, true)));
  if (opts.json) writeJson(env.io, worker);
  else env.done(`${env.t('worker.reactivated', { phone: worker.phone ?? key })}\n`);
}
